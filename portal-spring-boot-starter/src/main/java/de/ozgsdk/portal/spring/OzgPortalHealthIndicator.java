package de.ozgsdk.portal.spring;

import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.ConfigurationReport;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.portal.profile.CompatibilityCheck;
import de.ozgsdk.portal.profile.CompatibilityItem;
import de.ozgsdk.portal.profile.CompatibilityReport;
import de.ozgsdk.portal.profile.PortalProfile;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of the portal ({@code ozgPortal}): runs the configuration self-check of every provider and reports
 * {@code DOWN} with the codes of the failing checks. Checked are the database connection, every login provider's
 * {@link AuthProvider#checkConfiguration()} (for SAML with IdP metadata from a URL also whether the URL still serves
 * metadata with the keys the SP trusts), the payment provider's check for every tenant with a payment account, the
 * file drop directories of the outbox routes, the outbox's dead messages, and the compatibility of every service with
 * the portal profile. Details hold check names, statuses and error codes only: no secrets, no personal data.
 */
public final class OzgPortalHealthIndicator implements HealthIndicator {

    private static final int DATABASE_TIMEOUT_SECONDS = 5;

    private final Database database;
    private final Outbox outbox;
    private final List<AuthProvider> authProviders;
    private final Optional<IdpMetadataSource> idpMetadata;
    private final Optional<PaymentProvider> payment;
    private final TenantDirectory tenants;
    private final PortalServices services;
    private final Optional<PortalProfile> profile;
    private final Map<String, Path> fileDrops;

    OzgPortalHealthIndicator(Database database, Outbox outbox, List<AuthProvider> authProviders,
            Optional<IdpMetadataSource> idpMetadata, Optional<PaymentProvider> payment, TenantDirectory tenants,
            PortalServices services, Optional<PortalProfile> profile, Map<String, Path> fileDrops) {
        this.database = database;
        this.outbox = outbox;
        this.authProviders = List.copyOf(authProviders);
        this.idpMetadata = idpMetadata;
        this.payment = payment;
        this.tenants = tenants;
        this.services = services;
        this.profile = profile;
        this.fileDrops = Map.copyOf(fileDrops);
    }

    @Override
    public Health health() {
        Checks checks = new Checks();
        checkDatabase(checks);
        if (checks.isUp("database")) {
            checkOutbox(checks);
        }
        authProviders.forEach(provider -> checkAuth(checks, provider));
        payment.ifPresent(provider -> checkPayment(checks, provider));
        fileDrops.forEach((destination, directory) -> checkFileDrop(checks, destination, directory));
        profile.ifPresent(p -> services.services().forEach(service -> checkCompatibility(checks, service, p)));
        Health.Builder health = checks.anyDown() ? Health.down() : Health.up();
        return health.withDetails(checks.details()).build();
    }

    private void checkDatabase(Checks checks) {
        try (Connection connection = database.dataSource().getConnection()) {
            if (connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                checks.up("database");
            } else {
                checks.down("database", StarterError.DATABASE_UNHEALTHY.code());
            }
        } catch (SQLException e) {
            checks.down("database", StarterError.DATABASE_UNHEALTHY.code());
        }
    }

    private void checkOutbox(Checks checks) {
        try {
            long dead = outbox.countByStatus().getOrDefault(OutboxStatus.DEAD, 0L);
            if (dead > 0) {
                checks.warn("outbox", StarterError.OUTBOX_DEAD_MESSAGES.code());
            } else {
                checks.up("outbox");
            }
        } catch (OzgException e) {
            checks.down("outbox", e.code().code());
        }
    }

    private void checkAuth(Checks checks, AuthProvider provider) {
        String name = "auth:" + provider.id();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            ConfigurationReport report = provider.checkConfiguration();
            report.errors().forEach(f -> errors.add(f.problem().code().code()));
            report.warnings().forEach(f -> warnings.add(f.problem().code().code()));
        } catch (OzgException e) {
            errors.add(e.code().code());
        }
        if (provider instanceof SamlServiceProvider sp && idpMetadata.filter(IdpMetadataSource::isRemote).isPresent()) {
            checkRemoteMetadata(sp, idpMetadata.get(), errors, warnings);
        }
        checks.add(name, errors, warnings);
    }

    /** The metadata URL must still answer with valid metadata whose signing keys the running SP trusts. */
    private static void checkRemoteMetadata(SamlServiceProvider sp, IdpMetadataSource source, List<String> errors,
            List<String> warnings) {
        try {
            IdpMetadata now = source.load();
            if (!now.signingCertificates().equals(sp.idp().signingCertificates())) {
                warnings.add(StarterError.METADATA_KEYS_CHANGED.code());
            }
        } catch (OzgException e) {
            errors.add(e.code().code());
        }
    }

    private void checkPayment(Checks checks, PaymentProvider provider) {
        List<String> errors = new ArrayList<>();
        for (PortalTenant tenant : tenants.all()) {
            if (!hasPaymentAccount(tenant)) {
                continue;
            }
            try {
                provider.checkConfiguration(tenant.tenant().id());
            } catch (OzgException e) {
                errors.add(tenant.tenant().id() + " " + e.code().code());
            }
        }
        checks.add("payment:" + provider.name(), errors, List.of());
    }

    private boolean hasPaymentAccount(PortalTenant tenant) {
        return services.services().stream().anyMatch(s -> s.fee().isPresent()
                && tenant.paymentAccount(s.id()).isPresent());
    }

    private static void checkFileDrop(Checks checks, String destination, Path directory) {
        if (Files.isDirectory(directory) && Files.isWritable(directory)) {
            checks.up("transfer:" + destination);
        } else {
            checks.down("transfer:" + destination, StarterError.FILE_DROP_UNWRITABLE.code());
        }
    }

    private static void checkCompatibility(Checks checks, OnlineService service, PortalProfile profile) {
        CompatibilityReport report = CompatibilityCheck.check(service, profile);
        checks.add("service:" + service.id(), report.blockers().stream().map(CompatibilityItem::code)
                .map(c -> c.code()).toList(), report.degradations().stream().map(CompatibilityItem::code)
                .map(c -> c.code()).toList());
    }

    /** The results by check name, in the order run. */
    private static final class Checks {
        private final Map<String, Object> results = new LinkedHashMap<>();
        private boolean down;

        void up(String name) {
            results.put(name, Map.of("status", "UP"));
        }

        void down(String name, String code) {
            add(name, List.of(code), List.of());
        }

        void warn(String name, String code) {
            add(name, List.of(), List.of(code));
        }

        void add(String name, List<String> errors, List<String> warnings) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", errors.isEmpty() ? "UP" : "DOWN");
            if (!errors.isEmpty()) {
                result.put("errors", List.copyOf(errors));
            }
            if (!warnings.isEmpty()) {
                result.put("warnings", List.copyOf(warnings));
            }
            down |= !errors.isEmpty();
            results.put(name, result);
        }

        boolean isUp(String name) {
            return results.get(name) instanceof Map<?, ?> m && "UP".equals(m.get("status"));
        }

        boolean anyDown() {
            return down;
        }

        Map<String, Object> details() {
            return results;
        }
    }
}
