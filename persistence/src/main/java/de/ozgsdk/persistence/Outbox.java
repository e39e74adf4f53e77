package de.ozgsdk.persistence;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.internal.Dialect;
import de.ozgsdk.persistence.internal.JdbcValues;
import de.ozgsdk.persistence.internal.SqlFailures;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactional outbox: messages are written in the caller's transaction together with the data they announce, then
 * delivered by workers that claim them with a lease, retry with exponential backoff and give up (dead letter) after
 * a maximum number of attempts, so that nothing accepted is lost.
 *
 * <pre>{@code
 * Outbox outbox = Outbox.builder(db).maxAttempts(10).backoffBase(Duration.ofSeconds(30)).build();
 * db.runInTransaction(conn -> {
 *     saveApplication(conn, application);                    // the caller's own table
 *     outbox.enqueue(conn, OutboxMessage.of("antrag-" + application.id(), "fachverfahren", xml));
 * });
 * }</pre>
 *
 * <p>A worker then claims due messages and sends each with its idempotency key ({@link OutboxDispatcher} does this
 * for you). It starts a send only while the lease lasts longer than the send may take (the channel's timeout), so
 * that every send ends before the lease runs out and another worker may claim the message; messages it cannot send
 * in time it releases. A lease therefore needs about batch size times the usual send time.
 *
 * <pre>{@code
 * Duration sendTimeout = Duration.ofSeconds(30); // the channel gives up after this long
 * for (ClaimedMessage message : outbox.claim("worker-1", 100, Duration.ofMinutes(5))) {
 *     if (!outbox.leaseLasts(message, sendTimeout)) {        // a send now could outlast the lease
 *         outbox.release(message.id(), message.leaseToken()); // unsent: due again at once, no attempt used
 *         continue;
 *     }
 *     try {
 *         channel.send(message.idempotencyKey(), message.payload(), sendTimeout);
 *         outbox.markDelivered(message.id(), message.leaseToken());
 *     } catch (IOException e) {
 *         outbox.markFailed(message.id(), message.leaseToken(), e); // retried later, DEAD after maxAttempts
 *     }
 * }
 * }</pre>
 *
 * <p>Delivery is at least once: a worker that crashes after sending but before {@link #markDelivered} leaves the
 * entry to be claimed again when its lease runs out, so receivers must drop repeats by the idempotency key. Every
 * claim counts as an attempt, also one that ends without an outcome (the worker crashed): after {@code maxAttempts}
 * such attempts the entry becomes {@link OutboxStatus#DEAD} with the reason {@code OZG-DB-304}, so that a message
 * which kills its worker every time is not claimed forever. Errors
 * are stored as exception class and message only, truncated to {@value #MAX_ERROR_LENGTH} characters; making sure
 * the message holds no personal data is the caller's duty. Payloads are stored as given unless a {@link Sealer} is
 * configured ({@link Builder#sealer}), which is advisable as soon as they hold personal data. Thread-safe.
 */
public final class Outbox {

    /** Longest stored error text; longer ones are cut. */
    public static final int MAX_ERROR_LENGTH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String COLUMNS = "id, idempotency_key, destination, payload, status, attempts,"
            + " next_attempt_at, last_error, created_at, delivered_at";
    private static final String INSERT = "INSERT INTO ozg_outbox (id, idempotency_key, destination, payload, status,"
            + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)";
    /*
     * Due: pending and due, or in flight with a run-out lease and attempts left. An entry whose lease ran out at its
     * last attempt is not leased again but buried (BURY_EXHAUSTED) first, in every claim: a message that kills its
     * worker every time must end as DEAD, not be claimed forever. Parameters: now, now, maxAttempts.
     */
    /** What a claim reads of the rows it leased, returned by the claiming statement itself. */
    private static final String CLAIMED_COLUMNS = "id, idempotency_key, destination, payload, attempts, lease_until,"
            + " next_attempt_at";
    private static final String DUE = "((status = 'PENDING' AND next_attempt_at <= ?)"
            + " OR (status = 'IN_FLIGHT' AND lease_until <= ? AND attempts < ?))";
    /*
     * Buries entries whose lease ran out at their last attempt without an outcome. Lease owner and token stay, so the
     * worker that held the lease can still record the outcome if it turns up late (markDelivered/markFailed accept a
     * DEAD entry under its last lease); requeue clears them.
     */
    private static final String BURY_EXHAUSTED = "UPDATE ozg_outbox SET status = 'DEAD', next_attempt_at = ?,"
            + " last_error = LEFT(CONCAT(?, CASE WHEN last_error IS NULL THEN '' ELSE CONCAT(' Error before: ',"
            + " last_error) END), " + MAX_ERROR_LENGTH + ")"
            + " WHERE status = 'IN_FLIGHT' AND lease_until <= ? AND attempts >= ?";
    /*
     * How a claim stays exclusive.
     *
     * PostgreSQL does it in one statement, oldest due entry first. The due rows are locked with FOR UPDATE SKIP LOCKED,
     * so a worker passes over rows another worker is claiming right now instead of queueing behind it, and the UPDATE
     * repeats the due condition, which PostgreSQL re-checks against the latest row version once it holds the row lock:
     * a row another worker claimed in between is IN_FLIGHT with a fresh lease, fails it and is left out. The pick is a
     * MATERIALIZED CTE, run exactly once: as a plain "id IN (SELECT ... LIMIT ? FOR UPDATE SKIP LOCKED)" PostgreSQL may
     * evaluate the subquery again (once per row in a nested-loop semi-join on a table without planner statistics, e.g.
     * right after migration, or on a recheck of a concurrently updated row), each time skipping other rows: one claim
     * of 20 leased all 1,000 due entries of a fresh table.
     *
     * On H2 claims take turns: each first locks the one row of ozg_outbox_claim_lock (migration V6, H2 only) for the
     * rest of its transaction, so it reads and updates only what the claims before it committed. If no lease has run
     * out (read through the due index among the entries in flight), it updates the oldest pending entries in one
     * statement, in the order of the due index (status, next_attempt_at), up to the batch size. Otherwise it reads the
     * oldest due ids without a lock (pending ones and those with a run-out lease, each through the due index and
     * ordered by due time, merged) and updates them by id, repeating the due condition. The turns are what keeps an
     * H2 claim exclusive: two such updates running side by side leased the same pending entries twice (tested). They
     * replace a FOR UPDATE SKIP LOCKED of every claimed row before its update: a row lock on H2 is a write of the row,
     * so each entry was written three times (lock, claim, delivery), and claims that locked overlapping rows one by one
     * could deadlock each other. (H2 also evaluates an IN subquery with FOR UPDATE once per outer row, and with ORDER
     * BY its FOR UPDATE locks every matching row, not just the LIMIT, so PostgreSQL's statement does not carry over.)
     * Pending entries change only by claims, which wait for their turn. An entry whose lease ran out may be getting
     * its outcome from its last lease holder right now, so those entries alone are locked first, with SKIP LOCKED and
     * the due condition: the claim passes over them rather than wait for a transaction (markDelivered of a batch) that
     * may in turn wait for it. A claim thus waits for nothing but its turn; should H2 still report a deadlock
     * (SQLState 40001, e.g. in the burial of exhausted entries before the turn), the claim is undone and comes back
     * empty, and the worker claims again on its next round.
     *
     * Both return the rows they leased from the claiming statement itself (RETURNING on PostgreSQL, FINAL TABLE on
     * H2), so no second query by lease token is needed.
     */
    private static final String CLAIM_IN_ONE_STATEMENT = "WITH picked AS MATERIALIZED (SELECT id FROM ozg_outbox"
            + " WHERE " + DUE + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " UPDATE ozg_outbox SET status = 'IN_FLIGHT',"
            + " attempts = attempts + 1, lease_owner = ?, lease_token = ?, lease_until = ?"
            + " WHERE id IN (SELECT id FROM picked) AND " + DUE + " RETURNING " + CLAIMED_COLUMNS;
    private static final String SELECT_PENDING_OLDEST = "SELECT id, next_attempt_at FROM ozg_outbox"
            + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?";
    private static final String SELECT_LEASE_EXPIRED_OLDEST = "SELECT id, next_attempt_at FROM ozg_outbox"
            + " WHERE status = 'IN_FLIGHT' AND lease_until <= ? AND attempts < ? ORDER BY next_attempt_at LIMIT ?";
    /**
     * Makes H2 claims take turns: the row lock is held until the claim commits. An UPDATE rather than a SELECT ... FOR
     * UPDATE, which H2 parses anew on every call (it keeps no prepared plan of a locking query).
     */
    private static final String LOCK_CLAIMS = "UPDATE ozg_outbox_claim_lock SET id = id WHERE id = 1";
    private static final String LOCK_BY_IDS = "SELECT id FROM ozg_outbox WHERE " + DUE
            + " AND id IN (%s) FOR UPDATE SKIP LOCKED";
    /** An H2 claim when no lease has run out: the oldest pending entries, in the order of the due index. */
    private static final String CLAIM_PENDING_OLDEST = "SELECT " + CLAIMED_COLUMNS + " FROM FINAL TABLE (UPDATE"
            + " ozg_outbox SET status = 'IN_FLIGHT', attempts = attempts + 1, lease_owner = ?, lease_token = ?,"
            + " lease_until = ? WHERE status = 'PENDING' AND next_attempt_at <= ? FETCH FIRST ? ROWS ONLY)";
    private static final String CLAIM_BY_IDS = "SELECT " + CLAIMED_COLUMNS + " FROM FINAL TABLE (UPDATE ozg_outbox"
            + " SET status = 'IN_FLIGHT', attempts = attempts + 1, lease_owner = ?, lease_token = ?, lease_until = ?"
            + " WHERE " + DUE + " AND id IN (%s))";
    private static final String MARK_DELIVERED = "UPDATE ozg_outbox SET status = 'DELIVERED', delivered_at = ?,"
            + " lease_token = NULL, lease_until = NULL"
            + " WHERE id = ? AND lease_token = ? AND status IN ('IN_FLIGHT', 'DEAD')";
    /** One claim's deliveries at once: all under one lease token, a list of ids. */
    private static final String MARK_DELIVERED_UNDER_LEASE = "UPDATE ozg_outbox SET status = 'DELIVERED',"
            + " delivered_at = ?, lease_token = NULL, lease_until = NULL"
            + " WHERE lease_token = ? AND status IN ('IN_FLIGHT', 'DEAD') AND id IN (%s)";
    /** Most ids in one statement of {@link #markDelivered(List)}. */
    static final int MARK_DELIVERED_CHUNK = 500;
    /** Rounds of an H2 claim that lost candidates to late outcomes before it settles for fewer. */
    private static final int H2_CLAIM_ROUNDS = 3;

    private final Database database;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Sealer sealer;
    private final RandomGenerator random;
    /** The last error of an entry buried after {@code maxAttempts} attempts without an outcome (made once). */
    private final String exhaustedReason;

    private Outbox(Builder builder) {
        this.database = builder.database;
        this.sealer = builder.sealer;
        this.clock = builder.clock;
        this.maxAttempts = builder.maxAttempts;
        this.backoffBase = builder.backoffBase;
        this.backoffCap = builder.backoffCap;
        this.random = builder.random;
        this.exhaustedReason = new ProcessingException(PersistenceError.OUTBOX_ATTEMPTS_WITHOUT_OUTCOME, maxAttempts)
                .getMessage();
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "backoffCap",
                    "must not be shorter than backoffBase");
        }
    }

    /** Starts an outbox on {@code database}. */
    public static Builder builder(Database database) {
        return new Builder(database);
    }

    /**
     * Adds {@code message} within the caller's transaction on {@code connection} (a connection to this outbox's
     * database, e.g. from {@link Database#runInTransaction}): it becomes visible to workers when
     * the caller commits and vanishes if the caller rolls back. If an entry with the same idempotency key exists, no
     * second one is written and the existing entry is returned (its content wins); the caller's transaction stays
     * usable either way.
     */
    public OutboxEntry enqueue(Connection connection, OutboxMessage message) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(message, "message");
        try {
            UUID id = UUID.randomUUID();
            Instant now = JdbcValues.storable(clock.instant());
            byte[] stored = sealer == null ? message.payload() : sealer.seal(message.payload(), associatedData(id));
            boolean inserted = database.dialect() == Dialect.POSTGRESQL
                    ? insertOnConflictDoNothing(connection, id, message, stored, now)
                    : insertInSavepoint(connection, id, message, stored, now);
            if (inserted) {
                LOG.debug("enqueued outbox entry {} for {}", id, message.destination());
                return new OutboxEntry(id, message.idempotencyKey(), message.destination(), message.payload(),
                        OutboxStatus.PENDING, 0, now, null, now, null);
            }
            OutboxEntry existing = findByIdempotencyKey(connection, message.idempotencyKey())
                    .orElseThrow(() -> new NotFoundException(PersistenceError.OUTBOX_ENTRY_NOT_FOUND,
                            message.idempotencyKey()));
            LOG.debug("outbox already holds {} as entry {}", message.idempotencyKey(), existing.id());
            return existing;
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.enqueue", e);
        }
    }

    /** Adds {@code message} in a transaction of its own; see {@link #enqueue(Connection, OutboxMessage)}. */
    public OutboxEntry enqueue(OutboxMessage message) {
        // One INSERT in auto-commit is a transaction of its own: no BEGIN, COMMIT or savepoint round trips. The
        // lookup of an existing entry after a conflict needs none either, since the conflicting row is committed.
        try (Connection connection = database.connection()) {
            return enqueue(connection, message);
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.enqueue", e);
        }
    }

    /**
     * Leases up to {@code batchSize} due entries (pending and due, or in flight with a run-out lease), oldest due entry
     * first, to {@code workerId} for {@code leaseDuration}; each claim counts as one attempt. An entry whose lease ran
     * out at its last attempt ({@code maxAttempts}) without an outcome, because its worker crashed or overran the
     * lease, is not leased again but becomes {@link OutboxStatus#DEAD} with that reason ({@code OZG-DB-304}). Safe to
     * call from many workers and processes at once: an entry is leased to one worker at a time, and a claim never
     * takes more than {@code batchSize}, whatever plan the database picks. On PostgreSQL claims run side by side, each
     * passing over the rows another one is claiming; on H2 they take turns (a short transaction each, on a lock row of
     * their own), so a claim there takes a full batch whenever that much is due. A claim passes over an entry whose
     * lease ran out while its last holder is recording the outcome. It can come back empty although entries are due
     * if H2 undid it to break a deadlock; the next claim (the dispatcher's next round) takes them.
     *
     * <p>Start a send only while the lease lasts longer than the send can take ({@link #leaseLasts}), so that it ends
     * before the lease does; otherwise {@link #release} the message. A batch thus needs a lease of about
     * {@code batchSize} times the longest send.
     */
    public List<ClaimedMessage> claim(String workerId, int batchSize, Duration leaseDuration) {
        OutboxMessage.validate("workerId", workerId);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "batchSize", "between 1 and 10000");
        }
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "leaseDuration", "at least 1 second");
        }
        Instant now = JdbcValues.storable(clock.instant());
        Instant leaseUntil = JdbcValues.storable(now.plus(leaseDuration));
        String token = UUID.randomUUID().toString();
        try (Connection connection = database.connection()) {
            List<Leased> leased = database.dialect() == Dialect.POSTGRESQL
                    ? claimInOneStatement(connection, workerId, batchSize, token, now, leaseUntil)
                    : claimOnH2(connection, workerId, batchSize, token, now, leaseUntil);
            if (leased.isEmpty()) {
                return List.of();
            }
            // Payloads are opened only now, after the claim committed: a payload that cannot be opened then fails
            // this call but leaves its lease to run out, so the entry ends as DEAD after maxAttempts.
            leased.sort(Comparator.comparing(Leased::due).thenComparing(Leased::id));
            List<ClaimedMessage> messages = new ArrayList<>(leased.size());
            for (Leased row : leased) {
                messages.add(new ClaimedMessage(row.id(), row.idempotencyKey(), row.destination(),
                        open(row.stored(), row.id()), row.attempts(), token, row.leaseUntil()));
            }
            LOG.debug("worker {} claimed {} outbox entries", workerId, messages.size());
            return messages;
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.claim", e);
        }
    }

    /**
     * Whether the lease of {@code message} lasts longer than {@code sendTime} from now (by this outbox's clock): a
     * send that may take up to {@code sendTime} (the channel's timeout) can start, since it ends while the lease
     * holds and no other worker can have claimed the message meanwhile.
     */
    public boolean leaseLasts(ClaimedMessage message, Duration sendTime) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sendTime, "sendTime");
        return clock.instant().plus(sendTime).isBefore(message.leaseUntil());
    }

    /**
     * Gives back a claimed entry that was not sent (its lease would run out before a send could end): it is due again
     * at once with its old due time, so it stays at the front, and this claim does not count as an attempt.
     *
     * @return false if the lease was taken over or the entry is finished already (nothing changed)
     */
    public boolean release(UUID id, String leaseToken) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leaseToken, "leaseToken");
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("UPDATE ozg_outbox SET status = 'PENDING',"
                        + " attempts = attempts - 1, lease_owner = NULL, lease_token = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_token = ? AND status = 'IN_FLIGHT'")) {
            statement.setObject(1, id);
            statement.setString(2, leaseToken);
            boolean released = statement.executeUpdate() == 1;
            LOG.debug("outbox entry {} {}", id, released ? "released unsent" : "not released: lease taken over");
            return released;
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.release", e);
        }
    }

    /**
     * Marks a claimed entry delivered. Allowed while the caller still holds the lease (even if it ran out, as long as
     * no other worker took the entry over, and even if a claim buried it as DEAD meanwhile: a late outcome wins).
     *
     * @throws ConflictException if the lease was taken over or the entry is finished already
     */
    public void markDelivered(UUID id, String leaseToken) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leaseToken, "leaseToken");
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(MARK_DELIVERED)) {
            JdbcValues.setInstant(statement, 1, clock.instant());
            statement.setObject(2, id);
            statement.setString(3, leaseToken);
            if (statement.executeUpdate() != 1) {
                throw leaseLost(id);
            }
            LOG.debug("outbox entry {} delivered", id);
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.markDelivered", e);
        }
    }

    /**
     * Marks claimed entries delivered in one transaction, each under the same condition as
     * {@link #markDelivered(UUID, String)}: for a worker that sent a whole batch and records the outcome once. The
     * messages of one claim share a lease token, so they are marked with one statement per claim (up to
     * {@value #MARK_DELIVERED_CHUNK} at a time) instead of one per message. A worker that crashes after its sends and
     * before this call leaves the whole batch to be delivered again, not just one message.
     *
     * @return the messages whose lease was taken over or which were finished already (not marked; the new lease
     *     holder delivers them, and the receiver drops the repeat by its idempotency key); empty when all were marked
     */
    public List<ClaimedMessage> markDelivered(List<ClaimedMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<String, List<ClaimedMessage>> byLease = new LinkedHashMap<>();
        for (ClaimedMessage message : messages) {
            byLease.computeIfAbsent(message.leaseToken(), token -> new ArrayList<>()).add(message);
        }
        Instant now = clock.instant();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                Set<UUID> marked = new HashSet<>();
                for (Map.Entry<String, List<ClaimedMessage>> lease : byLease.entrySet()) {
                    List<ClaimedMessage> all = lease.getValue();
                    for (int from = 0; from < all.size(); from += MARK_DELIVERED_CHUNK) {
                        List<ClaimedMessage> chunk = all.subList(from, Math.min(all.size(),
                                from + MARK_DELIVERED_CHUNK));
                        markDeliveredUnderLease(connection, lease.getKey(), chunk, now, marked);
                    }
                }
                connection.commit();
                List<ClaimedMessage> lost = new ArrayList<>();
                for (ClaimedMessage message : messages) {
                    // a message listed twice counts once: the second is finished already
                    if (!marked.remove(message.id())) {
                        lost.add(message);
                    }
                }
                LOG.debug("{} outbox entries delivered, {} leases lost", messages.size() - lost.size(), lost.size());
                return lost;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.markDelivered", e);
        }
    }

    /** Marks those of {@code chunk} still leased under {@code leaseToken} delivered; adds their ids to {@code into}. */
    private void markDeliveredUnderLease(Connection connection, String leaseToken, List<ClaimedMessage> chunk,
            Instant now, Set<UUID> into) throws SQLException {
        String update = String.format(MARK_DELIVERED_UNDER_LEASE, placeholders(chunk));
        String sql = database.dialect() == Dialect.POSTGRESQL ? update + " RETURNING id"
                : "SELECT id FROM FINAL TABLE (" + update + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            JdbcValues.setInstant(statement, 1, now);
            statement.setString(2, leaseToken);
            int index = 3;
            for (ClaimedMessage message : chunk) {
                statement.setObject(index++, message.id());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    into.add(JdbcValues.getUuid(rows, "id"));
                }
            }
        }
    }

    /**
     * Records a failed attempt of a claimed entry: it becomes due again after a random pause between half and all of
     * {@code backoffBase * 2^(attempts-1)} (at most {@code backoffCap}), so that entries which failed together (an
     * outage of the receiving Fachverfahren) do not all come back at the same moment; or {@link OutboxStatus#DEAD} once it has had {@code maxAttempts} attempts. Only
     * the class and message of {@code error} are stored (truncated), never its cause chain or stack trace.
     *
     * @return the entry's new status, {@link OutboxStatus#PENDING} or {@link OutboxStatus#DEAD}
     * @throws ConflictException if the lease was taken over or the entry is finished already
     */
    public OutboxStatus markFailed(UUID id, String leaseToken, Throwable error) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leaseToken, "leaseToken");
        Objects.requireNonNull(error, "error");
        try (Connection connection = database.connection()) {
            int attempts = attemptsUnderLease(connection, id, leaseToken);
            boolean dead = attempts >= maxAttempts;
            Instant now = clock.instant();
            Duration delay = retryDelay(attempts);
            endAttempt(connection, id, leaseToken, dead ? OutboxStatus.DEAD : OutboxStatus.PENDING,
                    dead ? now : now.plus(delay), error);
            if (dead) {
                LOG.warn("outbox entry {} is dead after {} attempts ({})", id, attempts, error.getClass().getName());
                return OutboxStatus.DEAD;
            }
            LOG.info("outbox entry {} failed attempt {}, retry in {}", id, attempts, delay);
            return OutboxStatus.PENDING;
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.markFailed", e);
        }
    }

    /**
     * Dead-letters a claimed entry at once, whatever its attempts: for a failure that no later attempt can cure (the
     * receiver refused the message as invalid, no channel knows the destination). {@code reason} is stored as the last
     * error like in {@link #markFailed}, for the operator who decides whether to {@link #requeue} it.
     *
     * @throws ConflictException if the lease was taken over or the entry is finished already
     */
    public void markDead(UUID id, String leaseToken, Throwable reason) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leaseToken, "leaseToken");
        Objects.requireNonNull(reason, "reason");
        try (Connection connection = database.connection()) {
            endAttempt(connection, id, leaseToken, OutboxStatus.DEAD, clock.instant(), reason);
            LOG.warn("outbox entry {} is dead after a permanent failure ({})", id, reason.getClass().getName());
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.markDead", e);
        }
    }

    /** The entry with {@code id}, if any. */
    public Optional<OutboxEntry> find(UUID id) {
        Objects.requireNonNull(id, "id");
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM ozg_outbox WHERE id = ?")) {
            statement.setObject(1, id);
            return single(statement);
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.find", e);
        }
    }

    /** The entry with {@code idempotencyKey}, if any. */
    public Optional<OutboxEntry> findByIdempotencyKey(String idempotencyKey) {
        OutboxMessage.validate("idempotencyKey", idempotencyKey);
        try (Connection connection = database.connection()) {
            return findByIdempotencyKey(connection, idempotencyKey);
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.find", e);
        }
    }

    /** How many entries are in each status (every status present, zero if none), for monitoring. */
    public Map<OutboxStatus, Long> countByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT status, COUNT(*) AS n FROM ozg_outbox GROUP BY status");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(OutboxStatus.valueOf(rows.getString("status")), rows.getLong("n"));
            }
            return counts;
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.count", e);
        }
    }

    Clock clock() {
        return clock;
    }

    /** The pause before the attempt after {@code attempts} failed ones: base * 2^(attempts-1), capped. */
    Duration backoff(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= 40) {
            return backoffCap;
        }
        Duration delay = backoffBase.multipliedBy(1L << doublings);
        return delay.compareTo(backoffCap) > 0 ? backoffCap : delay;
    }

    /** The pause actually used after {@code attempts} failed ones: uniformly in [backoff / 2, backoff]. */
    Duration retryDelay(int attempts) {
        long bound = backoff(attempts).toMillis();
        long half = bound / 2;
        return Duration.ofMillis(half + random.nextLong(bound - half + 1));
    }

    /**
     * Gives a {@link OutboxStatus#DEAD} entry a new round of {@code maxAttempts} attempts, due now, e.g. after the
     * receiving side was repaired. The last error stays until the next attempt replaces it. Idempotency key and
     * payload are unchanged, so a receiver that did get an earlier attempt drops the repeat.
     *
     * @return the entry as it is now ({@link OutboxStatus#PENDING}, 0 attempts)
     * @throws NotFoundException if there is no entry with {@code id}
     * @throws ConflictException if the entry is not dead (pending, in flight or delivered)
     */
    public OutboxEntry requeue(UUID id) {
        Objects.requireNonNull(id, "id");
        int updated;
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("UPDATE ozg_outbox SET status = 'PENDING',"
                        + " attempts = 0, next_attempt_at = ?, lease_owner = NULL, lease_token = NULL,"
                        + " lease_until = NULL WHERE id = ? AND status = 'DEAD'")) {
            JdbcValues.setInstant(statement, 1, clock.instant());
            statement.setObject(2, id);
            updated = statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.requeue", e);
        }
        OutboxEntry entry = find(id).orElseThrow(() -> new NotFoundException(PersistenceError.OUTBOX_ENTRY_NOT_FOUND,
                id));
        if (updated != 1) {
            throw new ConflictException(PersistenceError.OUTBOX_ENTRY_NOT_DEAD, id, entry.status());
        }
        LOG.info("outbox entry {} requeued after it was dead", id);
        return entry;
    }

    /**
     * The dead entries, oldest first, at most {@code limit} (1 to 10,000), for operators who decide what to
     * {@link #requeue} (see {@link OutboxEntry#lastError()}).
     */
    public List<OutboxEntry> dead(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "limit", "between 1 and 10000");
        }
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM ozg_outbox"
                        + " WHERE status = 'DEAD' ORDER BY created_at, id LIMIT ?")) {
            statement.setInt(1, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw SqlFailures.failed("outbox.dead", e);
        }
    }

    private void buryExhausted(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BURY_EXHAUSTED)) {
            JdbcValues.setInstant(statement, 1, now);
            statement.setString(2, exhaustedReason);
            JdbcValues.setInstant(statement, 3, now);
            statement.setInt(4, maxAttempts);
            int buried = statement.executeUpdate();
            if (buried > 0) {
                LOG.warn("{} outbox entries are dead: the lease of their last attempt ({} of {}) ran out without an"
                        + " outcome", buried, maxAttempts, maxAttempts);
            }
        }
    }

    /** Binds the three parameters of {@link #DUE} from {@code index} on; returns the next free index. */
    private int bindDue(PreparedStatement statement, int index, Instant now) throws SQLException {
        JdbcValues.setInstant(statement, index, now);
        JdbcValues.setInstant(statement, index + 1, now);
        statement.setInt(index + 2, maxAttempts);
        return index + 3;
    }

    private List<Leased> claimInOneStatement(Connection connection, String workerId, int batchSize, String token,
            Instant now, Instant leaseUntil) throws SQLException {
        buryExhausted(connection, now);
        try (PreparedStatement statement = connection.prepareStatement(CLAIM_IN_ONE_STATEMENT)) {
            int index = bindDue(statement, 1, now);
            statement.setInt(index++, batchSize);
            statement.setString(index++, workerId);
            statement.setString(index++, token);
            JdbcValues.setInstant(statement, index++, leaseUntil);
            bindDue(statement, index, now);
            List<Leased> leased = new ArrayList<>();
            readLeased(statement, leased);
            return leased;
        }
    }

    /** A claim on H2, or none if H2 broke a deadlock by undoing it (the worker claims again on its next round). */
    private List<Leased> claimOnH2(Connection connection, String workerId, int batchSize, String token,
            Instant now, Instant leaseUntil) throws SQLException {
        try {
            buryExhausted(connection, now);
            return claimOldestByIds(connection, workerId, batchSize, token, now, leaseUntil);
        } catch (SQLException e) {
            if (SqlFailures.DEADLOCK.equals(e.getSQLState())) {
                LOG.info("outbox claim of worker {} undone after a deadlock; the next claim takes its entries",
                        workerId);
                return new ArrayList<>();
            }
            throw e;
        }
    }

    private List<Leased> claimOldestByIds(Connection connection, String workerId, int batchSize, String token,
            Instant now, Instant leaseUntil) throws SQLException {
        connection.setAutoCommit(false);
        try {
            lockClaims(connection);
            List<Leased> claimed = new ArrayList<>();
            for (int round = 0; round < H2_CLAIM_ROUNDS && claimed.size() < batchSize; round++) {
                int wanted = batchSize - claimed.size();
                List<Due> expired = due(connection, SELECT_LEASE_EXPIRED_OLDEST, true, now, wanted);
                if (expired.isEmpty()) {
                    // the common case: the oldest pending entries straight from the due index, no ids to look up
                    claimPendingOldest(connection, wanted, workerId, token, now, leaseUntil, claimed);
                    break;
                }
                List<Due> oldest = new ArrayList<>(due(connection, SELECT_PENDING_OLDEST, false, now, wanted));
                oldest.addAll(expired);
                oldest.sort(Comparator.comparing(Due::since));
                oldest = oldest.subList(0, Math.min(wanted, oldest.size()));
                List<UUID> claimable = withoutExpiredLeasesInUse(connection, oldest, now);
                if (!claimable.isEmpty()) {
                    updateByIds(connection, claimable, workerId, token, now, leaseUntil, claimed);
                }
                if (oldest.size() < wanted) {
                    break; // there is no more due; what was left out is being finished by its last lease holder
                }
            }
            connection.commit();
            return claimed;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Waits for the claims before this one on H2 to commit, and keeps the next one waiting until this one commits. */
    private static void lockClaims(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_CLAIMS)) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("ozg_outbox_claim_lock holds no row (migration V6 undone?)", "55000");
            }
        }
    }

    /** The {@code limit} oldest entries that {@code select} finds due (pending or with a run-out lease), no lock. */
    private List<Due> due(Connection connection, String select, boolean leaseExpired, Instant now, int limit)
            throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            int index = 1;
            JdbcValues.setInstant(statement, index++, now);
            if (leaseExpired) {
                statement.setInt(index++, maxAttempts);
            }
            statement.setInt(index, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(JdbcValues.getUuid(rows, "id"), JdbcValues.getInstant(rows, "next_attempt_at"),
                            leaseExpired));
                }
            }
        }
        return due;
    }

    private void claimPendingOldest(Connection connection, int limit, String workerId, String token, Instant now,
            Instant leaseUntil, List<Leased> into) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(CLAIM_PENDING_OLDEST)) {
            update.setString(1, workerId);
            update.setString(2, token);
            JdbcValues.setInstant(update, 3, leaseUntil);
            JdbcValues.setInstant(update, 4, now);
            update.setInt(5, limit);
            readLeased(update, into);
        }
    }

    /**
     * The ids of {@code due} in order, without the entries with a run-out lease whose last holder is writing its
     * outcome right now (their row is locked): those are locked for this claim, so that its update never waits.
     */
    private List<UUID> withoutExpiredLeasesInUse(Connection connection, List<Due> due, Instant now)
            throws SQLException {
        List<UUID> expired = due.stream().filter(Due::leaseExpired).map(Due::id).toList();
        Set<UUID> locked = expired.isEmpty() ? Set.of() : lockDue(connection, expired, now);
        return due.stream().filter(entry -> !entry.leaseExpired() || locked.contains(entry.id())).map(Due::id)
                .toList();
    }

    /** Locks those of {@code ids} that are still due and not locked by another transaction. */
    private Set<UUID> lockDue(Connection connection, List<UUID> ids, Instant now) throws SQLException {
        Set<UUID> locked = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(String.format(LOCK_BY_IDS, placeholders(ids)))) {
            int index = bindDue(select, 1, now);
            for (UUID id : ids) {
                select.setObject(index++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locked.add(JdbcValues.getUuid(rows, "id"));
                }
            }
        }
        return locked;
    }

    private void updateByIds(Connection connection, List<UUID> ids, String workerId, String token, Instant now,
            Instant leaseUntil, List<Leased> into) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(String.format(CLAIM_BY_IDS, placeholders(ids)))) {
            update.setString(1, workerId);
            update.setString(2, token);
            JdbcValues.setInstant(update, 3, leaseUntil);
            int index = bindDue(update, 4, now);
            for (UUID id : ids) {
                update.setObject(index++, id);
            }
            readLeased(update, into);
        }
    }

    private static void readLeased(PreparedStatement claim, List<Leased> into) throws SQLException {
        try (ResultSet rows = claim.executeQuery()) {
            while (rows.next()) {
                into.add(new Leased(JdbcValues.getUuid(rows, "id"), rows.getString("idempotency_key"),
                        rows.getString("destination"), rows.getBytes("payload"), rows.getInt("attempts"),
                        JdbcValues.getInstant(rows, "lease_until"), JdbcValues.getInstant(rows, "next_attempt_at")));
            }
        }
    }

    /** A row as the claim leased it, payload still as stored. */
    private record Leased(UUID id, String idempotencyKey, String destination, byte[] stored, int attempts,
            Instant leaseUntil, Instant due) {
    }

    private static String placeholders(List<?> ids) {
        return String.join(", ", Collections.nCopies(ids.size(), "?"));
    }

    /** A due entry and the time it is due since, to merge pending and lease-expired entries oldest first. */
    private record Due(UUID id, Instant since, boolean leaseExpired) {
    }

    private static boolean insertOnConflictDoNothing(Connection connection, UUID id, OutboxMessage message,
            byte[] stored, Instant now) throws SQLException {
        // ON CONFLICT waits for a concurrent insert of the same key to commit or roll back, and never aborts the
        // caller's transaction, unlike a caught unique violation on PostgreSQL.
        try (PreparedStatement statement = connection.prepareStatement(
                INSERT + " ON CONFLICT (idempotency_key) DO NOTHING")) {
            bindInsert(statement, id, message, stored, now);
            return statement.executeUpdate() == 1;
        }
    }

    private static boolean insertInSavepoint(Connection connection, UUID id, OutboxMessage message, byte[] stored,
            Instant now) throws SQLException {
        // H2 has no ON CONFLICT; the savepoint undoes only the failed insert, so the caller's transaction survives.
        // Like PostgreSQL, H2 lets an insert of a key that another open transaction inserted wait for that
        // transaction: the unique violation only comes after its commit, when the entry is visible to the select.
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bindInsert(statement, id, message, stored, now);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if (SqlFailures.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return true;
    }

    private static void bindInsert(PreparedStatement statement, UUID id, OutboxMessage message, byte[] stored,
            Instant now) throws SQLException {
        statement.setObject(1, id);
        statement.setString(2, message.idempotencyKey());
        statement.setString(3, message.destination());
        statement.setBytes(4, stored);
        JdbcValues.setInstant(statement, 5, now);
        JdbcValues.setInstant(statement, 6, now);
    }

    private Optional<OutboxEntry> findByIdempotencyKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM ozg_outbox WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            return single(statement);
        }
    }

    private Optional<OutboxEntry> single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(entry(row)) : Optional.empty();
        }
    }

    private OutboxEntry entry(ResultSet row) throws SQLException {
        UUID id = JdbcValues.getUuid(row, "id");
        return new OutboxEntry(id, row.getString("idempotency_key"),
                row.getString("destination"), payload(row, id), OutboxStatus.valueOf(row.getString("status")),
                row.getInt("attempts"), JdbcValues.getInstant(row, "next_attempt_at"), row.getString("last_error"),
                JdbcValues.getInstant(row, "created_at"), JdbcValues.getInstant(row, "delivered_at"));
    }

    private byte[] payload(ResultSet row, UUID id) throws SQLException {
        return open(row.getBytes("payload"), id);
    }

    private byte[] open(byte[] stored, UUID id) {
        return sealer == null ? stored : sealer.open(stored, associatedData(id));
    }

    /** Binds a sealed payload to its entry, so that it cannot be moved to another one unnoticed. */
    private static byte[] associatedData(UUID id) {
        return ("ozg-outbox/1|" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static int attemptsUnderLease(Connection connection, UUID id, String leaseToken) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT attempts FROM ozg_outbox WHERE id = ? AND lease_token = ?"
                        + " AND status IN ('IN_FLIGHT', 'DEAD')")) {
            statement.setObject(1, id);
            statement.setString(2, leaseToken);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw leaseLost(id);
                }
                return row.getInt("attempts");
            }
        }
    }

    /** Ends the attempt under {@code leaseToken} with {@code status}, due again at {@code nextAttemptAt}. */
    private static void endAttempt(Connection connection, UUID id, String leaseToken, OutboxStatus status,
            Instant nextAttemptAt, Throwable error) throws SQLException {
        // DEAD too: a claim may have ended an expired last lease at maxAttempts; its holder's outcome still counts
        String sql = "UPDATE ozg_outbox SET status = ?, next_attempt_at = ?, last_error = ?, lease_token = NULL,"
                + " lease_until = NULL WHERE id = ? AND lease_token = ? AND status IN ('IN_FLIGHT', 'DEAD')";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status.name());
            JdbcValues.setInstant(statement, 2, nextAttemptAt);
            statement.setString(3, describe(error));
            statement.setObject(4, id);
            statement.setString(5, leaseToken);
            if (statement.executeUpdate() != 1) {
                throw leaseLost(id);
            }
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        String text = message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "\u2026";
    }

    private static ConflictException leaseLost(UUID id) {
        return new ConflictException(PersistenceError.OUTBOX_LEASE_LOST, id);
    }

    /** Configures an {@link Outbox}. */
    public static final class Builder {
        private final Database database;
        private Clock clock = Clock.systemUTC();
        private int maxAttempts = 10;
        private Duration backoffBase = Duration.ofSeconds(30);
        private Duration backoffCap = Duration.ofHours(6);
        private Sealer sealer;
        private RandomGenerator random = new Random();

        private Builder(Database database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        /** The clock for due times, leases and backoff (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Attempts before an entry becomes {@link OutboxStatus#DEAD}, 1 to 1000 (default 10). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 1000) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "maxAttempts", "between 1 and 1000");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Pause after the first failed attempt, doubled after each further one; positive (default 30 s). */
        public Builder backoffBase(Duration backoffBase) {
            Objects.requireNonNull(backoffBase, "backoffBase");
            if (backoffBase.isNegative() || backoffBase.isZero()) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "backoffBase", "must be positive");
            }
            this.backoffBase = backoffBase;
            return this;
        }

        /** Longest pause between two attempts; not shorter than the base (default 6 h). */
        public Builder backoffCap(Duration backoffCap) {
            Objects.requireNonNull(backoffCap, "backoffCap");
            if (backoffCap.isNegative() || backoffCap.isZero()) {
                throw new InvalidInputException(PersistenceError.ARGUMENT_INVALID, "backoffCap", "must be positive");
            }
            this.backoffCap = backoffCap;
            return this;
        }

        /**
         * Seals payloads at rest with {@code sealer} (default: stored as given). Use it whenever payloads hold
         * personal data, as applications to a Fachverfahren do; the same keys must be configured wherever the outbox
         * is read.
         */
        public Builder sealer(Sealer sealer) {
            this.sealer = Objects.requireNonNull(sealer, "sealer");
            return this;
        }

        /** The source of the retry jitter; must be thread-safe (default: a new {@link Random}). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The outbox; refuses a cap shorter than the base. */
        public Outbox build() {
            return new Outbox(this);
        }
    }
}
