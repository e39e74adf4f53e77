package de.ozgsdk.xoev.fim;

import de.ozgsdk.core.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * Thrown when form data written or read as XML or JSON are not valid against the generated XSD or the JSON Schema
 * export ({@link FimXmlError#DATA_INVALID}); {@link #violations()} says where and why.
 */
public final class FimDataException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<FimDataViolation> violations;

    /** An exception for the schema with this id and these violations (at least one). */
    public FimDataException(String schemaId, List<FimDataViolation> violations) {
        super(FimXmlError.DATA_INVALID, schemaId, violations.size(), violations.get(0).message(Locale.ENGLISH));
        this.violations = List.copyOf(violations);
    }

    /** Every violation, in document order. */
    public List<FimDataViolation> violations() {
        return violations;
    }
}
