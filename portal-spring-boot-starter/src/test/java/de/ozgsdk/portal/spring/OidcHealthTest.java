package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.oidc.OidcProvider;
import de.ozgsdk.sandbox.oidc.OidcProviderMock;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** OIDC login from the settings against the sandbox's OIDC provider, and its self-check in the health. */
class OidcHealthTest {

    private static final URI REDIRECT = URI.create("https://portal.bonn.example.de/ozg/login/oidc");

    @TempDir
    Path temp;
    private StarterWorld world;
    private OidcProviderMock oidc;

    @BeforeEach
    void start() {
        world = new StarterWorld(temp);
        oidc = OidcProviderMock.builder().client("ozg-portal", "portal-secret", REDIRECT).start();
    }

    @AfterEach
    void stop() {
        oidc.close();
        world.close();
    }

    @Test
    void oidcLoginFromTheSettingsIsUpAndDownWhenTheProviderIsGone() {
        List<String> settings = world.properties().stream().filter(p -> !p.startsWith("ozg.portal.auth.saml"))
                .collect(Collectors.toCollection(ArrayList::new));
        settings.addAll(List.of("ozg.portal.auth.oidc.issuer=" + oidc.issuer(),
                "ozg.portal.auth.oidc.client-id=ozg-portal",
                "ozg.portal.auth.oidc.client-secret=portal-secret",
                "ozg.portal.auth.oidc.redirect-uri=" + REDIRECT));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OzgPortalAutoConfiguration.class,
                OzgPortalHealthAutoConfiguration.class)).withPropertyValues(settings.toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasSingleBean(OidcProvider.class);
                    String check = "auth:" + context.getBean(OidcProvider.class).id();
                    OzgPortalHealthIndicator indicator = context.getBean(OzgPortalHealthIndicator.class);
                    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                    oidc.close();
                    Health health = indicator.health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(((Map<?, ?>) health.getDetails().get(check)).get("errors")).asList()
                            .singleElement().asString().startsWith("OZG-AUTH-");
                    assertThat(health.getDetails().toString()).doesNotContain("portal-secret");
                });
    }
}
