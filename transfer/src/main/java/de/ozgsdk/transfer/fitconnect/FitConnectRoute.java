package de.ozgsdk.transfer.fitconnect;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One verified result of the Routing API ({@code route}): a destination (Zustellpunkt) whose signed destination
 * information ("Adressierungsinformationen", {@code destinationSignature}) was checked against the self-service
 * portal's JWKS and names the requested service and region and the configured delivery service.
 *
 * @param destinationId the destination to submit to
 * @param destinationName the name of the responsible authority, if given (public information)
 * @param submissionHost the delivery service host named in the signed information
 */
public record FitConnectRoute(UUID destinationId, Optional<String> destinationName, String submissionHost) {

    public FitConnectRoute {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(destinationName, "destinationName");
        Objects.requireNonNull(submissionHost, "submissionHost");
    }
}
