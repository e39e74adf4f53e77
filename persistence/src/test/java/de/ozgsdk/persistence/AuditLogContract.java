package de.ozgsdk.persistence;

import de.ozgsdk.core.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class AuditLogContract extends DatabaseContract {

    private TestClock clock;
    private AuditLog audit;
    private String tenant;

    @BeforeEach
    void newTenant() {
        // Events cannot be deleted, so each test uses a tenant of its own.
        tenant = "t-" + UUID.randomUUID();
        clock = TestClock.atDefaultStart();
        audit = AuditLog.create(db, clock);
    }

    @Test
    void appendsEventsAndQueriesThemInOrder() {
        AuditEvent saved = audit.append(entry("draft.save", AuditOutcome.SUCCESS));
        clock.advance(Duration.ofMinutes(1));
        audit.append(entry("draft.delete", AuditOutcome.DENIED));

        List<AuditEvent> events = audit.query(TenantId.parse(tenant), Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-24T00:00:00Z"));

        assertThat(events).extracting(event -> event.entry().action()).containsExactly("draft.save", "draft.delete");
        assertThat(events.get(0)).isEqualTo(saved);
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(events.get(1).entry().outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void queryIsLimitedToTenantAndHalfOpenTimeRange() {
        audit.append(entry("draft.save", AuditOutcome.SUCCESS));
        clock.advance(Duration.ofHours(1));
        audit.append(entry("draft.update", AuditOutcome.SUCCESS));
        audit.append(AuditEntry.of("another-tenant", "actor-1", "draft.save", "draft", "d-1", AuditOutcome.SUCCESS));

        List<AuditEvent> events = audit.query(TenantId.parse(tenant), Instant.parse("2026-11-23T08:00:00Z"),
                Instant.parse("2026-11-23T09:00:00Z"));

        assertThat(events).extracting(event -> event.entry().action()).containsExactly("draft.save");
    }

    @Test
    void appendInARolledBackTransactionLeavesNoEvent() {
        assertThatThrownBy(() -> db.runInTransaction(connection -> {
            audit.append(connection, entry("draft.delete", AuditOutcome.SUCCESS));
            throw new IllegalStateException("the audited change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit.query(TenantId.parse(tenant), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void databaseRefusesToUpdateOrDeleteEvents() {
        audit.append(entry("draft.save", AuditOutcome.SUCCESS));

        assertThatThrownBy(() -> execute("UPDATE ozg_audit_event SET outcome = 'FAILURE' WHERE tenant_id = ?", tenant))
                .isInstanceOf(ProcessingException.class);
        assertThatThrownBy(() -> execute("DELETE FROM ozg_audit_event WHERE tenant_id = ?", tenant))
                .isInstanceOf(ProcessingException.class);
        assertThat(audit.query(TenantId.parse(tenant), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .singleElement().satisfies(event -> assertThat(event.entry().outcome()).isEqualTo(AuditOutcome.SUCCESS));
    }

    @Test
    void rejectsNamesAndEmailAddressesAsActor() {
        assertThatThrownBy(() -> AuditEntry.of(tenant, "Erika Mustermann", "draft.save", "draft", "d-1",
                AuditOutcome.SUCCESS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-DB-401")
                .hasMessageContaining("actor")
                .hasMessageNotContaining("Mustermann");
        assertThatThrownBy(() -> AuditEntry.of(tenant, "erika@example.org", "draft.save", "draft", "d-1",
                AuditOutcome.SUCCESS))
                .isInstanceOf(InvalidInputException.class);
    }

    private AuditEntry entry(String action, AuditOutcome outcome) {
        return AuditEntry.of(tenant, "bpk2-4f1c", action, "draft", "3f2a-draft", outcome);
    }
}
