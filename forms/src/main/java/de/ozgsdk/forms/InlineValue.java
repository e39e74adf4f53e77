package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * One allowed value of a select field given inline in the schema ({@code <xdf:werte>/<xdf:wert>} of XDatenfelder 3)
 * instead of through a code list.
 *
 * @param code the stored value, unique within the field
 * @param name the text shown to the user
 * @param help an explanation of the value, if any
 */
public record InlineValue(String code, String name, Optional<String> help) {

    public InlineValue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        if (code.isEmpty()) {
            throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "wert/code", code);
        }
    }
}
