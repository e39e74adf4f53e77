package de.ozgsdk.auth;

import de.ozgsdk.core.ErrorCode;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Formats the message of an error code in German or English, as {@link de.ozgsdk.core.OzgException} does. */
final class Messages {

    private Messages() {
    }

    static String format(ErrorCode code, Locale locale, Object... arguments) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        ResourceBundle bundle = ResourceBundle.getBundle(code.bundleBaseName(), language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(code.code()), language).format(arguments);
    }
}
