package de.ozgsdk.portal.web;

import de.ozgsdk.auth.SessionLimits;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.portal.PortalError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Flow sessions kept in the host's {@code HttpSession}, for a legacy portal that manages sessions itself (and
 * replicates them, if it runs on several nodes). The values live in one session attribute per scope; the container
 * ends the session after the idle timeout ({@code setMaxInactiveInterval}), this class at the absolute deadline, and
 * {@link #rotate} changes the container's session id ({@code changeSessionId}). {@link #end} removes only the flow's
 * attribute, since the host's session may hold the host's own data. Thread-safe.
 */
public final class HttpSessionFlowSessions implements FlowSessions {

    private final String attribute;
    private final SessionLimits limits;
    private final Clock clock;

    private HttpSessionFlowSessions(String scope, SessionLimits limits, Clock clock) {
        this.attribute = "de.ozgsdk.portal.flow." + scope;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Flow sessions under {@code scope} (e.g. the tenant id) with the limits before login of trust level low.
     */
    public static HttpSessionFlowSessions of(String scope) {
        return of(scope, SessionLimits.forLevel(TrustLevel.LOW), Clock.systemUTC());
    }

    /** Flow sessions under {@code scope} with {@code limits} before login and {@code clock} for the deadline. */
    public static HttpSessionFlowSessions of(String scope, SessionLimits limits, Clock clock) {
        Objects.requireNonNull(scope, "scope");
        if (!scope.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "scope",
                    "\"" + scope + "\" is not 1 to 200 of A-Z a-z 0-9 . _ : -");
        }
        return new HttpSessionFlowSessions(scope, Objects.requireNonNull(limits, "limits"),
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Optional<FlowSession> find(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object state = session.getAttribute(attribute);
        if (!(state instanceof State flow)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(flow.deadline)) {
            session.removeAttribute(attribute);
            return Optional.empty();
        }
        return Optional.of(new HostSession(session, flow));
    }

    @Override
    public FlowSession open(HttpServletRequest request, HttpServletResponse response) {
        return find(request).orElseGet(() -> start(request, new LinkedHashMap<>(),
                clock.instant().plus(limits.maximum()), limits.idle()));
    }

    @Override
    public FlowSession rotate(HttpServletRequest request, HttpServletResponse response, Instant deadline,
            Duration idleTimeout) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Map<String, String> values = find(request).map(s -> new LinkedHashMap<>(s.values()))
                .orElseGet(LinkedHashMap::new);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        return start(request, values, deadline, idleTimeout);
    }

    @Override
    public List<String> endedIds(HttpServletRequest request) {
        String requested = request.getRequestedSessionId();
        if (requested == null || find(request).isPresent()) {
            return List.of();
        }
        HttpSession alive = request.getSession(false);
        if (alive != null) {
            return List.of(alive.getId()); // the flow reached its deadline inside a living host session
        }
        // the container ended it: its cookie may carry the node after a dot (Jetty's "id.node0"), getId() did not
        int dot = requested.lastIndexOf('.');
        return dot > 0 ? List.of(requested, requested.substring(0, dot)) : List.of(requested);
    }

    @Override
    public void end(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(attribute);
        }
    }

    private FlowSession start(HttpServletRequest request, Map<String, String> values, Instant deadline,
            Duration idle) {
        HttpSession session = request.getSession(true);
        State state = new State(values, deadline);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, Math.max(1, idle.toSeconds())));
        session.setAttribute(attribute, state);
        return new HostSession(session, state);
    }

    /** What the host's session holds for the flow; serializable for session replication. */
    private static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, String> values;
        private final Instant deadline;

        State(Map<String, String> values, Instant deadline) {
            this.values = new LinkedHashMap<>(values);
            this.deadline = deadline;
        }
    }

    /** A flow session backed by the host's session; every change is set again so replicating containers see it. */
    private final class HostSession implements FlowSession {
        private final HttpSession session;
        private final State state;

        HostSession(HttpSession session, State state) {
            this.session = session;
            this.state = state;
        }

        @Override
        public String id() {
            return session.getId();
        }

        @Override
        public Optional<String> get(String key) {
            synchronized (state) {
                return Optional.ofNullable(state.values.get(Objects.requireNonNull(key, "key")));
            }
        }

        @Override
        public void put(String key, String value) {
            Objects.requireNonNull(value, "value");
            if (key == null || key.isEmpty() || key.length() > 100) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "flow session key",
                        "1 to 100 characters");
            }
            synchronized (state) {
                state.values.put(key, value);
            }
            session.setAttribute(attribute, state);
        }

        @Override
        public void remove(String key) {
            synchronized (state) {
                state.values.remove(Objects.requireNonNull(key, "key"));
            }
            session.setAttribute(attribute, state);
        }

        @Override
        public Map<String, String> values() {
            synchronized (state) {
                return Map.copyOf(state.values);
            }
        }

        @Override
        public Instant deadline() {
            return state.deadline;
        }

        @Override
        public Instant end() {
            // the container has just counted this request: the idle end is one interval from now
            Instant idleEnd = clock.instant().plusSeconds(session.getMaxInactiveInterval());
            return idleEnd.isBefore(state.deadline) ? idleEnd : state.deadline;
        }
    }
}
