package de.ozgsdk.forms.render;

import de.ozgsdk.forms.internal.render.Buffers;
import de.ozgsdk.forms.internal.render.FormPages;
import java.util.Objects;
import java.util.Optional;

/**
 * A rendered step or check-answers page: the form fragment to embed into a portal's own page, or the whole HTML
 * document with the theme's page shell and style sheet.
 */
public final class RenderedPage {

    /** The complete form markup; never written to again, so that reading it from any thread is safe. */
    private final HtmlWriter fragment;
    private final Theme theme;
    private final Theme.Page page;
    /** The whole page with the fragment in it, when the theme wrote it in one go; never written to again. */
    private final Optional<FormPages.PageText> whole;
    /** The fragment as a string, made on first use: a portal that takes the whole page never needs it. */
    private volatile String fragmentText;

    RenderedPage(HtmlWriter fragment, Theme theme, Theme.Page page, Optional<FormPages.PageText> whole) {
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.theme = theme;
        this.page = page;
        this.whole = whole;
    }

    /**
     * The form (heading, progress, error summary, fieldsets, buttons) without page shell, for embedding. The portal
     * page must set {@code lang} and {@code dir} as {@link #language()} and {@link #direction()} say, give the
     * document the {@link #title()} and include the style sheet ({@link FormRenderer#css()}).
     */
    public String fragment() {
        String text = fragmentText;
        if (text == null) {
            text = whole.isPresent()
                    ? whole.get().text().substring(whole.get().fragmentStart(), whole.get().fragmentEnd())
                    : fragment.toString();
            fragmentText = text;
        }
        return text;
    }

    /** The whole document: {@code <!DOCTYPE html><html lang dir>}, head with title and style sheet, the form. */
    public String page() {
        if (whole.isPresent()) {
            return whole.get().text().substring(whole.get().pageStart());
        }
        HtmlWriter out = new HtmlWriter(Buffers.forPage(fragment.length() + page.css().length() + 512));
        theme.page(out, page, () -> out.append(fragment));
        return out.toHtml();
    }

    /** The document title (starting with "Fehler:" when errors are shown). */
    public String title() {
        return page.title();
    }

    /** The page language tag ({@code de}, {@code en}, {@code tr}, {@code uk}, {@code ar}). */
    public String language() {
        return page.language();
    }

    /** {@code ltr}, or {@code rtl} for Arabic. */
    public String direction() {
        return page.direction();
    }

    @Override
    public String toString() {
        int length = whole.isPresent() ? whole.get().fragmentEnd() - whole.get().fragmentStart() : fragment.length();
        return "RenderedPage " + page.language() + " (" + length + " characters)";
    }
}
