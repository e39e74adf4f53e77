package de.ozgsdk.core;

/** Thrown when the SDK is configured wrongly (missing key, bad certificate file, unusable database). */
public class ConfigurationException extends OzgException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(ErrorCode code, Object... arguments) {
        super(code, null, arguments);
    }

    public ConfigurationException(ErrorCode code, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
