package de.ozgsdk.auth;

import de.ozgsdk.core.ConfigurationException;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link AuthProvider#checkConfiguration()}: errors (the provider cannot work, e.g. an unreadable key
 * or expired IdP metadata) and warnings (it works but needs attention soon, e.g. a certificate that expires within
 * 30 days).
 *
 * @param findings every problem found, errors first
 */
public record ConfigurationReport(List<Finding> findings) {

    public ConfigurationReport {
        findings = findings.stream()
                .sorted((a, b) -> Boolean.compare(b.isError(), a.isError()))
                .toList();
    }

    /** A report without findings. */
    public static ConfigurationReport ok() {
        return new ConfigurationReport(List.of());
    }

    /** The findings that keep the provider from working. */
    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    /** The findings that need attention but do not stop the provider. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** Whether the provider can work (no errors; warnings allowed). */
    public boolean isUsable() {
        return errors().isEmpty();
    }

    /**
     * Throws the first error, if any: for a start-up that must not go on with a broken login.
     *
     * @throws ConfigurationException the first error
     */
    public void throwIfUnusable() {
        if (!isUsable()) {
            throw errors().get(0).problem();
        }
    }

    /** How serious a finding is. */
    public enum Severity {
        /** The provider works, but someone must act soon. */
        WARNING,
        /** The provider cannot work. */
        ERROR
    }

    /**
     * One problem with the configuration.
     *
     * @param severity whether it stops the provider
     * @param problem  the problem with its code and message
     */
    public record Finding(Severity severity, ConfigurationException problem) {

        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(problem, "problem");
        }

        /** An error finding. */
        public static Finding error(ConfigurationException problem) {
            return new Finding(Severity.ERROR, problem);
        }

        /** A warning finding. */
        public static Finding warning(ConfigurationException problem) {
            return new Finding(Severity.WARNING, problem);
        }

        /** Whether this finding stops the provider. */
        public boolean isError() {
            return severity == Severity.ERROR;
        }

        /** The English message with code, for the log. */
        public String message() {
            return problem.getMessage();
        }
    }
}
