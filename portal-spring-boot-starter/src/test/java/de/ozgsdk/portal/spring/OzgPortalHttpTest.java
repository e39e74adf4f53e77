package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application with nothing but the starter and its settings, on a random port of embedded Tomcat:
 * the portal serves a service's start page over HTTP with the security headers, and its health is UP.
 */
@SpringBootTest(classes = OzgPortalHttpTest.PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OzgPortalHttpTest {

    private static StarterWorld world;

    @LocalServerPort
    int port;
    @Autowired
    OzgPortalHealthIndicator health;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        world = new StarterWorld(Files.createTempDirectory("ozg-starter-http"));
        for (String setting : world.properties()) {
            int equals = setting.indexOf('=');
            registry.add(setting.substring(0, equals), () -> setting.substring(equals + 1));
        }
    }

    @AfterAll
    static void stopWorld() {
        world.close();
    }

    @Test
    void servesTheStartPageOfAServiceWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/ozg/dienst/sperrmuell");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sperrmüllabholung anmelden", "Bundesstadt Bonn");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void servesNothingOutsideItsPath() throws Exception {
        assertThat(get("/dienst/sperrmuell").statusCode()).isEqualTo(404);
    }

    @Test
    void isHealthyWithEveryProviderConfigured() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "de-DE").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application: only Spring Boot's auto-configuration, which finds the starter's. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PortalApplication {
    }
}
