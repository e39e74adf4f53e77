package de.ozgsdk.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * An event recorded in the {@link AuditLog}: the entry as given plus the id and time the log assigned; events are
 * never changed or deleted.
 *
 * @param id the event's id
 * @param occurredAt when it was recorded, by the log's clock
 * @param entry what was recorded
 */
public record AuditEvent(UUID id, Instant occurredAt, AuditEntry entry) {
}
