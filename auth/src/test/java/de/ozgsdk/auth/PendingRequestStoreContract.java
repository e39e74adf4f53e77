package de.ozgsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link PendingRequestStore} guarantees: one answer completes one login, a used id stays refused. */
abstract class PendingRequestStoreContract {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    abstract PendingRequestStore store();

    static PendingRequest request(String id) {
        return new PendingRequest(id, "https://portal.example.de", TrustLevel.SUBSTANTIAL, NOW,
                NOW.plus(Duration.ofMinutes(10)), Map.of("nonce", "n-0S6_WzA2Mj", "relayState", "a=b&c"));
    }

    @Test
    void takesARememberedRequestOnceWithItsData() {
        store().remember(request("_r1"));

        Optional<PendingRequest> first = store().take("_r1", NOW.plusSeconds(30));

        assertThat(first).contains(request("_r1"));
        assertThat(store().take("_r1", NOW.plusSeconds(31))).isEmpty();
    }

    @Test
    void doesNotHandOutAnExpiredRequest() {
        store().remember(request("_r2"));

        assertThat(store().take("_r2", NOW.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(store().take("_never", NOW)).isEmpty();
    }

    @Test
    void refusesASecondRequestWithTheSameId() {
        store().remember(request("_r3"));

        assertThatThrownBy(() -> store().remember(request("_r3")))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code())
                        .isEqualTo(AuthError.PENDING_REQUEST_DUPLICATE));
    }

    @Test
    void marksAMessageUsedOnlyOnce() {
        assertThat(store().markUsed("_assertion-1", NOW.plusSeconds(300))).isTrue();
        assertThat(store().markUsed("_assertion-1", NOW.plusSeconds(300))).isFalse();
        assertThat(store().markUsed("_assertion-2", NOW.plusSeconds(300))).isTrue();
    }

    @Test
    void purgeRemovesOnlyWhatIsOver() {
        store().remember(request("_r4"));
        store().markUsed("_assertion-3", NOW.plusSeconds(60));
        store().markUsed("_assertion-4", NOW.plus(Duration.ofHours(1)));

        int removed = store().purgeExpired(NOW.plus(Duration.ofMinutes(10)));

        assertThat(removed).isEqualTo(2);
        assertThat(store().markUsed("_assertion-3", NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(store().markUsed("_assertion-4", NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void concurrentTakesCompleteTheLoginOnlyOnce() throws Exception {
        store().remember(request("_r5"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<PendingRequest>>> takes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                takes.add(() -> store().take("_r5", NOW.plusSeconds(1)));
            }
            long winners = 0;
            for (Future<Optional<PendingRequest>> result : pool.invokeAll(takes)) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
