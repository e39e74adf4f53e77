package de.ozgsdk.core;

/** Thrown when what was asked for does not exist or no longer exists. */
public class NotFoundException extends OzgException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, Object... arguments) {
        super(code, null, arguments);
    }

    public NotFoundException(ErrorCode code, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
