package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.core.ErrorCode;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Formats the templates of {@code de/ozgsdk/xoev/fim/messages*.properties}: English for {@code en}, else German. */
public final class Messages {

    private static final String BUNDLE = "de.ozgsdk.xoev.fim.messages";

    private Messages() {
    }

    /** The message of a code with its arguments. */
    public static String format(ErrorCode code, Locale locale, List<String> arguments) {
        Locale language = language(locale);
        String template = text(code.code(), language);
        if (template == null) {
            return code.code() + " " + arguments;
        }
        return new MessageFormat(template, language).format(arguments.toArray());
    }

    /** The explanation of an XML Schema rule key such as {@code cvc-pattern-valid}. */
    public static String xsdRule(String ruleKey, Locale locale) {
        Locale language = language(locale);
        String text = text("xsd." + ruleKey, language);
        return text != null ? text : text("xsd.other", language);
    }

    /** What a JSON Schema keyword a value broke means, in German or English; a general text for others. */
    public static String jsonKeyword(String keyword, Locale locale) {
        Locale language = language(locale);
        String text = text("json." + keyword, language);
        return text != null ? text : text("json.other", language);
    }

    private static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    private static String text(String key, Locale language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
