package de.ozgsdk.portal.profile;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.portal.PortalError;
import java.util.stream.Collectors;

/**
 * Thrown when a service is to run on a portal whose profile it does not fit ({@link PortalError#COMPAT_CHECK_FAILED});
 * it carries the whole report, so that an operator sees every blocker at once. The runtime throws it through
 * {@link CompatibilityReport#requireRunnable()} before it starts a service.
 */
public final class CompatibilityException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final transient CompatibilityReport report;

    CompatibilityException(CompatibilityReport report) {
        super(PortalError.COMPAT_CHECK_FAILED, report.service(), report.profile(), report.blockers().stream()
                .map(b -> b.code().code() + " " + b.concerns()).collect(Collectors.joining(", ")));
        this.report = report;
    }

    /** The report with every blocker and degradation. */
    public CompatibilityReport report() {
        return report;
    }
}
