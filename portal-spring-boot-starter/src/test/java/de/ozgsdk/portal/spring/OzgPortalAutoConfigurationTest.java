package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.tenant.FileTenantDirectory;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import de.ozgsdk.transfer.ChannelRouter;
import java.nio.file.Path;
import java.util.Base64;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the starter makes from {@code ozg.portal.*}, what it refuses, and what an application may replace. */
class OzgPortalAutoConfigurationTest {

    @TempDir
    Path temp;
    private StarterWorld world;
    private ApplicationContextRunner runner;

    @BeforeEach
    void startWorld() {
        world = new StarterWorld(temp);
        runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                OzgPortalAutoConfiguration.class, OzgPortalWebAutoConfiguration.class,
                OzgPortalHealthAutoConfiguration.class));
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void buildsRuntimeDatabaseAndSamlLoginFromTheSettings() {
        runner.withPropertyValues(world.all()).run(context -> {
            assertThat(context).hasNotFailed();
            ServiceRuntime runtime = context.getBean(ServiceRuntime.class);
            assertThat(runtime.services()).containsOnlyKeys("sperrmuell");
            assertThat(runtime.tenants().find(TenantId.parse(StarterWorld.TENANT))).isPresent();
            assertThat(runtime.authProviders()).containsExactly(StarterWorld.ENTITY_ID);
            assertThat(context.getBean(SamlServiceProvider.class).idp().entityId()).isEqualTo(world.idp.entityId());
            assertThat(context.getBean(ChannelRouter.class).destinations()).containsExactly("bonn-abfall");
            assertThat(context.getBean(Sealer.class).keyIds()).containsExactly("2026");
            assertThat(context).doesNotHaveBean(PaymentProvider.class);
            assertThat(temp.resolve("h2/ozg.mv.db")).exists();
        });
    }

    @Test
    void addsProvidersOnlyWhenTheirSettingsArePresent() {
        String[] withoutSaml = world.properties().stream().filter(p -> !p.startsWith("ozg.portal.auth.saml"))
                .toArray(String[]::new);
        runner.withPropertyValues(withoutSaml).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(AuthProvider.class);
            assertThat(context.getBean(ServiceRuntime.class).authProviders()).isEmpty();
        });
        runner.withPropertyValues(world.all(
                "ozg.portal.payment.xbezahldienste.base-url=http://localhost:9/xbd",
                "ozg.portal.payment.xbezahldienste.originator-id=ozg-bonn",
                "ozg.portal.payment.xbezahldienste.token-endpoint=http://localhost:9/token",
                "ozg.portal.payment.xbezahldienste.client-id=portal",
                "ozg.portal.payment.xbezahldienste.client-secret=geheim")).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(XBezahldiensteClient.class);
                });
    }

    @Test
    void missingTimestampUrlStopsTheStartNamingTheSetting() {
        runner.withPropertyValues(world.without("ozg.portal.timestamp.url")).run(context -> {
            assertThat(context).hasFailed();
            PortalSettingException failure = rootSetting(context.getStartupFailure());
            assertThat(failure.setting()).isEqualTo("ozg.portal.timestamp.url");
            assertThat(failure.code()).isEqualTo(StarterError.SETTING_MISSING);
            FailureAnalysis analysis = new OzgPortalFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("OZG-SPRING-101", "ozg.portal.timestamp.url");
            assertThat(analysis.getAction()).contains("Set ozg.portal.timestamp.url", "OZG_PORTAL_TIMESTAMP_URL");
        });
    }

    @Test
    void missingSealingKeyStopsTheStartNamingTheSetting() {
        String[] noKey = world.properties().stream().filter(p -> !p.startsWith("ozg.portal.sealing"))
                .toArray(String[]::new);
        runner.withPropertyValues(noKey).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootSetting(context.getStartupFailure()).setting())
                    .isEqualTo("ozg.portal.sealing.keys[0].file");
        });
    }

    @Test
    void unreadableKeyStorePasswordIsReportedWithoutTheSecret() {
        runner.withPropertyValues(world.all("ozg.portal.auth.saml.keystore.password=falsch-und-geheim"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    PortalSettingException failure = rootSetting(context.getStartupFailure());
                    assertThat(failure.setting()).isEqualTo("ozg.portal.auth.saml.keystore.path");
                    assertThat(failure.code()).isEqualTo(StarterError.KEY_FILE_UNREADABLE);
                    assertThat(failure.getMessage()).doesNotContain("falsch-und-geheim");
                });
    }

    @Test
    void unreachableIdpMetadataStopsTheStart() {
        world.idp.close();
        runner.withPropertyValues(world.all()).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new OzgPortalFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("OZG-SPRING-104", ServicekontoIdpMock.METADATA);
        });
    }

    @Test
    void applicationBeansReplaceTheStartersBeans() {
        runner.withUserConfiguration(OwnBeans.class).withPropertyValues(world.all()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Sealer.class).keyIds()).containsExactly("own");
            assertThat(context.getBean(TenantDirectory.class)).isSameAs(context.getBean("ownTenants"));
            assertThat(context.getBean(ServiceRuntime.class).tenants()).isSameAs(context.getBean("ownTenants"));
        });
    }

    @Test
    void usesTheApplicationsDataSourceInsteadOfAnOwnH2File() {
        runner.withUserConfiguration(OwnDataSource.class).withPropertyValues(world.all()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Database.class).dataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(temp.resolve("h2")).doesNotExist();
        });
    }

    @Test
    void startsTheOutboxDispatcherWithTheContextAndStopsItAtClose() throws InterruptedException {
        String[] settings = world.all("ozg.portal.outbox.worker-id=starter-test-node");
        Thread[] seen = new Thread[1];
        runner.withPropertyValues(settings).run(context -> {
            context.start();
            assertThat(context.getBean(OzgPortalLifecycle.class).isRunning()).isTrue();
            assertThat(context.getBean(OzgPortalLifecycle.class).dispatcher()).isPresent();
            seen[0] = thread("ozg-outbox-starter-test-node");
            assertThat(seen[0]).as("dispatcher thread").isNotNull();
        });
        seen[0].join(10_000);
        assertThat(seen[0].isAlive()).as("dispatcher thread after close").isFalse();
    }

    @Test
    void noDispatcherOnANodeThatDoesNotDispatch() {
        runner.withPropertyValues(world.all("ozg.portal.outbox.dispatch=false")).run(context -> {
            context.start();
            assertThat(context.getBean(OzgPortalLifecycle.class).dispatcher()).isEmpty();
        });
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElse(null);
    }

    private static PortalSettingException rootSetting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortalSettingException setting) {
                return setting;
            }
        }
        throw new AssertionError("no PortalSettingException in " + failure, failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        @Bean
        Sealer ownSealer() {
            return Sealer.builder().keyBase64("own", Base64.getEncoder().encodeToString(new byte[32])).build();
        }

        @Bean
        TenantDirectory ownTenants() {
            return FileTenantDirectory.load(StarterWorld.resource("tenants"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {

        @Bean
        DataSource dataSource() throws Exception {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:starter-own-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
    }
}
