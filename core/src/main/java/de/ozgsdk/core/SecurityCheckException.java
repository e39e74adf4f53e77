package de.ozgsdk.core;

/** Thrown when a security check failed (signature, certificate, tampered data, another owner's data). */
public class SecurityCheckException extends OzgException {

    private static final long serialVersionUID = 1L;

    public SecurityCheckException(ErrorCode code, Object... arguments) {
        super(code, null, arguments);
    }

    public SecurityCheckException(ErrorCode code, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.SECURITY;
    }
}
