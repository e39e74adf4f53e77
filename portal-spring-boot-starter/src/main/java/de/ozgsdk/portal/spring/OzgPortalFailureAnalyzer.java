package de.ozgsdk.portal.spring;

import de.ozgsdk.core.OzgException;
import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start of the portal into a report that says what is wrong and what to set: a missing or unusable
 * {@code ozg.portal} setting by its name, any other SDK configuration error (tenant files, service packages, keys,
 * profile check) by its code and message.
 */
public final class OzgPortalFailureAnalyzer extends AbstractFailureAnalyzer<OzgException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OzgException cause) {
        PortalSettingException setting = findCause(rootFailure, PortalSettingException.class);
        if (setting != null) {
            return new FailureAnalysis("The OZG portal cannot start: " + setting.getMessage(),
                    "Set " + setting.setting() + " (application.yml, or an environment variable such as "
                            + environmentName(setting.setting()) + "); portal-spring-boot-starter/README.md lists"
                            + " every setting.", setting);
        }
        return new FailureAnalysis("The OZG portal cannot start: " + cause.getMessage(),
                "Correct the configuration the message names (" + cause.code().code() + "); the ozg.portal settings"
                        + " are described in portal-spring-boot-starter/README.md.", cause);
    }

    /** {@code ozg.portal.timestamp.url} → {@code OZG_PORTAL_TIMESTAMP_URL}, as Spring Boot binds variables. */
    static String environmentName(String setting) {
        return setting.replace("[", "_").replace("]", "").replace('.', '_').replace("-", "")
                .toUpperCase(Locale.ROOT);
    }
}
