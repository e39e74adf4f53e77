package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class DraftStoreContract extends DatabaseContract {

    private static final DraftOwner OWNER = DraftOwner.of("053150000000", "bpk2-user-1");
    private static final DraftOwner OTHER_USER = DraftOwner.of("053150000000", "bpk2-user-2");
    private static final DraftOwner OTHER_TENANT = DraftOwner.of("057110000000", "bpk2-user-1");
    private static final String SERVICE = "99123456760000";

    private final Sealer sealer = Sealer.builder().key("2026-11", key(7)).build();
    private TestClock clock;
    private DraftStore store;

    @BeforeEach
    void emptyStore() {
        execute("DELETE FROM ozg_draft");
        clock = TestClock.atDefaultStart();
        store = DraftStore.builder(db, sealer).clock(clock).lifetime(Duration.ofDays(30)).build();
    }

    @Test
    void savesDraftWithVersionOneAndLoadsItBack() {
        Draft saved = store.save(OWNER, SERVICE, bytes("{\"name\":\"Erika\"}"));

        Draft loaded = store.load(saved.id(), OWNER);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(loaded.payload()).isEqualTo(bytes("{\"name\":\"Erika\"}"));
        assertThat(loaded.serviceId()).isEqualTo(SERVICE);
        assertThat(loaded.createdAt()).isEqualTo(clock.instant());
        assertThat(loaded.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void updateRaisesVersionAndMovesExpiry() {
        Draft saved = store.save(OWNER, SERVICE, bytes("v1"));
        clock.advance(Duration.ofDays(1));

        Draft updated = store.update(saved.id(), OWNER, 1, bytes("v2"));

        assertThat(updated.version()).isEqualTo(2);
        Draft loaded = store.load(saved.id(), OWNER);
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.payload()).isEqualTo(bytes("v2"));
        assertThat(loaded.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void staleUpdateFailsWithConflict() {
        Draft saved = store.save(OWNER, SERVICE, bytes("v1"));
        store.update(saved.id(), OWNER, 1, bytes("from tab A"));

        assertThatThrownBy(() -> store.update(saved.id(), OWNER, 1, bytes("from tab B")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("OZG-DB-202")
                .hasMessageContaining("expected version 1, current version 2");
        assertThat(store.load(saved.id(), OWNER).payload()).isEqualTo(bytes("from tab A"));
    }

    @Test
    void updateOfALoadedDraftRaisesVersionAndMovesExpiryInOneStep() {
        Draft saved = store.save(OWNER, SERVICE, bytes("v1"));
        clock.advance(Duration.ofDays(1));

        Draft updated = store.update(store.load(saved.id(), OWNER), bytes("v2"));
        Draft again = store.update(updated, bytes("v3"));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(again.version()).isEqualTo(3);
        Draft loaded = store.load(saved.id(), OWNER);
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.payload()).isEqualTo(bytes("v3"));
        assertThat(loaded.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void updateOfAStaleLoadedDraftFailsWithConflictAndKeepsTheNewerPayload() {
        Draft tabA = store.save(OWNER, SERVICE, bytes("v1"));
        Draft tabB = store.load(tabA.id(), OWNER);
        store.update(tabA, bytes("from tab A"));

        assertThatThrownBy(() -> store.update(tabB, bytes("from tab B")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("OZG-DB-202")
                .hasMessageContaining("expected version 1, current version 2");
        assertThat(store.load(tabA.id(), OWNER).payload()).isEqualTo(bytes("from tab A"));
    }

    @Test
    void updateOfALoadedDraftThatExpiredOrWasDeletedIsNotFound() {
        Draft expiring = store.save(OWNER, SERVICE, bytes("old"));
        Draft deleted = store.save(OWNER, SERVICE, bytes("gone"));
        store.delete(deleted.id(), OWNER);
        clock.advance(Duration.ofDays(30));

        assertThatThrownBy(() -> store.update(expiring, bytes("late"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.update(deleted, bytes("late"))).isInstanceOf(NotFoundException.class);
        assertThat(count("SELECT COUNT(*) FROM ozg_draft WHERE version > 1")).isZero();
    }

    @Test
    void refusesAnotherUsersLoadLikeAMissingDraft() {
        Draft saved = store.save(OWNER, SERVICE, bytes("secret"));

        OzgException foreign = catchOzg(() -> store.load(saved.id(), OTHER_USER));
        OzgException missing = catchOzg(() -> store.load(UUID.randomUUID(), OTHER_USER));

        assertThat(foreign).isInstanceOf(NotFoundException.class);
        assertThat(foreign.code()).isEqualTo(missing.code());
    }

    @Test
    void refusesLoadFromAnotherTenant() {
        Draft saved = store.save(OWNER, SERVICE, bytes("secret"));

        assertThatThrownBy(() -> store.load(saved.id(), OTHER_TENANT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesUpdateAndDeleteByAnotherOwner() {
        Draft saved = store.save(OWNER, SERVICE, bytes("mine"));

        assertThatThrownBy(() -> store.update(saved.id(), OTHER_USER, 1, bytes("theirs")))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.delete(saved.id(), OTHER_USER)).isFalse();
        assertThat(store.load(saved.id(), OWNER).payload()).isEqualTo(bytes("mine"));
    }

    @Test
    void deletesDraft() {
        Draft saved = store.save(OWNER, SERVICE, bytes("x"));

        assertThat(store.delete(saved.id(), OWNER)).isTrue();

        assertThatThrownBy(() -> store.load(saved.id(), OWNER)).isInstanceOf(NotFoundException.class);
        assertThat(store.delete(saved.id(), OWNER)).isFalse();
    }

    @Test
    void expiredDraftIsNoLongerLoadable() {
        Draft saved = store.save(OWNER, SERVICE, bytes("x"));
        clock.advance(Duration.ofDays(30));

        assertThatThrownBy(() -> store.load(saved.id(), OWNER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void purgeDeletesOnlyExpiredDraftsAndCountsThem() {
        store.save(OWNER, SERVICE, bytes("old 1"));
        store.save(OTHER_USER, SERVICE, bytes("old 2"));
        clock.advance(Duration.ofDays(20));
        Draft young = store.save(OWNER, SERVICE, bytes("young"));
        clock.advance(Duration.ofDays(10));

        assertThat(store.purgeExpired()).isEqualTo(2);

        assertThat(count("SELECT COUNT(*) FROM ozg_draft")).isEqualTo(1);
        assertThat(store.load(young.id(), OWNER).payload()).isEqualTo(bytes("young"));
    }

    @Test
    void purgeJobPurgesInTheBackground() throws Exception {
        store.save(OWNER, SERVICE, bytes("old"));
        CountDownLatch purgeAsked = new CountDownLatch(1);
        TestClock later = new TestClock(clock.instant().plus(Duration.ofDays(31))) {
            @Override
            public Instant instant() {
                purgeAsked.countDown();
                return super.instant();
            }
        };
        DraftStore purgingStore = DraftStore.builder(db, sealer).clock(later).build();

        DraftPurgeJob job = DraftPurgeJob.start(purgingStore, DraftPurgeJob.DEFAULT_INTERVAL);
        try {
            assertThat(purgeAsked.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.close(); // lets the running purge finish
        }

        assertThat(count("SELECT COUNT(*) FROM ozg_draft")).isZero();
    }

    @Test
    void listsOnlyTheOwnersUnexpiredDrafts() {
        Draft first = store.save(OWNER, SERVICE, bytes("1"));
        clock.advance(Duration.ofMinutes(1));
        Draft second = store.save(OWNER, "99000000000000", bytes("2"));
        store.save(OTHER_USER, SERVICE, bytes("foreign"));

        assertThat(store.listByOwner(OWNER)).extracting(Draft::id).containsExactly(second.id(), first.id());
    }

    @Test
    void storesPayloadSealedNotInPlainText() {
        Draft saved = store.save(OWNER, SERVICE, bytes("Musterstrasse 1"));

        byte[] stored = db.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("SELECT payload FROM ozg_draft WHERE id = ?")) {
                statement.setObject(1, saved.id());
                try (var row = statement.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        });

        assertThat(Sealer.keyIdOf(stored)).isEqualTo("2026-11");
        assertThat(Collections.indexOfSubList(Arrays.asList(box(stored)), Arrays.asList(box(bytes("Musterstrasse")))))
                .isEqualTo(-1);
    }

    @Test
    void payloadCopiedIntoAnotherOwnersRowFailsTheSecurityCheck() {
        Draft victim = store.save(OWNER, SERVICE, bytes("victim's data"));
        Draft attacker = store.save(OTHER_USER, SERVICE, bytes("attacker's data"));

        execute("UPDATE ozg_draft SET payload = (SELECT payload FROM ozg_draft WHERE id = ?) WHERE id = ?",
                victim.id(), attacker.id());

        assertThatThrownBy(() -> store.load(attacker.id(), OTHER_USER))
                .isInstanceOf(SecurityCheckException.class)
                .hasMessageContaining("OZG-SEAL-204");
    }

    @Test
    void draftsSealedBeforeKeyRotationStillLoad() {
        Draft saved = store.save(OWNER, SERVICE, bytes("before rotation"));
        Sealer rotated = Sealer.builder().key("2026-11", key(7)).key("2027-01", key(8)).build();
        DraftStore rotatedStore = DraftStore.builder(db, rotated).clock(clock).build();

        assertThat(rotatedStore.load(saved.id(), OWNER).payload()).isEqualTo(bytes("before rotation"));
    }

    private static OzgException catchOzg(Runnable action) {
        try {
            action.run();
        } catch (OzgException e) {
            return e;
        }
        throw new AssertionError("expected an OzgException");
    }

    private static Byte[] box(byte[] values) {
        Byte[] boxed = new Byte[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
