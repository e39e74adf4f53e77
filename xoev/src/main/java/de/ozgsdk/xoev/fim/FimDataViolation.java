package de.ozgsdk.xoev.fim;

import de.ozgsdk.xoev.internal.fim.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One reason why form data are not valid as XML against the generated XSD or as JSON against the JSON Schema export:
 * where (data path, line and column of the XML, or JSON pointer) and what, never the value itself.
 *
 * @param code        {@code OZG-XFIM-2xx}
 * @param path        the data path, e.g. {@code G60000086[0].F60000227[0]}, or {@code /} for the whole document
 * @param line        the line in the XML (1-based), empty for JSON
 * @param column      the column in the XML (1-based), empty for JSON
 * @param jsonPointer the JSON pointer of the value ({@code /G60000086/0/F60000227}), empty for XML
 * @param details     code-specific arguments (the XML Schema rule key, the JSON Schema keyword); no form values
 */
public record FimDataViolation(FimXmlError code, String path, OptionalInt line, OptionalInt column,
                               Optional<String> jsonPointer, List<String> details) {

    public FimDataViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        details = List.copyOf(details);
    }

    /** The message in German or English (other languages get German), naming the place and the broken rule. */
    public String message(Locale locale) {
        if (code == FimXmlError.XSD_VIOLATION && !details.isEmpty()) {
            return Messages.format(code, locale, List.of(path, Messages.xsdRule(details.get(0), locale),
                    details.get(0)));
        }
        if (code == FimXmlError.JSON_SCHEMA_VIOLATION && !details.isEmpty()) {
            return Messages.format(code, locale, List.of(path, Messages.jsonKeyword(details.get(0), locale),
                    details.get(0)));
        }
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add(path);
        arguments.addAll(details);
        return Messages.format(code, locale, arguments);
    }

    /** Code, place and English message, for logs (no form values). */
    @Override
    public String toString() {
        String where = line.isPresent() ? " line " + line.getAsInt() + ", column " + column.orElse(0)
                : jsonPointer.map(p -> " at " + p).orElse("");
        return "[" + code.code() + "]" + where + " " + message(Locale.ENGLISH);
    }
}
