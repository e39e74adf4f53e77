package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.crypto.Sealer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArgumentValidationTest {

    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.h2InMemory("argument_validation");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void draftOwnerRejectsMalformedTenantWithoutEchoingTheUserId() {
        assertThatThrownBy(() -> DraftOwner.of("tenant with space", "bpk2-1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-CORE-104")
                .hasMessageNotContaining("bpk2-1");
        assertThatThrownBy(() -> DraftOwner.of("053150000000", "  "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("userId");
    }

    @Test
    void draftOwnerKeepsTheUserIdOutOfToString() {
        assertThat(DraftOwner.of("053150000000", "erika@example.org").toString())
                .isEqualTo("DraftOwner[tenantId=053150000000, userId=***]");
    }

    @Test
    void outboxMessageRejectsKeysThatCouldCarryPersonalData() {
        assertThatThrownBy(() -> OutboxMessage.of("Antrag Erika Mustermann", "fv", new byte[0]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("idempotencyKey")
                .hasMessageNotContaining("Mustermann");
    }

    @Test
    void outboxBuilderRejectsUnusableRetrySettings() {
        assertThatThrownBy(() -> Outbox.builder(db).maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> Outbox.builder(db).backoffBase(Duration.ZERO)).hasMessageContaining("backoffBase");
        assertThatThrownBy(() -> Outbox.builder(db).backoffBase(Duration.ofMinutes(10))
                .backoffCap(Duration.ofMinutes(1)).build())
                .hasMessageContaining("backoffCap");
    }

    @Test
    void claimRejectsLeasesTooShortToDeliverAnything() {
        Outbox outbox = Outbox.builder(db).build();

        assertThatThrownBy(() -> outbox.claim("worker-a", 10, Duration.ofMillis(10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("leaseDuration");
    }

    @Test
    void draftStoreRejectsServiceIdsAndLifetimesOutOfRange() {
        DraftStore store = DraftStore.builder(db, Sealer.builder()
                .key("k", new byte[32]).build()).build();

        assertThatThrownBy(() -> store.save(DraftOwner.of("t", "u"), "service id", new byte[0]))
                .hasMessageContaining("serviceId");
        assertThatThrownBy(() -> DraftStore.builder(db, Sealer.builder()
                .key("k", new byte[32]).build()).lifetime(Duration.ofSeconds(5)))
                .hasMessageContaining("lifetime");
    }

    @Test
    void purgeJobRefusesIntervalsBelowOneSecond() {
        DraftStore store = DraftStore.builder(db, Sealer.builder()
                .key("k", new byte[32]).build()).build();

        assertThatThrownBy(() -> DraftPurgeJob.start(store, Duration.ofMillis(100)))
                .isInstanceOf(InvalidInputException.class);
    }
}
