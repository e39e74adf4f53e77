package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.PortalError;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants kept in the SDK's database (table {@code ozg_portal_tenant}, migration V10 of ozg-persistence), so that
 * every node of a central portal serves the same municipalities and an administrator changes one without a restart.
 * The configuration is stored as the JSON of a tenant file (checked on every write and read) with the logo's bytes.
 *
 * <pre>{@code
 * JdbcTenantDirectory tenants = JdbcTenantDirectory.builder(database)
 *         .checkInterval(Duration.ofSeconds(10)) // a change reaches every node within 10 s
 *         .build();
 * tenants.put(FileTenantDirectory.read(Path.of("koeln.json"))); // admin: add or replace
 * Optional<PortalTenant> koeln = tenants.find(TenantId.parse("053150000000"));
 * }</pre>
 *
 * <p><b>Caching across nodes.</b> Reads are served from memory. At most once per check interval a read asks the
 * database for the revision counter that every {@link #put} and {@link #remove} increments in the same transaction;
 * only when it differs are all tenants loaded again. So a change is visible on the node that made it at once and on
 * every other node after at most one interval; a failing database keeps the last loaded tenants in service (logged).
 * A stored tenant that no longer passes the checks (edited by hand, or rules tightened by an SDK update) is left out
 * and logged with its problems, so one bad row does not take down the other municipalities. Thread-safe.
 */
public final class JdbcTenantDirectory implements TenantDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTenantDirectory.class);

    private final Database database;
    private final Clock clock;
    private final Duration checkInterval;
    private volatile Snapshot snapshot = new Snapshot(-1, TenantDirectory.of(), Instant.MIN);

    /** What a node has loaded: the revision it belongs to and when the revision was last compared. */
    private record Snapshot(long revision, TenantDirectory tenants, Instant checkedAt) {
        /** The same tenants, compared with the database on the next read: this node has just changed them. */
        Snapshot withCheckDue() {
            return new Snapshot(revision, tenants, Instant.MIN);
        }
    }

    private JdbcTenantDirectory(Builder builder) {
        this.database = builder.database;
        this.clock = builder.clock;
        this.checkInterval = builder.checkInterval;
    }

    /** The directory in {@code database} with a check interval of 10 s. */
    public static JdbcTenantDirectory of(Database database) {
        return builder(database).build();
    }

    /** Configures a directory in {@code database} (migrated by {@link Database}). */
    public static Builder builder(Database database) {
        return new Builder(database);
    }

    @Override
    public Optional<PortalTenant> find(TenantId id) {
        Objects.requireNonNull(id, "id");
        return current().find(id);
    }

    @Override
    public List<PortalTenant> all() {
        return current().all();
    }

    /**
     * Adds a tenant or replaces the one with the same id, after the same checks as a tenant file (including the
     * colour contrast and the logo's content).
     *
     * @throws TenantFileException ({@code OZG-PORTAL-501}) listing what is wrong with it
     * @throws de.ozgsdk.core.ConflictException never; a second tenant with the same Regionalschlüssel is refused as
     *     {@link InvalidInputException} ({@code OZG-PORTAL-500})
     * @throws ProcessingException ({@code OZG-PORTAL-504}) if the database fails
     */
    public void put(PortalTenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        String json = TenantJson.write(tenant, Optional.empty());
        byte[] logo = tenant.branding().logo().map(Branding.Logo::content).orElse(null);
        String source = "database:" + tenant.tenant().id();
        List<TenantFileProblem> problems = new ArrayList<>();
        if (TenantJson.read(json.getBytes(StandardCharsets.UTF_8), source, file -> logoBytes(logo), problems)
                .isEmpty()) {
            throw new TenantFileException(problems);
        }
        store(tenant, json, logo);
    }

    /**
     * Adds or replaces a tenant given as the JSON of a tenant file, with the logo's bytes if it names one (its
     * {@code logo} then needs {@code mediaType} instead of {@code file}).
     *
     * @throws TenantFileException ({@code OZG-PORTAL-501}) listing every problem of the JSON
     */
    public PortalTenant put(String json, Optional<byte[]> logo) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(logo, "logo");
        List<TenantFileProblem> problems = new ArrayList<>();
        Optional<PortalTenant> tenant = TenantJson.read(json.getBytes(StandardCharsets.UTF_8), "(put)",
                file -> logoBytes(logo.orElse(null)), problems);
        if (tenant.isEmpty()) {
            throw new TenantFileException(problems);
        }
        put(tenant.get());
        return tenant.get();
    }

    /**
     * Removes a tenant; its drafts and submissions stay in their own tables.
     *
     * @return whether there was one
     */
    public boolean remove(TenantId id) {
        Objects.requireNonNull(id, "id");
        boolean removed = write("remove", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_portal_tenant WHERE tenant_id = ?")) {
                delete.setString(1, id.value());
                return delete.executeUpdate() == 1;
            }
        });
        snapshot = snapshot.withCheckDue();
        return removed;
    }

    /** Loads all tenants now, whatever the check interval, e.g. after an administrator's change on another node. */
    public void refresh() {
        snapshot = snapshot.withCheckDue();
        current();
    }

    private void store(PortalTenant tenant, String json, byte[] logo) {
        try {
            write("put", connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE ozg_portal_tenant SET"
                        + " regional_key = ?, configuration = ?, logo = ?, updated_at = ? WHERE tenant_id = ?")) {
                    update.setString(1, tenant.tenant().regionalKey().value());
                    update.setString(2, json);
                    update.setBytes(3, logo);
                    update.setObject(4, now());
                    update.setString(5, tenant.tenant().id().value());
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ozg_portal_tenant"
                        + " (tenant_id, regional_key, configuration, logo, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, tenant.tenant().id().value());
                    insert.setString(2, tenant.tenant().regionalKey().value());
                    insert.setString(3, json);
                    insert.setBytes(4, logo);
                    insert.setObject(5, now());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SameRegionalKey e) {
            throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, tenant.tenant().id(),
                    "the Regionalschlüssel " + tenant.tenant().regionalKey() + " belongs to another tenant already");
        }
        snapshot = snapshot.withCheckDue();
    }

    /** Work on the tenant table inside the transaction that increments the revision. */
    private interface Change<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** A put that hit the unique Regionalschlüssel of another tenant. */
    private static final class SameRegionalKey extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private <T> T write(String operation, Change<T> change) {
        try {
            return database.inTransaction(connection -> {
                // First: the row lock serialises administrators' changes, and readers see the new revision with them.
                try (PreparedStatement bump = connection.prepareStatement(
                        "UPDATE ozg_portal_tenant_revision SET revision = revision + 1 WHERE id = 1")) {
                    bump.executeUpdate();
                }
                try {
                    return change.apply(connection);
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        throw new SameRegionalKey();
                    }
                    throw e;
                }
            });
        } catch (ProcessingException e) {
            throw failed(operation, e);
        }
    }

    private TenantDirectory current() {
        Snapshot seen = snapshot;
        Instant now = clock.instant();
        if (now.isBefore(seen.checkedAt().plus(checkInterval)) && seen.revision() >= 0) {
            return seen.tenants();
        }
        synchronized (this) {
            seen = snapshot;
            if (now.isBefore(seen.checkedAt().plus(checkInterval)) && seen.revision() >= 0) {
                return seen.tenants();
            }
            try {
                snapshot = database.inTransaction(connection -> {
                    long revision = revision(connection);
                    if (revision == snapshot.revision()) {
                        return new Snapshot(revision, snapshot.tenants(), now);
                    }
                    return new Snapshot(revision, load(connection), now);
                });
            } catch (ProcessingException e) {
                if (seen.revision() < 0) {
                    throw failed("load", e);
                }
                LOG.warn("tenant table unreadable ({}), serving the tenants of revision {}", e.code().code(),
                        seen.revision());
                snapshot = new Snapshot(seen.revision(), seen.tenants(), now);
            }
            return snapshot.tenants();
        }
    }

    private static long revision(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT revision FROM ozg_portal_tenant_revision WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static TenantDirectory load(Connection connection) throws SQLException {
        List<PortalTenant> tenants = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tenant_id, configuration, logo FROM ozg_portal_tenant ORDER BY tenant_id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String source = "database:" + row.getString(1);
                byte[] logo = row.getBytes(3);
                List<TenantFileProblem> problems = new ArrayList<>();
                Optional<PortalTenant> tenant = TenantJson.read(
                        row.getString(2).getBytes(StandardCharsets.UTF_8), source, file -> logoBytes(logo), problems);
                if (tenant.isPresent() && tenant.get().tenant().id().value().equals(row.getString(1))) {
                    tenants.add(tenant.get());
                } else {
                    LOG.warn("stored tenant {} left out: {}", row.getString(1),
                            problems.isEmpty() ? "its id differs from the row's" : problems);
                }
            }
        }
        return TenantDirectory.of(tenants.toArray(PortalTenant[]::new));
    }

    private static byte[] logoBytes(byte[] logo) {
        if (logo == null) {
            throw new IllegalArgumentException("the logo's bytes are missing");
        }
        return logo;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static ProcessingException failed(String operation, ProcessingException cause) {
        Throwable sql = cause.getCause();
        String state = sql instanceof SQLException e ? e.getSQLState() : cause.code().code();
        return new ProcessingException(PortalError.TENANT_STORE_FAILED, cause, operation, state);
    }

    /** Configures a {@link JdbcTenantDirectory}. */
    public static final class Builder {
        private final Database database;
        private Clock clock = Clock.systemUTC();
        private Duration checkInterval = Duration.ofSeconds(10);

        private Builder(Database database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        /**
         * How long a node serves its loaded tenants before it compares the revision again, 0 to 1 hour (default
         * 10 s; 0 compares on every read).
         */
        public Builder checkInterval(Duration checkInterval) {
            Objects.requireNonNull(checkInterval, "checkInterval");
            if (checkInterval.isNegative() || checkInterval.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "checkInterval",
                        "between 0 and 1 hour");
            }
            this.checkInterval = checkInterval;
            return this;
        }

        /** The clock of the check interval and of {@code updated_at} (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The directory; nothing is read until the first lookup. */
        public JdbcTenantDirectory build() {
            return new JdbcTenantDirectory(this);
        }
    }
}
