package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.data.DataError;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link FimForm#submission} for data with violations ({@link DataError#DATA_INVALID}, {@code OZG-DATA-115}):
 * a program asked to submit data it did not validate first. The violations are in {@link #violations()}; the message
 * names their paths and codes, never the values.
 */
public final class InvalidFormDataException extends InvalidInputException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;

    private final transient ValidationResult result;

    InvalidFormDataException(String schemaId, ValidationResult result) {
        super(DataError.DATA_INVALID, schemaId, result.violations().size(), summary(result.violations()));
        this.result = result;
    }

    /** The violations, in schema order. */
    public List<Violation> violations() {
        return result.violations();
    }

    /** The whole validation result (violations, hidden elements, rule problems). */
    public ValidationResult result() {
        return result;
    }

    private static String summary(List<Violation> violations) {
        String listed = violations.stream().limit(LISTED)
                .map(v -> v.path() + " " + v.code().code())
                .collect(Collectors.joining(", "));
        return violations.size() > LISTED ? listed + ", …" : listed;
    }
}
