package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A real Spring Boot start with a setting missing: the report Spring Boot prints names the setting. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @TempDir
    Path temp;

    @Test
    void theFailureReportOfAStartWithoutTimeStampAuthoritySaysWhatToSet(CapturedOutput output) {
        try (StarterWorld world = new StarterWorld(temp)) {
            String[] args = Arrays.stream(world.without("ozg.portal.timestamp.url"))
                    .map(setting -> "--" + setting).toArray(String[]::new);
            SpringApplication application = new SpringApplication(Application.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            assertThatThrownBy(() -> application.run(args)).hasRootCauseInstanceOf(PortalSettingException.class);
        }
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "The OZG portal cannot start: [OZG-SPRING-101] The setting ozg.portal.timestamp.url is missing",
                "Set ozg.portal.timestamp.url (application.yml, or an environment variable such as"
                        + " OZG_PORTAL_TIMESTAMP_URL)");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
