package de.ozgsdk.persistence;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.internal.JdbcValues;
import de.ozgsdk.persistence.internal.SqlFailures;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores drafts of applications encrypted at rest so that a citizen can resume them, only as the same owner, until
 * they expire.
 *
 * <pre>{@code
 * DraftStore drafts = DraftStore.builder(db, sealer).lifetime(Duration.ofDays(30)).build();
 * DraftOwner owner = DraftOwner.of("053150000000", user.pseudonymousId());
 * Draft draft = drafts.save(owner, "99123456760000", formJson);
 * Draft later = drafts.update(draft.id(), owner, draft.version(), changedJson); // ConflictException if stale
 * DraftPurgeJob purge = DraftPurgeJob.start(drafts); // deletes expired drafts hourly; close() it at shutdown
 * }</pre>
 *
 * <p>A draft of another owner is answered exactly like a missing one ({@link NotFoundException}), so that guessing
 * draft ids reveals nothing about other citizens' drafts. The payload is sealed with the draft id, service id and
 * owner as associated data: a sealed payload copied into another row does not open. Thread-safe.
 */
public final class DraftStore {

    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);
    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String COLUMNS =
            "id, tenant_id, user_id, service_id, version, created_at, updated_at, expires_at, payload";

    private final Database database;
    private final Sealer sealer;
    private final Clock clock;
    private final Duration lifetime;

    private DraftStore(Builder builder) {
        this.database = builder.database;
        this.sealer = builder.sealer;
        this.clock = builder.clock;
        this.lifetime = builder.lifetime;
    }

    /** Starts a store on {@code database} that seals payloads with {@code sealer}. */
    public static Builder builder(Database database, Sealer sealer) {
        return new Builder(database, sealer);
    }

    /** Saves a new draft with version 1 that expires after the configured lifetime. */
    public Draft save(DraftOwner owner, String serviceId, byte[] payload) {
        Objects.requireNonNull(owner, "owner");
        validateServiceId(serviceId);
        Objects.requireNonNull(payload, "payload");
        UUID id = UUID.randomUUID();
        Instant now = JdbcValues.storable(clock.instant());
        Instant expiresAt = JdbcValues.storable(now.plus(lifetime));
        byte[] sealed = sealer.seal(payload, associatedData(id, owner, serviceId));
        String sql = "INSERT INTO ozg_draft (" + COLUMNS + ") VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            statement.setString(4, serviceId);
            JdbcValues.setInstant(statement, 5, now);
            JdbcValues.setInstant(statement, 6, now);
            JdbcValues.setInstant(statement, 7, expiresAt);
            statement.setBytes(8, sealed);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.save", e);
        }
        LOG.debug("saved draft {} of tenant {}", id, owner.tenantId());
        return new Draft(id, owner, serviceId, 1, now, now, expiresAt, payload);
    }

    /**
     * Loads a draft of {@code owner}.
     *
     * @throws NotFoundException if it does not exist, has expired or belongs to someone else (indistinguishable)
     * @throws de.ozgsdk.core.SecurityCheckException if the stored payload was tampered with
     */
    public Draft load(UUID draftId, DraftOwner owner) {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(owner, "owner");
        try (Connection connection = database.connection()) {
            return find(connection, draftId, owner).orElseThrow(() -> notFound(draftId));
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.load", e);
        }
    }

    /** The unexpired drafts of {@code owner}, newest change first. */
    public List<Draft> listByOwner(DraftOwner owner) {
        Objects.requireNonNull(owner, "owner");
        String sql = "SELECT " + COLUMNS + " FROM ozg_draft WHERE tenant_id = ? AND user_id = ? AND expires_at > ?"
                + " ORDER BY updated_at DESC, id";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner.tenantId().value());
            statement.setString(2, owner.userId());
            JdbcValues.setInstant(statement, 3, clock.instant());
            List<Draft> drafts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    drafts.add(open(rows, owner));
                }
            }
            return drafts;
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.list", e);
        }
    }

    /**
     * Replaces the payload if the stored version still is {@code expectedVersion}; the version grows by one and the
     * expiry moves to now plus the lifetime.
     *
     * @throws ConflictException if the draft was changed since {@code expectedVersion} was read
     * @throws NotFoundException if it does not exist, has expired or belongs to someone else
     */
    public Draft update(UUID draftId, DraftOwner owner, long expectedVersion, byte[] payload) {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(payload, "payload");
        try (Connection connection = database.connection()) {
            Draft current = find(connection, draftId, owner).orElseThrow(() -> notFound(draftId));
            if (current.version() != expectedVersion) {
                throw conflict(draftId, expectedVersion, current.version());
            }
            Instant now = JdbcValues.storable(clock.instant());
            Instant expiresAt = JdbcValues.storable(now.plus(lifetime));
            byte[] sealed = sealer.seal(payload, associatedData(draftId, owner, current.serviceId()));
            if (!compareAndSet(connection, current, sealed, now, expiresAt)) {
                long actual = find(connection, draftId, owner).map(Draft::version).orElseThrow(() -> notFound(draftId));
                throw conflict(draftId, expectedVersion, actual);
            }
            LOG.debug("updated draft {} of tenant {} to version {}", draftId, owner.tenantId(), expectedVersion + 1);
            return new Draft(draftId, owner, current.serviceId(), expectedVersion + 1, current.createdAt(), now,
                    expiresAt, payload);
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.update", e);
        }
    }

    /**
     * Like {@link #update(UUID, DraftOwner, long, byte[])} for a draft as {@link #load}, {@link #save} or an update
     * returned it (only this store makes drafts), with its version as the expected one: one statement instead of
     * reading the row and opening its payload again. The row changes only if id, owner, service and version still
     * match and it has not expired.
     *
     * @throws ConflictException if the draft was changed since {@code current} was read
     * @throws NotFoundException if it does not exist any more, has expired or belongs to someone else
     */
    public Draft update(Draft current, byte[] payload) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(payload, "payload");
        Instant now = JdbcValues.storable(clock.instant());
        Instant expiresAt = JdbcValues.storable(now.plus(lifetime));
        byte[] sealed = sealer.seal(payload, associatedData(current.id(), current.owner(), current.serviceId()));
        String sql = "UPDATE ozg_draft SET payload = ?, version = version + 1, updated_at = ?, expires_at = ?"
                + " WHERE id = ? AND tenant_id = ? AND user_id = ? AND service_id = ? AND version = ?"
                + " AND expires_at > ?";
        try (Connection connection = database.connection()) {
            boolean updated;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setBytes(1, sealed);
                JdbcValues.setInstant(statement, 2, now);
                JdbcValues.setInstant(statement, 3, expiresAt);
                statement.setObject(4, current.id());
                statement.setString(5, current.owner().tenantId().value());
                statement.setString(6, current.owner().userId());
                statement.setString(7, current.serviceId());
                statement.setLong(8, current.version());
                JdbcValues.setInstant(statement, 9, now);
                updated = statement.executeUpdate() == 1;
            }
            if (!updated) {
                // only now read the row, to tell a change meanwhile from a draft that is gone
                Draft actual = find(connection, current.id(), current.owner())
                        .filter(d -> d.serviceId().equals(current.serviceId()))
                        .orElseThrow(() -> notFound(current.id()));
                throw conflict(current.id(), current.version(), actual.version());
            }
            LOG.debug("updated draft {} of tenant {} to version {}", current.id(), current.owner().tenantId(),
                    current.version() + 1);
            return new Draft(current.id(), current.owner(), current.serviceId(), current.version() + 1,
                    current.createdAt(), now, expiresAt, payload);
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.update", e);
        }
    }

    /** Deletes a draft of {@code owner}; returns whether there was one (another owner's draft stays untouched). */
    public boolean delete(UUID draftId, DraftOwner owner) {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(owner, "owner");
        String sql = "DELETE FROM ozg_draft WHERE id = ? AND tenant_id = ? AND user_id = ?";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, draftId);
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            boolean deleted = statement.executeUpdate() == 1;
            LOG.debug("delete draft {} of tenant {}: {}", draftId, owner.tenantId(), deleted ? "deleted" : "absent");
            return deleted;
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.delete", e);
        }
    }

    /** Deletes every draft whose expiry lies at or before the clock's now; returns how many. */
    public int purgeExpired() {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM ozg_draft WHERE expires_at <= ?")) {
            JdbcValues.setInstant(statement, 1, clock.instant());
            int purged = statement.executeUpdate();
            LOG.info("purged {} expired drafts", purged);
            return purged;
        } catch (SQLException e) {
            throw SqlFailures.failed("draft.purge", e);
        }
    }

    private Optional<Draft> find(Connection connection, UUID draftId, DraftOwner owner) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM ozg_draft"
                + " WHERE id = ? AND tenant_id = ? AND user_id = ? AND expires_at > ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, draftId);
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            JdbcValues.setInstant(statement, 4, clock.instant());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(open(row, owner)) : Optional.empty();
            }
        }
    }

    private boolean compareAndSet(Connection connection, Draft current, byte[] sealed, Instant now,
            Instant expiresAt) throws SQLException {
        String sql = "UPDATE ozg_draft SET payload = ?, version = version + 1, updated_at = ?, expires_at = ?"
                + " WHERE id = ? AND tenant_id = ? AND user_id = ? AND version = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, sealed);
            JdbcValues.setInstant(statement, 2, now);
            JdbcValues.setInstant(statement, 3, expiresAt);
            statement.setObject(4, current.id());
            statement.setString(5, current.owner().tenantId().value());
            statement.setString(6, current.owner().userId());
            statement.setLong(7, current.version());
            return statement.executeUpdate() == 1;
        }
    }

    private Draft open(ResultSet row, DraftOwner owner) throws SQLException {
        UUID id = JdbcValues.getUuid(row, "id");
        String serviceId = row.getString("service_id");
        byte[] payload = sealer.open(row.getBytes("payload"), associatedData(id, owner, serviceId));
        return new Draft(id, owner, serviceId, row.getLong("version"), JdbcValues.getInstant(row, "created_at"),
                JdbcValues.getInstant(row, "updated_at"), JdbcValues.getInstant(row, "expires_at"), payload);
    }

    /** Binds a sealed payload to its row; the user id comes last, the other parts cannot contain the separator. */
    private static byte[] associatedData(UUID id, DraftOwner owner, String serviceId) {
        return ("ozg-draft/1|" + id + "|" + owner.tenantId() + "|" + serviceId + "|" + owner.userId())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void validateServiceId(String serviceId) {
        Objects.requireNonNull(serviceId, "serviceId");
        if (!SERVICE_ID.matcher(serviceId).matches()) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "serviceId",
                    "1 to 128 characters of A-Z, a-z, 0-9, . _ : -");
        }
    }

    private static NotFoundException notFound(UUID draftId) {
        return new NotFoundException(PersistenceError.DRAFT_NOT_FOUND, draftId);
    }

    private static ConflictException conflict(UUID draftId, long expected, long actual) {
        LOG.info("stale update of draft {}: expected version {}, current {}", draftId, expected, actual);
        return new ConflictException(PersistenceError.DRAFT_VERSION_CONFLICT, draftId, expected, actual);
    }

    /** Configures a {@link DraftStore}. */
    public static final class Builder {
        private final Database database;
        private final Sealer sealer;
        private Clock clock = Clock.systemUTC();
        private Duration lifetime = Duration.ofDays(30);

        private Builder(Database database, Sealer sealer) {
            this.database = Objects.requireNonNull(database, "database");
            this.sealer = Objects.requireNonNull(sealer, "sealer");
        }

        /** The clock for creation, update and expiry times (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a draft lives after its last save or update, 1 minute to 3 years (default 30 days). */
        public Builder lifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(Duration.ofDays(3 * 366)) > 0) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "lifetime",
                        "between 1 minute and 3 years");
            }
            this.lifetime = lifetime;
            return this;
        }

        public DraftStore build() {
            return new DraftStore(this);
        }
    }
}
