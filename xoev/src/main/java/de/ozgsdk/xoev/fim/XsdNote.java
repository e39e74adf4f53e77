package de.ozgsdk.xoev.fim;

import de.ozgsdk.xoev.internal.fim.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A place where the generated XSD does not state a constraint of the form exactly (a Java-only pattern, a missing
 * code list, a rule); the same text is in an {@code xs:annotation} of the XSD.
 *
 * @param code      {@code OZG-XFIM-1xx}
 * @param elementId the element concerned, e.g. {@code F60000227V1.2}
 * @param details   code-specific arguments (patterns, names from the schema, never form data)
 */
public record XsdNote(FimXmlError code, String elementId, List<String> details) {

    public XsdNote {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(elementId, "elementId");
        details = List.copyOf(details);
    }

    /** The message in German or English (other languages get German). */
    public String message(Locale locale) {
        List<String> arguments = new ArrayList<>();
        arguments.add(elementId);
        arguments.addAll(details);
        return Messages.format(code, locale, arguments);
    }

    @Override
    public String toString() {
        return "[" + code.code() + "] " + message(Locale.ENGLISH);
    }
}
