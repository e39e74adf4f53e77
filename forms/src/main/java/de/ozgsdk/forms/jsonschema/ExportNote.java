package de.ozgsdk.forms.jsonschema;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A place where the exported JSON Schema does not state a constraint of the form exactly (a rule, a pattern that is
 * not portable, a code list that was not available), so that a user of the export knows what else to check.
 *
 * @param code      the stable code, {@code OZG-JSCH-1xx}
 * @param elementId the element concerned, e.g. {@code F60000227V1.2} (the schema's id for schema rules)
 * @param details   the code-specific message arguments (ids, patterns, names from the schema, never form data)
 */
public record ExportNote(JsonSchemaError code, String elementId, List<String> details) {

    public ExportNote {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(elementId, "elementId");
        details = List.copyOf(details);
    }

    /** The message in German or English (other languages get German), saying what is not stated and what to do. */
    public String message(Locale locale) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        Object[] arguments = new Object[details.size() + 1];
        arguments[0] = elementId;
        for (int i = 0; i < details.size(); i++) {
            arguments[i + 1] = details.get(i);
        }
        try {
            String template = ResourceBundle.getBundle(code.bundleBaseName(), language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(code.code());
            return new MessageFormat(template, language).format(arguments);
        } catch (MissingResourceException e) {
            return code.code() + " " + List.of(arguments);
        }
    }

    /** The code and English message, for logs. */
    @Override
    public String toString() {
        return "[" + code.code() + "] " + message(Locale.ENGLISH);
    }
}
