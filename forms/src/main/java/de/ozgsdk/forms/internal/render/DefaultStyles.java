package de.ozgsdk.forms.internal.render;

import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.forms.render.RenderError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The default style sheet {@code de/ozgsdk/forms/render/ozg-forms.css}, read once. */
public final class DefaultStyles {

    /** The resource path of the default style sheet, for portals that serve it as a file. */
    public static final String RESOURCE = "/de/ozgsdk/forms/render/ozg-forms.css";

    /** The default style sheet's text. */
    public static final String CSS = load();

    private DefaultStyles() {
    }

    /** Returns a style sheet that is safe to inline in {@code <style>}: it must not contain {@code <}. */
    public static String checkedCss(String css) {
        if (css.indexOf('<') >= 0) {
            throw new ProcessingException(RenderError.MARKUP_MISUSE,
                    "a style sheet to inline contains '<', which could end the style element");
        }
        return css;
    }

    private static String load() {
        try (InputStream in = DefaultStyles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
