package de.ozgsdk.sandbox;

import de.ozgsdk.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a mock server answers to one request: a status with headers and body, or no answer at all (the connection
 * hangs or is dropped). Immutable; {@link #header} returns a copy.
 */
public final class Answer {

    enum Mode { RESPOND, HANG, DROP }

    private static final byte[] NONE = new byte[0];

    private final Mode mode;
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private Answer(Mode mode, int status, Map<String, String> headers, byte[] body) {
        this.mode = mode;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** {@code status} without body. */
    public static Answer status(int status) {
        return of(status, "", NONE);
    }

    /** {@code status} with {@code body} of {@code contentType} (no {@code Content-Type} header if empty). */
    public static Answer of(int status, String contentType, byte[] body) {
        if (status < 100 || status > 599) {
            throw new InvalidInputException(SandboxError.STATUS_INVALID, status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!Objects.requireNonNull(contentType, "contentType").isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        return new Answer(Mode.RESPOND, status, Map.copyOf(headers), Objects.requireNonNull(body, "body").clone());
    }

    /** {@code status} with the UTF-8 text {@code body} of {@code contentType}. */
    public static Answer text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code status} with {@code application/json} {@code json}. */
    public static Answer json(int status, String json) {
        return text(status, "application/json", json);
    }

    /** No answer: the request hangs until the client gives up or the mock is closed. */
    public static Answer hang() {
        return new Answer(Mode.HANG, 0, Map.of(), NONE);
    }

    /** No answer: the connection is closed. */
    public static Answer drop() {
        return new Answer(Mode.DROP, 0, Map.of(), NONE);
    }

    /** This answer with the header {@code name: value} set (replacing one of the same name). */
    public Answer header(String name, String value) {
        if (mode != Mode.RESPOND) {
            throw new IllegalStateException("an answer that is never sent has no headers");
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Answer(mode, status, copy, body);
    }

    /** Whether the mock answers at all (false for a hang or a dropped connection). */
    public boolean isSent() {
        return mode == Mode.RESPOND;
    }

    /** The HTTP status, 0 if nothing is sent. */
    public int statusCode() {
        return status;
    }

    /** The response headers. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** A copy of the body bytes (empty: no body). */
    public byte[] body() {
        return body.clone();
    }

    Mode mode() {
        return mode;
    }

    byte[] bodyBytes() {
        return body;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case RESPOND -> "Answer[" + status + ", " + body.length + " bytes]";
            case HANG -> "Answer[hang]";
            case DROP -> "Answer[drop]";
        };
    }
}
