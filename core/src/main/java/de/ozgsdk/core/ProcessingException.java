package de.ozgsdk.core;

/** Thrown when processing failed inside the SDK for a reason that is not the caller's input. */
public class ProcessingException extends OzgException {

    private static final long serialVersionUID = 1L;

    public ProcessingException(ErrorCode code, Object... arguments) {
        super(code, null, arguments);
    }

    public ProcessingException(ErrorCode code, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.PROCESSING;
    }
}
