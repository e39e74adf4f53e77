package de.ozgsdk.sandbox.postbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A status update the ZBP mock accepted for the Statusmonitor ({@code status_v6}).
 *
 * @param submissionId the FIT-Connect submission it came in
 * @param applicationId the application
 * @param status INITIATED, SUBMITTED, RECEIVED, PROCESSING, ACTION_REQUIRED or COMPLETED
 * @param publicServiceName {@code publicServiceName.de}
 * @param senderName the sending authority
 * @param createdDate when the application reached the state
 * @param statusDetails {@code statusDetails.de}, if given
 */
public record ZbpStatusUpdate(UUID submissionId, UUID applicationId, String status, String publicServiceName,
        String senderName, Instant createdDate, Optional<String> statusDetails) {
}
