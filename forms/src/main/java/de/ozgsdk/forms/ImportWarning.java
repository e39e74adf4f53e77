package de.ozgsdk.forms;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Something the importer accepted but a schema author should fix (an id of unusual shape, a pattern that is not a
 * regular expression, in lenient mode also deviations from the XSD), with a stable code and where it was found.
 *
 * @param code      the stable code, e.g. {@code OZG-FIM-203}
 * @param location  where it was found
 * @param details   the code-specific message arguments (ids, element names, texts from the schema, never form data)
 */
public record ImportWarning(FimError code, ImportLocation location, List<String> details) {

    public ImportWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        details = List.copyOf(details);
    }

    /** The message in German or English (other languages get German), saying what, where and how to fix. */
    public String message(Locale locale) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        Object[] arguments = FimImportException.arguments(location, details.toArray());
        try {
            String template = ResourceBundle.getBundle(code.bundleBaseName(), language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(code.code());
            return new MessageFormat(template, language).format(arguments);
        } catch (MissingResourceException e) {
            return code.code() + " " + List.of(arguments);
        }
    }

    /** The code, location and English message, for logs. */
    @Override
    public String toString() {
        return "[" + code.code() + "] " + message(Locale.ENGLISH);
    }
}
