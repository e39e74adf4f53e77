package de.ozgsdk.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.service.ChannelKind;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcTenantDirectoryTest {

    static final TenantId KOELN = TenantId.parse(FileTenantDirectoryTest.KOELN_ARS);
    static final TenantId BONN = TenantId.parse(FileTenantDirectoryTest.BONN_ARS);

    static List<Named<Supplier<PortalTestDatabases>>> databases() {
        return PortalTestDatabases.kinds();
    }

    static PortalTenant koeln() {
        return FileTenantDirectory.read(FileTenantDirectoryTest.koelnDirectory().resolve("koeln.json"));
    }

    static PortalTenant bonn(String postboxSender) {
        return PortalTenant.builder(Tenant.of(RegionalKey.parse(FileTenantDirectoryTest.BONN_ARS),
                        LocalizedText.of("Bundesstadt Bonn")))
                .service("anwohnerparkausweis")
                .backOffice("anwohnerparkausweis", new BackOfficeDestination(ChannelKind.HTTPS, "bonn-parken"))
                .postboxSender(postboxSender)
                .build();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesATenantWithItsLogoAndReadsItBackUnchanged(Supplier<PortalTestDatabases> kind) {
        try (PortalTestDatabases databases = kind.get()) {
            JdbcTenantDirectory tenants = JdbcTenantDirectory.of(databases.open());
            PortalTenant koeln = koeln();

            tenants.put(koeln);
            tenants.put(bonn("Bonn, Bürgeramt"));

            PortalTenant stored = JdbcTenantDirectory.of(databases.open()).find(KOELN).orElseThrow();
            assertThat(TenantJson.write(stored, Optional.empty())).isEqualTo(TenantJson.write(koeln, Optional.empty()));
            assertThat(stored.branding().logo().orElseThrow().content())
                    .isEqualTo(koeln.branding().logo().orElseThrow().content());
            assertThat(tenants.all()).extracting(t -> t.tenant().id()).containsExactly(BONN, KOELN);
            assertThat(tenants.findByRegionalKey(RegionalKey.parse(FileTenantDirectoryTest.BONN_ARS))).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anotherNodeSeesAChangeAfterItsCheckIntervalAndNotBefore(Supplier<PortalTestDatabases> kind) {
        try (PortalTestDatabases databases = kind.get()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-07T22:00:00Z"));
            JdbcTenantDirectory admin = JdbcTenantDirectory.of(databases.open());
            JdbcTenantDirectory node = JdbcTenantDirectory.builder(databases.open())
                    .checkInterval(Duration.ofSeconds(10)).clock(clock).build();
            admin.put(bonn("Bonn, Bürgeramt"));
            assertThat(node.find(BONN).orElseThrow().postboxSender()).contains("Bonn, Bürgeramt");

            admin.put(bonn("Bonn, Straßenverkehrsamt"));
            admin.put(koeln());
            clock.advance(Duration.ofSeconds(9));
            assertThat(node.find(BONN).orElseThrow().postboxSender()).contains("Bonn, Bürgeramt");
            assertThat(node.find(KOELN)).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            assertThat(node.find(BONN).orElseThrow().postboxSender()).contains("Bonn, Straßenverkehrsamt");
            assertThat(node.find(KOELN)).isPresent();

            assertThat(admin.remove(KOELN)).isTrue();
            assertThat(admin.remove(KOELN)).isFalse();
            assertThat(admin.find(KOELN)).isEmpty();
            clock.advance(Duration.ofSeconds(10));
            assertThat(node.find(KOELN)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusesATenantThatFailsTheFileChecks(Supplier<PortalTestDatabases> kind) {
        try (PortalTestDatabases databases = kind.get()) {
            JdbcTenantDirectory tenants = JdbcTenantDirectory.of(databases.open());
            String json = FileTenantDirectoryTest.bonn("\"accentColour\": \"#004F9F\"", "\"accentColour\": \"#FFFF00\"");

            TenantFileException e = catchThrowableOfType(TenantFileException.class,
                    () -> tenants.put(json, Optional.empty()));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("(put)");
                assertThat(p.pointer()).isEqualTo("/branding/accentColour");
            });
            assertThat(tenants.all()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusesASecondTenantForTheSameMunicipality(Supplier<PortalTestDatabases> kind) {
        try (PortalTestDatabases databases = kind.get()) {
            JdbcTenantDirectory tenants = JdbcTenantDirectory.of(databases.open());
            tenants.put(bonn("Bonn"));
            PortalTenant other = PortalTenant.builder(new Tenant(TenantId.parse("bonn-zwei"),
                    RegionalKey.parse(FileTenantDirectoryTest.BONN_ARS), LocalizedText.of("Bonn 2"))).build();

            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> tenants.put(other));

            assertThat(e).hasMessageContaining("OZG-PORTAL-500").hasMessageContaining("belongs to another tenant");
            assertThat(tenants.all()).extracting(t -> t.tenant().id()).containsExactly(BONN);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void leavesOutAStoredTenantEditedIntoSomethingInvalidAndKeepsTheOthers(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (PortalTestDatabases databases = kind.get()) {
            Database database = databases.open();
            JdbcTenantDirectory tenants = JdbcTenantDirectory.builder(database).checkInterval(Duration.ZERO).build();
            tenants.put(bonn("Bonn"));
            tenants.put(koeln());
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement edit = connection.prepareStatement("UPDATE ozg_portal_tenant SET configuration"
                            + " = ?, logo = NULL WHERE tenant_id = ?")) {
                edit.setString(1, new String(TenantJson.write(koeln(), Optional.empty())
                        .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                edit.setString(2, KOELN.value());
                edit.executeUpdate();
            }
            tenants.put(bonn("Bonn, Bürgeramt"));

            assertThat(tenants.all()).extracting(t -> t.tenant().id()).containsExactly(BONN);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
