package de.ozgsdk.cli.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The headings and words of the text output in German or English ({@code de/ozgsdk/cli/labels*.properties}). */
final class Labels {

    private final ResourceBundle bundle;
    private final Locale locale;

    Labels(Locale locale) {
        this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        this.bundle = ResourceBundle.getBundle("de.ozgsdk.cli.labels", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... arguments) {
        String template = bundle.getString(key);
        return arguments.length == 0 ? template : new MessageFormat(template, locale).format(arguments);
    }
}
