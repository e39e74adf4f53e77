package de.ozgsdk.portal.spring.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.portal.spring.OzgPortalAutoConfiguration;
import de.ozgsdk.portal.spring.PortalRoutes;
import de.ozgsdk.portal.spring.StarterWorld;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.FileDropChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Java samples of portal-spring-boot-starter/README.md, run against the starter. */
class StarterSnippetsTest {

    @TempDir
    Path temp;
    private StarterWorld world;

    @BeforeEach
    void start() {
        world = new StarterWorld(temp);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void ownBeansReplaceTheSealerAndAddRoutes() throws IOException {
        Files.createDirectories(temp.resolve("archiv"));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OzgPortalAutoConfiguration.class))
                .withUserConfiguration(PortalConfiguration.class)
                .withPropertyValues(world.properties().stream().filter(p -> !p.startsWith("ozg.portal.sealing"))
                        .toArray(String[]::new))
                .withSystemProperties("archive.dir=" + temp.resolve("archiv"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Sealer.class).keyIds()).containsExactly("vault-2026");
                    assertThat(context.getBean(ChannelRouter.class).destinations())
                            .containsExactlyInAnyOrder("bonn-abfall", "archiv");
                });
    }

    /** Stands in for a secret store of the operator. */
    static final class Vault {
        static String read(String name) {
            return Base64.getEncoder().encodeToString(new byte[32]);
        }
    }

    // @start region="own-beans"
    @Configuration
    static class PortalConfiguration {

        /** The sealing keys from the operator's secret store instead of ozg.portal.sealing. */
        @Bean
        Sealer sealer() {
            return Sealer.builder().keyBase64("vault-2026", Vault.read("ozg-seal-2026")).build();
        }

        /** A route the settings cannot express: here a second file drop, e.g. a FitConnectChannel. */
        @Bean
        PortalRoutes archiveRoute() {
            return router -> router.route("archiv", FileDropChannel.create(Path.of(System.getProperty("archive.dir"))));
        }
    }
    // @end
}
