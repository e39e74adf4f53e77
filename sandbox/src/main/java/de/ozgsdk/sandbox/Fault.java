package de.ozgsdk.sandbox;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.sandbox.internal.PathPattern;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted misbehaviour of a mock server: what happens (latency, an HTTP status, a hang, a dropped connection or
 * one of the mock's own system errors), to which requests (method and path pattern) and how often.
 *
 * <p>Faults are immutable; each {@code on…}, {@code times}, {@code after} returns a new fault. Without {@link #times}
 * a fault holds until {@link Faults#clear() cleared}. Path patterns are globs over the request path: {@code *} matches
 * within one segment, {@code **} across segments (e.g. {@code /submissions/*}{@code /attachments/**}).
 */
public final class Fault {

    /** What a fault does to a request it matches. */
    public enum Kind {
        /** The mock answers normally, but only after {@link #delay()}. */
        LATENCY,
        /** The mock answers with {@link #status()} (and {@link #body()}) instead of handling the request. */
        STATUS,
        /** The mock never answers: the request hangs until the client gives up (or the mock is closed). */
        HANG,
        /** The mock closes the connection without an answer. */
        DROP,
        /** The mock answers with one of its own errors, named by {@link #systemError()}. */
        SYSTEM_ERROR
    }

    /** Marks a fault that holds until cleared. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private final Kind kind;
    private final Duration delay;
    private final int status;
    private final String contentType;
    private final String body;
    private final String systemError;
    private final String method;
    private final PathPattern path;
    private final int times;

    private Fault(Kind kind, Duration delay, int status, String contentType, String body, String systemError,
            String method, PathPattern path, int times) {
        this.kind = kind;
        this.delay = delay;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.systemError = systemError;
        this.method = method;
        this.path = path;
        this.times = times;
    }

    /** Answers normally after {@code delay} (a slow system). */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, requireDelay(delay), 0, "", "", "", "", PathPattern.ANY, UNLIMITED);
    }

    /** Answers with {@code status} and a short plain-text body instead of handling the request. */
    public static Fault status(int status) {
        return status(status, "text/plain; charset=utf-8", "sandbox fault: status " + status);
    }

    /** Answers with {@code status}, {@code contentType} and {@code body}; an empty body sends none. */
    public static Fault status(int status, String contentType, String body) {
        if (status < 100 || status > 599) {
            throw new InvalidInputException(SandboxError.STATUS_INVALID, status);
        }
        return new Fault(Kind.STATUS, Duration.ZERO, status, Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body"), "", "", PathPattern.ANY, UNLIMITED);
    }

    /** Never answers: the client runs into its own timeout. */
    public static Fault hang() {
        return new Fault(Kind.HANG, Duration.ZERO, 0, "", "", "", "", PathPattern.ANY, UNLIMITED);
    }

    /** Closes the connection without an answer (after the request has been read). */
    public static Fault drop() {
        return new Fault(Kind.DROP, Duration.ZERO, 0, "", "", "", "", PathPattern.ANY, UNLIMITED);
    }

    /** One of the mock's own errors, by the name of the mock's error enum constant (see each mock's Javadoc). */
    public static Fault systemError(Enum<?> error) {
        return systemError(error.name());
    }

    /** One of the mock's own errors by name; {@link Faults#add} refuses a name the mock does not know. */
    public static Fault systemError(String error) {
        if (Objects.requireNonNull(error, "error").isBlank()) {
            throw new InvalidInputException(SandboxError.SYSTEM_ERROR_UNKNOWN, "?", error, "the constants of its Error enum");
        }
        return new Fault(Kind.SYSTEM_ERROR, Duration.ZERO, 0, "", "", error, "", PathPattern.ANY, UNLIMITED);
    }

    /** The same fault for requests with {@code method} (any method if empty) to paths matching {@code pathPattern}. */
    public Fault on(String method, String pathPattern) {
        String m = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
        return new Fault(kind, delay, status, contentType, body, systemError, m, PathPattern.of(pathPattern), times);
    }

    /** The same fault for requests of any method to paths matching {@code pathPattern}. */
    public Fault onPath(String pathPattern) {
        return on("", pathPattern);
    }

    /** The same fault for the next {@code count} matching requests only. */
    public Fault times(int count) {
        if (count < 1) {
            throw new InvalidInputException(SandboxError.FAULT_COUNT_INVALID, count);
        }
        return new Fault(kind, delay, status, contentType, body, systemError, method, path, count);
    }

    /** The same fault for the next matching request only. */
    public Fault once() {
        return times(1);
    }

    /** The same fault, happening only after {@code delay} (e.g. a slow 503); for {@link Kind#LATENCY} the latency. */
    public Fault after(Duration delay) {
        return new Fault(kind, requireDelay(delay), status, contentType, body, systemError, method, path, times);
    }

    /** What the fault does. */
    public Kind kind() {
        return kind;
    }

    /** How long the mock waits before the fault happens (zero: at once). */
    public Duration delay() {
        return delay;
    }

    /** The answered status of a {@link Kind#STATUS} fault, otherwise 0. */
    public int status() {
        return status;
    }

    /** The content type of a {@link Kind#STATUS} fault's body. */
    public String contentType() {
        return contentType;
    }

    /** The body of a {@link Kind#STATUS} fault (empty: no body). */
    public String body() {
        return body;
    }

    /** The mock error of a {@link Kind#SYSTEM_ERROR} fault, otherwise empty. */
    public String systemError() {
        return systemError;
    }

    /** The method the fault applies to; empty for every method. */
    public Optional<String> method() {
        return method.isEmpty() ? Optional.empty() : Optional.of(method);
    }

    /** The path glob the fault applies to ({@code /**}: every path). */
    public String pathPattern() {
        return path.pattern();
    }

    /** How many matching requests the fault affects; empty: until cleared. */
    public Optional<Integer> times() {
        return times == UNLIMITED ? Optional.empty() : Optional.of(times);
    }

    /** Whether the fault applies to a request with {@code requestMethod} to {@code requestPath}. */
    public boolean matches(String requestMethod, String requestPath) {
        return (method.isEmpty() || method.equalsIgnoreCase(requestMethod)) && path.matches(requestPath);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.name().toLowerCase(Locale.ROOT));
        switch (kind) {
            case STATUS -> text.append(' ').append(status);
            case SYSTEM_ERROR -> text.append(' ').append(systemError);
            default -> { }
        }
        if (!delay.isZero()) {
            text.append(kind == Kind.LATENCY ? " " : " after ").append(delay.toMillis()).append(" ms");
        }
        text.append(" on ").append(method.isEmpty() ? "*" : method).append(' ').append(path.pattern());
        if (times != UNLIMITED) {
            text.append(" (").append(times).append(times == 1 ? " time)" : " times)");
        }
        return text.toString();
    }

    private static Duration requireDelay(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new InvalidInputException(SandboxError.FAULT_DELAY_INVALID, delay);
        }
        return delay;
    }
}
