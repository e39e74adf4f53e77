package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;

/**
 * Thrown when an XDatenfelder file cannot be imported: it says what is wrong ({@link #code()}), where
 * ({@link #location()}: line, column, element path, FIM id) and, in its message, how to fix it.
 *
 * <p>The message arguments are always: source name, line, column, element path, element id (or {@code -}), followed
 * by the arguments specific to the code. They never contain form data, only structure from the schema file.
 */
public final class FimImportException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient ImportLocation location;

    /** Creates the exception; {@code details} are the code-specific message arguments after the location. */
    public FimImportException(FimError code, ImportLocation location, Throwable cause, Object... details) {
        super(code, cause, arguments(location, details));
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Where the problem was found. */
    public ImportLocation location() {
        return location;
    }

    /** The line (1-based; 0 when unknown). */
    public int line() {
        return location.line();
    }

    /** The column (1-based; 0 when unknown). */
    public int column() {
        return location.column();
    }

    /** The element path, e.g. {@code /xdatenfelder.datenfeld.0104/datenfeld/feldart}. */
    public String path() {
        return location.path();
    }

    static Object[] arguments(ImportLocation location, Object... details) {
        Object[] arguments = new Object[5 + details.length];
        arguments[0] = location.source();
        arguments[1] = String.valueOf(location.line());
        arguments[2] = String.valueOf(location.column());
        arguments[3] = location.path();
        arguments[4] = location.elementId().map(FimId::toString).orElse("-");
        System.arraycopy(details, 0, arguments, 5, details.length);
        return arguments;
    }
}
