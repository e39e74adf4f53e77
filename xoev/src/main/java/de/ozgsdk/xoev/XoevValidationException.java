package de.ozgsdk.xoev;

import de.ozgsdk.core.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a document read or an object written does not conform to its XML Schema: carries all violations
 * found ({@link #violations()}), with line and column when reading. Its message names the count and where the first
 * ones are and which rule they violate, never a value of the document.
 */
public class XoevValidationException extends InvalidInputException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_IN_MESSAGE = 3;

    /** The violations; not serialised (a deserialised exception has an empty list). */
    private final transient List<SchemaViolation> violations;

    /**
     * @param code       {@link XoevError#NOT_SCHEMA_VALID_ON_READ} or {@link XoevError#NOT_SCHEMA_VALID_ON_WRITE}
     * @param subject    the document's system id (reading) or the type's name (writing); never personal data
     * @param violations at least one violation
     */
    public XoevValidationException(XoevError code, String subject, List<SchemaViolation> violations) {
        super(code, subject, violations.size(), summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** All violations found, in document order; the validator's messages in them may quote document values. */
    public List<SchemaViolation> violations() {
        return violations == null ? List.of() : violations;
    }

    private static String summary(List<SchemaViolation> violations) {
        String first = violations.stream()
                .limit(SHOWN_IN_MESSAGE)
                .map(XoevValidationException::position)
                .collect(Collectors.joining("; "));
        return violations.size() > SHOWN_IN_MESSAGE ? first + "; ..." : first;
    }

    /** Language-neutral, since the summary sits inside a German or English sentence: "cvc-… (3:14 /kopf/autor)". */
    private static String position(SchemaViolation violation) {
        StringBuilder text = new StringBuilder(violation.rule()).append(" (");
        if (violation.line() >= 0) {
            text.append(violation.line()).append(':').append(violation.column());
        }
        violation.path().ifPresent(p -> text.append(violation.line() >= 0 ? " " : "").append(p));
        if (violation.line() < 0 && violation.path().isEmpty()) {
            text.append('?');
        }
        return text.append(')').toString();
    }
}
