package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code ozgPortal} health indicator against the sandbox's Servicekonto IdP and real files. */
class OzgPortalHealthIndicatorTest {

    @TempDir
    Path temp;
    private StarterWorld world;
    private ApplicationContextRunner runner;

    @BeforeEach
    void startWorld() {
        world = new StarterWorld(temp);
        runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                OzgPortalAutoConfiguration.class, OzgPortalHealthAutoConfiguration.class));
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void isUpWhenEveryCheckPassesAgainstTheSandboxIdp() {
        runner.withPropertyValues(world.all("ozg.portal.profile=central")).run(context -> {
            Health health = context.getBean("ozgPortalHealthIndicator", OzgPortalHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys("database", "outbox", "auth:" + StarterWorld.ENTITY_ID,
                    "transfer:bonn-abfall", "service:sperrmuell");
            assertThat(status(health, "auth:" + StarterWorld.ENTITY_ID)).isEqualTo("UP");
        });
    }

    @Test
    void isDownWithTheCodeWhenTheIdpMetadataBecomesUnreachable() {
        runner.withPropertyValues(world.all()).run(context -> {
            OzgPortalHealthIndicator indicator = context.getBean(OzgPortalHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            String metadataUrl = world.idp.uri(ServicekontoIdpMock.METADATA).toString();
            world.idp.close();
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            Map<?, ?> auth = (Map<?, ?>) health.getDetails().get("auth:" + StarterWorld.ENTITY_ID);
            assertThat(auth.get("status")).isEqualTo("DOWN");
            assertThat(auth.get("errors")).asList().containsExactly(StarterError.METADATA_UNREACHABLE.code());
            assertThat(status(health, "database")).isEqualTo("UP");
            // codes only: no URL of the IdP, no path, no key store password
            assertThat(health.getDetails().toString()).doesNotContain(StarterWorld.KEYSTORE_PASSWORD, metadataUrl,
                    temp.toString());
        });
    }

    @Test
    void isDownWhenAFileDropDirectoryIsMissing() throws Exception {
        runner.withPropertyValues(world.all()).run(context -> {
            Files.delete(world.fileDrop);
            Health health = context.getBean(OzgPortalHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(((Map<?, ?>) health.getDetails().get("transfer:bonn-abfall")).get("errors")).asList()
                    .containsExactly(StarterError.FILE_DROP_UNWRITABLE.code());
        });
    }

    @Test
    void aServiceTheProfileCannotRunStopsTheStartWithTheBlockersCode() {
        // the legacy profile imports XDatenfelder 2 only; the test service is XDatenfelder 3
        runner.withPropertyValues(world.all("ozg.portal.profile=legacy")).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new OzgPortalFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("OZG-PORTAL-307", "OZG-PORTAL-213");
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues(world.all("management.health.ozgPortal.enabled=false"))
                .run(context -> assertThat(context).doesNotHaveBean(OzgPortalHealthIndicator.class));
    }

    private static Object status(Health health, String check) {
        return ((Map<?, ?>) health.getDetails().get(check)).get("status");
    }
}
