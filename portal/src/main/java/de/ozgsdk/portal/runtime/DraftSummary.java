package de.ozgsdk.portal.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * One resumable application of a citizen, for the list "your applications in progress".
 *
 * @param ref       the application
 * @param serviceId the online service
 * @param stage     where it stands
 * @param updatedAt when it was last saved
 * @param expiresAt when it is purged unless saved again
 */
public record DraftSummary(ApplicationRef ref, String serviceId, Stage stage, Instant updatedAt, Instant expiresAt) {

    /** Checks that every part is present. */
    public DraftSummary {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
