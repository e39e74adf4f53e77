package de.ozgsdk.portal.web;

import de.ozgsdk.auth.SessionLimits;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.PortalError;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flow sessions in the SDK's database (table {@code ozg_portal_flow_session}, migration V10), so that a portal node
 * keeps nothing in memory a second node would need: the cookie carries a random 256-bit id, the table its SHA-256
 * with the values, the idle timeout and the absolute deadline.
 *
 * <pre>{@code
 * FlowSessions sessions = JdbcFlowSessions.builder(database)
 *         .scope(tenant.tenant().id().value())   // a session of one tenant is unknown to every other
 *         .build();
 * }</pre>
 *
 * <p><b>The cookie.</b> HttpOnly, {@code SameSite=Lax}, scoped to the path the service is mounted under. Over TLS
 * it is {@code Secure} and named {@code __Host-ozg-flow} when mounted at {@code /}; under a path it is named
 * {@code __Secure-ozg-flow}, because browsers accept a {@code __Host-} cookie only with {@code Path=/}. Over plain
 * HTTP (development only) it is {@code ozg-flow}.
 *
 * <p>Before a login a session lasts at most 12 hours and 60 idle minutes (the limits of trust level low); at login
 * {@link #rotate} sets the login's limits (BSI TR-03160-1). A request moves the idle end only when that gains at
 * least 1/60 of the idle timeout, so most requests do not write the row; a session thus ends between 59/60 of the
 * idle timeout and the idle timeout after its last request, never later. Expired sessions are not found;
 * {@link #purgeExpired} deletes their rows. Thread-safe.
 */
public final class JdbcFlowSessions implements FlowSessions {

    /** The cookie name over plain HTTP. */
    public static final String COOKIE = "ozg-flow";
    private static final int MAX_DATA_CHARS = 16 * 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    /**
     * A read extends the row's expiry only when that moves it by at least this part of the idle timeout: a citizen
     * clicking through a form would otherwise write the row on every request. The session then ends at most 1/60 of
     * its idle timeout (one minute of 60) before "idle timeout after the last request", never after it.
     */
    private static final int TOUCH_FRACTION = 60;

    private final Database database;
    private final String scope;
    private final SessionLimits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private JdbcFlowSessions(Builder builder) {
        this.database = builder.database;
        this.scope = builder.scope;
        this.limits = builder.limits;
        this.clock = builder.clock;
    }

    /** Configures flow sessions in {@code database} (migrated by {@link Database}). */
    public static Builder builder(Database database) {
        return new Builder(database);
    }

    @Override
    public Optional<FlowSession> find(HttpServletRequest request) {
        return find(request, Touch.WHEN_WORTH_IT);
    }

    @Override
    public Optional<FlowSession> peek(HttpServletRequest request) {
        return find(request, Touch.NEVER);
    }

    @Override
    public Optional<FlowSession> extend(HttpServletRequest request) {
        return find(request, Touch.ALWAYS);
    }

    @Override
    public List<String> endedIds(HttpServletRequest request) {
        if (find(request, Touch.NEVER).isPresent()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : cookieValues(request)) {
            if (ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Optional<FlowSession> find(HttpServletRequest request, Touch touch) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        for (String id : cookieValues(request)) {
            Optional<FlowSession> session = load(id, now, touch);
            if (session.isPresent()) {
                return session;
            }
        }
        return Optional.empty();
    }

    /** Whether a read moves the idle end: the page timer's save must not, the citizen's "extend" always does. */
    private enum Touch { NEVER, WHEN_WORTH_IT, ALWAYS }

    @Override
    public FlowSession open(HttpServletRequest request, HttpServletResponse response) {
        return find(request).orElseGet(() -> create(request, response, Map.of(),
                clock.instant().plus(limits.maximum()), limits.idle()));
    }

    @Override
    public FlowSession rotate(HttpServletRequest request, HttpServletResponse response, Instant deadline,
            Duration idleTimeout) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.toSeconds() < 1) {
            throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "idleTimeout", "below one second");
        }
        Optional<FlowSession> current = find(request);
        Map<String, String> values = current.map(FlowSession::values).orElse(Map.of());
        FlowSession rotated = create(request, response, values, deadline, idleTimeout);
        current.ifPresent(old -> delete(old.id()));
        return rotated;
    }

    @Override
    public void end(HttpServletRequest request, HttpServletResponse response) {
        find(request).ifPresent(session -> delete(session.id()));
        response.addHeader("Set-Cookie", cookieName(request) + "=; Path=" + cookiePath(request)
                + "; Max-Age=0; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
    }

    /**
     * Deletes the rows of sessions that ended before {@code now}; run it now and then (e.g. with the draft purge).
     *
     * @return how many were deleted
     */
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return run("purge", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_portal_flow_session WHERE expires_at <= ?")) {
                delete.setObject(1, timestamp(now));
                return delete.executeUpdate();
            }
        });
    }

    private FlowSession create(HttpServletRequest request, HttpServletResponse response, Map<String, String> values,
            Instant deadline, Duration idle) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "deadline", "it has passed already");
        }
        run("create", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ozg_portal_flow_session"
                    + " (id_hash, scope, data, idle_seconds, created_at, last_seen_at, deadline, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(id));
                insert.setString(2, scope);
                insert.setString(3, json(values));
                insert.setInt(4, (int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
                insert.setObject(5, timestamp(now));
                insert.setObject(6, timestamp(now));
                insert.setObject(7, timestamp(deadline));
                insert.setObject(8, timestamp(expiry(now, idle, deadline)));
                return insert.executeUpdate();
            }
        });
        response.addHeader("Set-Cookie", cookieName(request) + "=" + id + "; Path=" + cookiePath(request)
                + "; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
        return new StoredSession(id, new LinkedHashMap<>(values), deadline, expiry(now, idle, deadline));
    }

    private Optional<FlowSession> load(String id, Instant now, Touch mode) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String hash = hash(id);
        return run("find", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT data, idle_seconds, deadline,"
                    + " expires_at FROM ozg_portal_flow_session WHERE id_hash = ? AND scope = ?")) {
                select.setString(1, hash);
                select.setString(2, scope);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<FlowSession>empty();
                    }
                    Instant expires = row.getObject(4, OffsetDateTime.class).toInstant();
                    if (!expires.isAfter(now)) {
                        return Optional.<FlowSession>empty();
                    }
                    Instant deadline = row.getObject(3, OffsetDateTime.class).toInstant();
                    Duration idle = Duration.ofSeconds(row.getInt(2));
                    Map<String, String> values = parse(row.getString(1));
                    Instant extended = expiry(now, idle, deadline);
                    Instant end = expires;
                    boolean worthIt = mode == Touch.WHEN_WORTH_IT
                            && Duration.between(expires, extended).compareTo(idle.dividedBy(TOUCH_FRACTION)) >= 0;
                    if (worthIt || mode == Touch.ALWAYS && extended.isAfter(expires)) {
                        touch(connection, hash, now, extended);
                        end = extended;
                    }
                    return Optional.<FlowSession>of(new StoredSession(id, values, deadline, end));
                }
            }
        });
    }

    private static void touch(Connection connection, String hash, Instant now, Instant expires) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ozg_portal_flow_session"
                + " SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?")) {
            update.setObject(1, timestamp(now));
            update.setObject(2, timestamp(expires));
            update.setString(3, hash);
            update.executeUpdate();
        }
    }

    private void delete(String id) {
        run("end", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_portal_flow_session WHERE id_hash = ?")) {
                delete.setString(1, hash(id));
                return delete.executeUpdate();
            }
        });
    }

    private void store(String id, Map<String, String> values) {
        String json = json(values);
        run("put", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ozg_portal_flow_session SET data = ? WHERE id_hash = ?")) {
                update.setString(1, json);
                update.setString(2, hash(id));
                return update.executeUpdate();
            }
        });
    }

    private static Instant expiry(Instant now, Duration idle, Instant deadline) {
        Instant idleEnd = now.plus(idle);
        return idleEnd.isBefore(deadline) ? idleEnd : deadline;
    }

    /** The cookie's name for this request: see the class comment. */
    static String cookieName(HttpServletRequest request) {
        if (!request.isSecure()) {
            return COOKIE;
        }
        return "/".equals(cookiePath(request)) ? "__Host-" + COOKIE : "__Secure-" + COOKIE;
    }

    /** The path the service is mounted under (context path + servlet path), {@code /} at the root. */
    static String cookiePath(HttpServletRequest request) {
        String path = request.getContextPath() + request.getServletPath();
        return path.isEmpty() ? "/" : path;
    }

    private static Iterable<String> cookieValues(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        String name = cookieName(request);
        List<String> values = new ArrayList<>();
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                values.add(cookie.getValue());
            }
        }
        return values;
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String json(Map<String, String> values) {
        String json = MAPPER.writeValueAsString(values);
        if (json.length() > MAX_DATA_CHARS) {
            throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "flow session values",
                    "together longer than " + MAX_DATA_CHARS + " characters; keep form content in the draft");
        }
        return json;
    }

    private static Map<String, String> parse(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JacksonException e) {
            throw new ProcessingException(PortalError.FLOW_SESSION_STORE_FAILED, e, "read", "data");
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** One statement or a few on one connection. */
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(String operation, Work<T> work) {
        try {
            return database.inTransaction(work::run);
        } catch (ProcessingException e) {
            String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : e.code().code();
            throw new ProcessingException(PortalError.FLOW_SESSION_STORE_FAILED, e, operation, state);
        }
    }

    /** A session as loaded; writes go to the table at once. */
    private final class StoredSession implements FlowSession {
        private final String id;
        private final Map<String, String> values;
        private final Instant deadline;
        private final Instant end;

        StoredSession(String id, Map<String, String> values, Instant deadline, Instant end) {
            this.id = id;
            this.values = new ConcurrentHashMap<>(values);
            this.deadline = deadline;
            this.end = end;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
        }

        @Override
        public synchronized void put(String key, String value) {
            Objects.requireNonNull(value, "value");
            if (key == null || key.isEmpty() || key.length() > 100) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "flow session key",
                        "1 to 100 characters");
            }
            Map<String, String> next = new LinkedHashMap<>(values);
            next.put(key, value);
            store(id, next);
            values.put(key, value);
        }

        @Override
        public synchronized void remove(String key) {
            Map<String, String> next = new LinkedHashMap<>(values);
            if (next.remove(Objects.requireNonNull(key, "key")) != null) {
                store(id, next);
                values.remove(key);
            }
        }

        @Override
        public synchronized void update(Map<String, String> put, Collection<String> remove) {
            Map<String, String> next = new LinkedHashMap<>(values);
            remove.forEach(key -> next.remove(Objects.requireNonNull(key, "key")));
            put.forEach((key, value) -> {
                Objects.requireNonNull(value, "value");
                if (key == null || key.isEmpty() || key.length() > 100) {
                    throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "flow session key",
                            "1 to 100 characters");
                }
                next.put(key, value);
            });
            if (!next.equals(values)) {
                store(id, next);
                values.keySet().removeAll(remove);
                values.putAll(put);
            }
        }

        @Override
        public Map<String, String> values() {
            return Map.copyOf(values);
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public Instant end() {
            return end;
        }

        @Override
        public String toString() {
            return "FlowSession[" + values.size() + " values, until " + deadline + "]";
        }
    }

    /** Configures {@link JdbcFlowSessions}. */
    public static final class Builder {
        private final Database database;
        private String scope = "portal";
        private SessionLimits limits = SessionLimits.forLevel(TrustLevel.LOW);
        private Clock clock = Clock.systemUTC();

        private Builder(Database database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        /**
         * The scope of the sessions, e.g. the tenant id: a session opened in one scope is not found in another, even
         * with its cookie (default {@code portal}).
         */
        public Builder scope(String scope) {
            Objects.requireNonNull(scope, "scope");
            if (!SCOPE.matcher(scope).matches()) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "scope",
                        "\"" + scope + "\" is not 1 to 200 of A-Z a-z 0-9 . _ : -");
            }
            this.scope = scope;
            return this;
        }

        /** The limits of a session before login (default: those of trust level low, 12 h and 60 min idle). */
        public Builder limits(SessionLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The clock of idle timeout and deadline (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The sessions. */
        public JdbcFlowSessions build() {
            return new JdbcFlowSessions(this);
        }
    }
}
