package de.ozgsdk.portal.profile;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link CompatibilityCheck}: whether a service runs on a portal, what blocks it and what degrades.
 *
 * @param service      the service, {@code id version}
 * @param profile      the name of the portal profile
 * @param blockers     what keeps the service from running on the portal; empty when it runs
 * @param degradations what works differently on the portal than the service would like
 */
public record CompatibilityReport(String service, String profile, List<CompatibilityItem> blockers,
                                  List<CompatibilityItem> degradations) {

    /** Checks that every part is present. */
    public CompatibilityReport {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(profile, "profile");
        blockers = List.copyOf(blockers);
        degradations = List.copyOf(degradations);
    }

    /** Whether the service runs on the portal (no blockers; degradations may exist). */
    public boolean runsOnPortal() {
        return blockers.isEmpty();
    }

    /** Whether it runs without any degradation. */
    public boolean runsFully() {
        return blockers.isEmpty() && degradations.isEmpty();
    }

    /**
     * Returns normally when the service runs on the portal, else throws; the runtime calls it before it starts a
     * service.
     *
     * @throws CompatibilityException ({@code OZG-PORTAL-240}) with this report, naming every blocker
     */
    public void requireRunnable() {
        if (!runsOnPortal()) {
            throw new CompatibilityException(this);
        }
    }
}
