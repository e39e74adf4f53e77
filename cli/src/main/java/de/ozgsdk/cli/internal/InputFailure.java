package de.ozgsdk.cli.internal;

import de.ozgsdk.core.OzgException;
import java.util.Objects;

/**
 * An {@link OzgException} raised while processing one input file, carrying the file's name so that the error report
 * can say where, also when the exception's own message cannot (a JSON parse error knows line and column, not the file).
 */
final class InputFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;

    InputFailure(String fileName, OzgException cause) {
        super(cause.getMessage(), cause);
        this.fileName = Objects.requireNonNull(fileName, "fileName");
    }

    /** The name of the input file as given on the command line. */
    String fileName() {
        return fileName;
    }

    /** The underlying exception with code and message. */
    OzgException ozgCause() {
        return (OzgException) getCause();
    }
}
