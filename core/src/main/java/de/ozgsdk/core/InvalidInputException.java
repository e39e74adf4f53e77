package de.ozgsdk.core;

/** Thrown when the caller's input is bad (malformed value, violated constraint); retrying the same input fails again. */
public class InvalidInputException extends OzgException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(ErrorCode code, Object... arguments) {
        super(code, null, arguments);
    }

    public InvalidInputException(ErrorCode code, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }
}
