package de.ozgsdk.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a mock's record: what it received and how it answered, with personal data masked by the mock
 * (secret headers as {@code ***}, bodies as size and hash or with masked fields).
 *
 * @param time when the request arrived, by the mock's clock
 * @param method the HTTP method (or, for a mock without HTTP, the kind of event, e.g. {@code IMPORT})
 * @param path the request path without query (or what the event concerned)
 * @param headers the headers the mock records, secrets masked
 * @param body the body summary the mock chose (e.g. {@code 1234 bytes, sha-256 ab12…}), empty without body
 * @param status the answered status; empty if no answer was sent (hang, dropped connection)
 * @param fault the fault applied to this request, empty if none
 */
public record RecordedExchange(Instant time, String method, String path, Map<String, String> headers, String body,
        OptionalInt status, Optional<String> fault) {

    /** Validates and freezes the parts. */
    public RecordedExchange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fault, "fault");
    }
}
