package de.ozgsdk.payment.internal;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentRecord;
import de.ozgsdk.payment.PaymentState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The SQL of table {@code ozg_payment} (migration V8), the same on H2 and PostgreSQL. */
public final class PaymentTable {

    private static final String COLUMNS = "request_id, tenant_id, application_id, attempt, provider, state, amount,"
            + " order_fingerprint, return_url, transaction_id, pay_page, transaction_reference, payment_method,"
            + " created_at, updated_at";

    /** What the payment service reported, written with a transition. */
    public record Reported(Optional<String> transactionId, Optional<URI> payPage,
            Optional<String> transactionReference, Optional<String> paymentMethod) {

        /** Nothing reported. */
        public static Reported nothing() {
            return new Reported(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private PaymentTable() {
    }

    /** SHA-256 (hex) of {@link PaymentOrder#fingerprint()}. */
    public static String fingerprint(PaymentOrder order) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(order.fingerprint().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static void insert(Connection connection, PaymentOrder order, String provider, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ozg_payment (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?)")) {
            insert.setString(1, order.requestId());
            insert.setString(2, order.tenant().value());
            insert.setString(3, order.applicationId());
            insert.setInt(4, order.attempt());
            insert.setString(5, provider);
            insert.setString(6, PaymentState.CREATED.name());
            insert.setBigDecimal(7, order.total().amount());
            insert.setString(8, fingerprint(order));
            insert.setString(9, order.returnUrl().toString());
            insert.setObject(10, timestamp(now));
            insert.setObject(11, timestamp(now));
            insert.executeUpdate();
        }
    }

    /** The stored fingerprint of a payment. */
    public static Optional<String> fingerprintOf(Connection connection, String requestId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT order_fingerprint FROM ozg_payment WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The newest attempt of an application. */
    public static Optional<PaymentRecord> latest(Connection connection, TenantId tenant, String applicationId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ozg_payment WHERE tenant_id = ? AND application_id = ? ORDER BY attempt DESC")) {
            select.setString(1, tenant.value());
            select.setString(2, applicationId);
            select.setMaxRows(1);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(record(row)) : Optional.empty();
            }
        }
    }

    public static Optional<PaymentRecord> find(Connection connection, String requestId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ozg_payment WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(record(row)) : Optional.empty();
            }
        }
    }

    /** Payments in {@code state} whose state is older than {@code before}, oldest first, at most {@code limit}. */
    public static List<PaymentRecord> olderThan(Connection connection, PaymentState state, Instant before, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ozg_payment WHERE state = ? AND updated_at < ? ORDER BY updated_at")) {
            select.setString(1, state.name());
            select.setObject(2, timestamp(before));
            select.setMaxRows(limit);
            List<PaymentRecord> records = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.add(record(row));
                }
            }
            return records;
        }
    }

    /**
     * Moves a payment from {@code from} to {@code to} if it still is in {@code from}; keeps reported values already
     * stored when nothing new is reported. Returns whether the row changed.
     */
    public static boolean move(Connection connection, String requestId, PaymentState from, PaymentState to,
            Reported reported, Instant now) throws SQLException {
        String settled = to.isFinal() ? ", settled_at = ?" : "";
        String redirected = to == PaymentState.REDIRECTED ? ", redirected_at = ?" : "";
        try (PreparedStatement update = connection.prepareStatement("UPDATE ozg_payment SET state = ?,"
                + " transaction_id = COALESCE(?, transaction_id), pay_page = COALESCE(?, pay_page),"
                + " transaction_reference = COALESCE(?, transaction_reference),"
                + " payment_method = COALESCE(?, payment_method), updated_at = ?" + settled + redirected
                + " WHERE request_id = ? AND state = ?")) {
            int i = 1;
            update.setString(i++, to.name());
            update.setString(i++, reported.transactionId().orElse(null));
            update.setString(i++, reported.payPage().map(URI::toString).orElse(null));
            update.setString(i++, reported.transactionReference().orElse(null));
            update.setString(i++, reported.paymentMethod().orElse(null));
            update.setObject(i++, timestamp(now));
            if (to.isFinal()) {
                update.setObject(i++, timestamp(now));
            }
            if (to == PaymentState.REDIRECTED) {
                update.setObject(i++, timestamp(now));
            }
            update.setString(i++, requestId);
            update.setString(i, from.name());
            return update.executeUpdate() == 1;
        }
    }

    private static PaymentRecord record(ResultSet row) throws SQLException {
        return new PaymentRecord(
                row.getString("request_id"),
                row.getString("tenant_id"),
                row.getString("application_id"),
                row.getInt("attempt"),
                row.getString("provider"),
                PaymentState.valueOf(row.getString("state")),
                Money.of(row.getBigDecimal("amount")),
                URI.create(row.getString("return_url")),
                Optional.ofNullable(row.getString("transaction_id")),
                Optional.ofNullable(row.getString("pay_page")).map(URI::create),
                Optional.ofNullable(row.getString("transaction_reference")),
                Optional.ofNullable(row.getString("payment_method")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
