package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.core.ErrorCode;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Formats the message of an error code that is reported as a value (an evaluation problem, a reason why a FIM rule is
 * not executable) rather than thrown, from the same bundles and with the same language choice as the exceptions.
 */
public final class Messages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The message in English for {@code en*} locales, otherwise in German, the language of the administration. */
    public static String format(ErrorCode code, Locale locale, List<String> arguments) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        try {
            String template = ResourceBundle.getBundle(code.bundleBaseName(), language, NO_FALLBACK)
                    .getString(code.code());
            return new MessageFormat(template, language).format(arguments.toArray());
        } catch (MissingResourceException e) {
            return code.code() + " " + arguments;
        }
    }
}
