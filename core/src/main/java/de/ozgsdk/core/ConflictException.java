package de.ozgsdk.core;

/** Thrown when the request conflicts with the current state, such as a stale version of a draft. */
public class ConflictException extends OzgException {

    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, Object... arguments) {
        super(code, null, arguments);
    }

    public ConflictException(ErrorCode code, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}
