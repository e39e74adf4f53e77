package de.ozgsdk.payment;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.internal.PaymentTable;
import de.ozgsdk.persistence.AuditEntry;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.AuditOutcome;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.TransactionWork;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted payment state machine in front of a {@link PaymentProvider}: each attempt to pay an application's fee
 * is written to {@code ozg_payment} before the payment service is called, moves
 * {@code CREATED → REDIRECTED → PAID | FAILED | CANCELLED | EXPIRED} only by what the payment service reports, and
 * every transition is audited (ids and states, no personal data) in the same database transaction. Thread-safe.
 *
 * <pre>{@code
 * Payments payments = Payments.create(db, xbezahldienste, Clock.systemUTC());
 * PaymentRedirect redirect = payments.start(order); // 303 to redirect.payPage()
 * }</pre>
 *
 * <p>When the browser is back at the order's return URL:
 *
 * <pre>{@code
 * // the outcome comes from the payment service; the parameters are only checked for tampering
 * PaymentResult result = payments.complete(order.tenant(), order.applicationId(), request.getParameterMap());
 * if (result.isPaid()) {
 *     submitted.add(order.applicationId()); // now the application may go to the Fachverfahren
 * }
 * }</pre>
 *
 * <p>Starting the same application again never pays twice: an open attempt is continued (the payment service is asked
 * for its state), a paid one sends the browser straight back; only after a failed, cancelled or expired attempt does a
 * new attempt (with a new request id) begin. A browser that never comes back is settled by
 * {@link PaymentReconciliation}.
 */
public final class Payments {

    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    private final Database database;
    private final PaymentProvider provider;
    private final AuditLog audit;
    private final Clock clock;

    private Payments(Database database, PaymentProvider provider, Clock clock) {
        this.database = database;
        this.provider = provider;
        this.clock = clock;
        this.audit = AuditLog.create(database, clock);
    }

    /** Payments through {@code provider}, recorded in {@code database} (migrated by ozg-persistence). */
    public static Payments create(Database database, PaymentProvider provider, Clock clock) {
        return new Payments(Objects.requireNonNull(database, "database"), Objects.requireNonNull(provider, "provider"),
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Starts paying the fee of an application, or continues the attempt already under way. The attempt number of
     * {@code order} is ignored: this class counts attempts.
     *
     * @throws ConflictException if the application's open or paid attempt was started with another order
     * @throws RemoteSystemException if the payment service failed; calling again is safe
     */
    public PaymentRedirect start(PaymentOrder order) {
        Optional<PaymentRecord> latest = read(order.requestId(),
                connection -> PaymentTable.latest(connection, order.tenant(), order.applicationId()));
        if (latest.isEmpty()) {
            return startAttempt(order.toBuilder().attempt(1).build());
        }
        PaymentRecord record = latest.get();
        PaymentOrder attempt = order.toBuilder().attempt(record.attempt()).build();
        if (!record.state().isFinal() || record.state() == PaymentState.PAID) {
            requireSameOrder(attempt);
        }
        return switch (record.state()) {
            case CREATED -> callProvider(attempt);
            case REDIRECTED -> continueRedirected(record);
            case PAID -> new PaymentRedirect(reference(record), record.returnUrl());
            case EXPIRED -> paidLate(record) ? new PaymentRedirect(reference(record), record.returnUrl())
                    : startAttempt(order.toBuilder().attempt(record.attempt() + 1).build());
            case FAILED, CANCELLED -> startAttempt(order.toBuilder().attempt(record.attempt() + 1).build());
        };
    }

    /**
     * The outcome after the browser came back from the pay page, read from the payment service (the return
     * parameters are only checked for tampering) and recorded.
     *
     * @throws NotFoundException if no payment was started for the application
     */
    public PaymentResult complete(TenantId tenant, String applicationId, Map<String, String[]> returnParameters) {
        PaymentRecord record = latest(tenant, applicationId).filter(r -> r.transactionId().isPresent())
                .orElseThrow(() -> new NotFoundException(PaymentError.PAYMENT_UNKNOWN, applicationId));
        if (record.state() == PaymentState.REDIRECTED) {
            return settle(record, provider.complete(PaymentReturn.of(reference(record), returnParameters)));
        }
        if (record.state() == PaymentState.EXPIRED) {
            return refresh(record);
        }
        return recorded(record);
    }

    /** The newest attempt of an application, if one was started. */
    public Optional<PaymentRecord> latest(TenantId tenant, String applicationId) {
        return read(applicationId, connection -> PaymentTable.latest(connection, tenant, applicationId));
    }

    /** The provider's name, as recorded with each payment. */
    public String providerName() {
        return provider.name();
    }

    /** Asks the payment service for the state of a recorded payment and records a change. */
    PaymentResult refresh(PaymentRecord record) {
        PaymentResult result = provider.status(reference(record));
        return settle(record, result);
    }

    /** Payments in {@code state} unchanged since before {@code before}. */
    List<PaymentRecord> unchangedSince(PaymentState state, Instant before, int limit) {
        return read(state.name(), connection -> PaymentTable.olderThan(connection, state, before, limit));
    }

    /** Moves an open payment to EXPIRED; false if it changed meanwhile. */
    boolean expire(PaymentRecord record) {
        return move(record, PaymentState.EXPIRED, PaymentTable.Reported.nothing());
    }

    Clock clock() {
        return clock;
    }

    private PaymentRedirect startAttempt(PaymentOrder order) {
        try {
            database.runInTransaction(connection -> {
                PaymentTable.insert(connection, order, provider.name(), clock.instant());
                audit.append(connection, entry(order.tenant(), "payment.create", order.requestId(),
                        AuditOutcome.SUCCESS));
            });
        } catch (ProcessingException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // a concurrent start of the same attempt (double click) wrote it first: continue that one
            requireSameOrder(order);
        }
        return callProvider(order);
    }

    private PaymentRedirect callProvider(PaymentOrder order) {
        PaymentRedirect redirect;
        try {
            redirect = provider.start(order);
        } catch (RemoteSystemException e) {
            if (!e.retryable()) {
                fail(order);
            }
            throw e;
        } catch (InvalidInputException e) {
            fail(order);
            throw e;
        }
        PaymentRecord record = read(order.requestId(), c -> PaymentTable.find(c, order.requestId())).orElseThrow();
        if (record.state() == PaymentState.CREATED) {
            move(record, PaymentState.REDIRECTED, new PaymentTable.Reported(
                    Optional.of(redirect.reference().transactionId()), Optional.of(redirect.payPage()),
                    Optional.empty(), Optional.empty()));
        }
        return redirect;
    }

    /** Whether an expired attempt was paid after all (its pay page may have stayed open): then no new attempt. */
    private boolean paidLate(PaymentRecord record) {
        return record.transactionId().isPresent() && refresh(record).isPaid();
    }

    private PaymentRedirect continueRedirected(PaymentRecord record) {
        PaymentResult result = refresh(record);
        if (result.outcome() == PaymentResult.Outcome.PENDING && record.payPage().isPresent()) {
            return new PaymentRedirect(reference(record), record.payPage().get());
        }
        return new PaymentRedirect(reference(record), record.returnUrl());
    }

    private void fail(PaymentOrder order) {
        read(order.requestId(), c -> PaymentTable.find(c, order.requestId()))
                .filter(record -> record.state() == PaymentState.CREATED)
                .ifPresent(record -> move(record, PaymentState.FAILED, PaymentTable.Reported.nothing()));
    }

    private PaymentResult settle(PaymentRecord record, PaymentResult result) {
        PaymentState target = result.state();
        if (target == record.state() || target == PaymentState.REDIRECTED && record.state() == PaymentState.EXPIRED) {
            return record.state() == PaymentState.EXPIRED ? recorded(record) : result;
        }
        boolean moved = move(record, target, new PaymentTable.Reported(Optional.empty(), Optional.empty(),
                result.transactionReference(), result.paymentMethod()));
        if (!moved) {
            // settled concurrently (the browser's return and the reconciliation at once): report what is recorded
            return recorded(read(record.requestId(), c -> PaymentTable.find(c, record.requestId())).orElseThrow());
        }
        return result;
    }

    /** Moves {@code record} to {@code to} and audits it in one transaction; false if its state changed meanwhile. */
    private boolean move(PaymentRecord record, PaymentState to, PaymentTable.Reported reported) {
        if (!record.state().canMoveTo(to)) {
            throw new ConflictException(PaymentError.TRANSITION_INVALID, record.requestId(), record.state(), to,
                    record.state().successors());
        }
        TenantId tenant = TenantId.parse(record.tenantId());
        boolean moved = write(record.requestId(), connection -> {
            boolean changed = PaymentTable.move(connection, record.requestId(), record.state(), to, reported,
                    clock.instant());
            if (changed) {
                audit.append(connection, entry(tenant, "payment." + to.name().toLowerCase(Locale.ROOT),
                        record.requestId(), to == PaymentState.FAILED ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS));
            }
            return changed;
        });
        if (moved) {
            LOG.info("payment {} moved from {} to {}", record.requestId(), record.state(), to);
        }
        return moved;
    }

    private void requireSameOrder(PaymentOrder order) {
        Optional<String> stored = read(order.requestId(),
                connection -> PaymentTable.fingerprintOf(connection, order.requestId()));
        if (stored.isPresent() && !stored.get().equals(PaymentTable.fingerprint(order))) {
            throw new ConflictException(PaymentError.ORDER_CHANGED, order.applicationId(),
                    "attempt " + order.attempt() + ", request " + order.requestId());
        }
    }

    private PaymentResult recorded(PaymentRecord record) {
        PaymentResult.Outcome outcome = switch (record.state()) {
            case PAID -> PaymentResult.Outcome.PAID;
            case CANCELLED -> PaymentResult.Outcome.CANCELLED;
            case FAILED, EXPIRED -> PaymentResult.Outcome.FAILED;
            case CREATED, REDIRECTED -> PaymentResult.Outcome.PENDING;
        };
        return new PaymentResult(reference(record), outcome, record.transactionReference(), record.paymentMethod(),
                Optional.of(record.updatedAt()));
    }

    private static PaymentReference reference(PaymentRecord record) {
        return new PaymentReference(TenantId.parse(record.tenantId()), record.requestId(),
                record.transactionId().orElseThrow(() -> new NotFoundException(PaymentError.PAYMENT_UNKNOWN,
                        record.requestId())));
    }

    private AuditEntry entry(TenantId tenant, String action, String requestId, AuditOutcome outcome) {
        return AuditEntry.of(tenant, "payment:" + provider.name(), action, "payment", requestId, outcome);
    }

    private <T> T read(String subject, TransactionWork<T> work) {
        return write(subject, work);
    }

    private <T> T write(String subject, TransactionWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (ProcessingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProcessingException(PaymentError.LEDGER_FAILED, e, "read or written", subject,
                    e.getClass().getSimpleName());
        }
    }

    private static boolean isDuplicate(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
