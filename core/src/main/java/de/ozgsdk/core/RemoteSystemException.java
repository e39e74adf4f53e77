package de.ozgsdk.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a remote system (Servicekonto, ePayBL, time-stamp authority, Fachverfahren) failed or answered in a way
 * the SDK cannot use; it says which system, the HTTP status and request id where known, and whose side presumably
 * failed, so that operations know whom to call.
 */
public class RemoteSystemException extends OzgException {

    private static final long serialVersionUID = 1L;

    /** Whose side presumably caused the failure. */
    public enum Side {
        /** The remote system failed (5xx, timeout, broken answer). */
        REMOTE,
        /** Our request was refused (4xx): presumably our configuration or request is wrong. */
        LOCAL,
        /** The network between us failed, or it cannot be told. */
        UNKNOWN
    }

    private final String system;
    private final Side side;
    private final int httpStatus;
    private final String requestId;

    private RemoteSystemException(Builder builder) {
        super(builder.code, builder.cause, builder.arguments);
        this.system = builder.system;
        this.side = builder.side;
        this.httpStatus = builder.httpStatus;
        this.requestId = builder.requestId;
    }

    /** Starts an exception for the remote {@code system} (a short name such as {@code "TSA"} or {@code "ePayBL"}). */
    public static Builder builder(ErrorCode code, String system) {
        return new Builder(code, system);
    }

    /** Short name of the remote system, e.g. {@code TSA}. */
    public String system() {
        return system;
    }

    /** Whose side presumably failed. */
    public Side side() {
        return side;
    }

    /** The HTTP status of the remote answer, if there was one. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The request id to quote to the remote system's operators, if known. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Whether the same request may succeed when sent again later. */
    public boolean retryable() {
        return side != Side.LOCAL;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REMOTE_FAILURE;
    }

    /** Builds a {@link RemoteSystemException}. */
    public static final class Builder {
        private final ErrorCode code;
        private final String system;
        private Side side = Side.UNKNOWN;
        private int httpStatus = -1;
        private String requestId;
        private Throwable cause;
        private Object[] arguments = new Object[0];

        private Builder(ErrorCode code, String system) {
            this.code = Objects.requireNonNull(code, "code");
            this.system = Objects.requireNonNull(system, "system");
        }

        /** The HTTP status; also sets the side: 4xx = {@link Side#LOCAL}, 5xx = {@link Side#REMOTE}. */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            if (status >= 400 && status < 500) {
                side = Side.LOCAL;
            } else if (status >= 500) {
                side = Side.REMOTE;
            }
            return this;
        }

        public Builder side(Side side) {
            this.side = Objects.requireNonNull(side, "side");
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** Message arguments (never personal data). */
        public Builder arguments(Object... arguments) {
            this.arguments = arguments.clone();
            return this;
        }

        public RemoteSystemException build() {
            return new RemoteSystemException(this);
        }
    }
}
