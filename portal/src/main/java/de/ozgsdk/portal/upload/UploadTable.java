package de.ozgsdk.portal.upload;

import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.SealedStreams;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of {@code ozg_upload} and {@code ozg_upload_chunk} (migration V13): metadata sealed, content one sealed
 * stream split into rows of {@value #ROW_BYTES} bytes. Every read names tenant, owner and application, so another
 * owner's document is simply not found.
 */
final class UploadTable {

    static final int ROW_BYTES = 256 * 1024;

    enum State { RECEIVING, ACCEPTED, UNSCANNED }

    /** One row of {@code ozg_upload} with its metadata opened. */
    record Row(UUID id, UUID applicationId, String fieldPath, State state, long size, String sha512, String name,
            String mediaType) {

        StoredDocument document() {
            return new StoredDocument(id, fieldPath, name, mediaType, size, sha512, state == State.ACCEPTED);
        }
    }

    private final Database database;
    private final Sealer sealer;

    UploadTable(Database database, Sealer sealer) {
        this.database = database;
        this.sealer = sealer;
    }

    /** Inserts a row in state RECEIVING (size and digest follow in {@link #finish}). */
    void insert(UUID id, DraftOwner owner, UUID applicationId, String fieldPath, String name, String mediaType,
            Instant now, Instant expiresAt) {
        String sql = "INSERT INTO ozg_upload (id, tenant_id, owner_id, application_id, field_path, state, size_bytes,"
                + " sha512, created_at, expires_at, meta) VALUES (?, ?, ?, ?, ?, 'RECEIVING', 0, '', ?, ?, ?)";
        update(sql, statement -> {
            statement.setObject(1, id);
            statement.setString(2, owner.tenantId().value());
            statement.setString(3, owner.userId());
            statement.setObject(4, applicationId);
            statement.setString(5, fieldPath);
            statement.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setObject(7, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            statement.setBytes(8, sealMeta(id, owner.tenantId(), name, mediaType));
        });
    }

    /** An output stream that seals into the chunk rows of {@code id}; close it to write the last row. */
    OutputStream contentWriter(UUID id, TenantId tenant) {
        return SealedStreams.sealing(sealer, new RowWriter(id), context(id, tenant));
    }

    /** The plain content of {@code id}, read row by row and checked frame by frame. */
    InputStream contentReader(UUID id, TenantId tenant) {
        return SealedStreams.opening(sealer, new RowReader(id), context(id, tenant));
    }

    /** Records size, digest, media type and state of a received document. */
    void finish(UUID id, TenantId tenant, String name, String mediaType, long size, String sha512, State state) {
        update("UPDATE ozg_upload SET state = ?, size_bytes = ?, sha512 = ?, meta = ? WHERE id = ?", statement -> {
            statement.setString(1, state.name());
            statement.setLong(2, size);
            statement.setString(3, sha512);
            statement.setBytes(4, sealMeta(id, tenant, name, mediaType));
            statement.setObject(5, id);
        });
    }

    void setState(UUID id, State state) {
        update("UPDATE ozg_upload SET state = ? WHERE id = ?", statement -> {
            statement.setString(1, state.name());
            statement.setObject(2, id);
        });
    }

    /** The documents of an application that are accepted or unscanned (not those still arriving), oldest first. */
    List<Row> list(DraftOwner owner, UUID applicationId) {
        String sql = "SELECT id, application_id, field_path, state, size_bytes, sha512, meta FROM ozg_upload"
                + " WHERE tenant_id = ? AND owner_id = ? AND application_id = ? AND state <> 'RECEIVING'"
                + " ORDER BY created_at, id";
        return query(sql, owner.tenantId(), statement -> {
            statement.setString(1, owner.tenantId().value());
            statement.setString(2, owner.userId());
            statement.setObject(3, applicationId);
        });
    }

    Optional<Row> find(DraftOwner owner, UUID applicationId, UUID id) {
        return list(owner, applicationId).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The documents accepted unscanned, of all tenants, as (tenant, row). */
    List<Unscanned> unscanned() {
        String sql = "SELECT tenant_id, id, application_id, field_path, state, size_bytes, sha512, meta"
                + " FROM ozg_upload WHERE state = 'UNSCANNED'";
        List<Unscanned> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                TenantId tenant = TenantId.parse(result.getString(1));
                rows.add(new Unscanned(tenant, row(result, 2, tenant)));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return rows;
    }

    record Unscanned(TenantId tenant, Row row) {
    }

    boolean delete(UUID id) {
        int[] count = new int[1];
        update("DELETE FROM ozg_upload WHERE id = ?", statement -> statement.setObject(1, id), count);
        return count[0] > 0;
    }

    /** Deletes every document of an application of {@code tenant}, whoever owns it; returns how many. */
    int deleteApplication(TenantId tenant, UUID applicationId) {
        int[] count = new int[1];
        update("DELETE FROM ozg_upload WHERE tenant_id = ? AND application_id = ?", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, applicationId);
        }, count);
        return count[0];
    }

    /** Moves the documents of an application to another id and owner (an anonymous draft bound to a citizen). */
    int move(DraftOwner from, UUID fromApplication, DraftOwner to, UUID toApplication) {
        int[] count = new int[1];
        update("UPDATE ozg_upload SET owner_id = ?, application_id = ? WHERE tenant_id = ? AND owner_id = ?"
                + " AND application_id = ?", statement -> {
                    statement.setString(1, to.userId());
                    statement.setObject(2, toApplication);
                    statement.setString(3, from.tenantId().value());
                    statement.setString(4, from.userId());
                    statement.setObject(5, fromApplication);
                }, count);
        return count[0];
    }

    /**
     * Deletes documents left RECEIVING past their expiry (a crash mid-upload) and documents whose draft is gone (it
     * expired, was discarded or submitted); returns how many.
     */
    int purge(Instant now) {
        int[] stale = new int[1];
        update("DELETE FROM ozg_upload WHERE state = 'RECEIVING' AND expires_at < ?",
                statement -> statement.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)), stale);
        int[] orphans = new int[1];
        update("DELETE FROM ozg_upload WHERE state <> 'RECEIVING' AND NOT EXISTS (SELECT 1 FROM ozg_draft d"
                + " WHERE d.id = ozg_upload.application_id)", statement -> { }, orphans);
        return stale[0] + orphans[0];
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        update(sql, binder, new int[1]);
    }

    private void update(String sql, Binder binder, int[] count) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            count[0] = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<Row> query(String sql, TenantId tenant, Binder binder) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result, 1, tenant));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return rows;
    }

    private Row row(ResultSet result, int first, TenantId tenant) throws SQLException {
        UUID id = result.getObject(first, UUID.class);
        String[] meta = openMeta(id, tenant, result.getBytes(first + 6));
        return new Row(id, result.getObject(first + 1, UUID.class), result.getString(first + 2),
                State.valueOf(result.getString(first + 3)), result.getLong(first + 4), result.getString(first + 5),
                meta[0], meta[1]);
    }

    private byte[] sealMeta(UUID id, TenantId tenant, String name, String mediaType) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(name);
            out.writeUTF(mediaType);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return sealer.seal(bytes.toByteArray(), context(id, tenant));
    }

    private String[] openMeta(UUID id, TenantId tenant, byte[] sealed) {
        byte[] plain = sealer.open(sealed, context(id, tenant));
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            return new String[] {in.readUTF(), in.readUTF()};
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory", e);
        }
    }

    /** Bound to the upload id and tenant, which never change (owner and application do when a citizen logs in). */
    private static byte[] context(UUID id, TenantId tenant) {
        return ("ozg-upload/1|" + id + "|" + tenant.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static ProcessingException failed(SQLException e) {
        return new ProcessingException(PortalError.UPLOAD_STORE_FAILED, e, e.getSQLState());
    }

    /** Splits what it is given into rows of {@link #ROW_BYTES}; each row is one insert of its own. */
    private final class RowWriter extends OutputStream {
        private final UUID id;
        private final byte[] buffer = new byte[ROW_BYTES];
        private int filled;
        private int seq;

        RowWriter(UUID id) {
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int at = off;
            int left = len;
            while (left > 0) {
                int n = Math.min(left, ROW_BYTES - filled);
                System.arraycopy(b, at, buffer, filled, n);
                filled += n;
                at += n;
                left -= n;
                if (filled == ROW_BYTES) {
                    flushRow();
                }
            }
        }

        @Override
        public void close() {
            if (filled > 0) {
                flushRow();
            }
        }

        private void flushRow() {
            byte[] content = Arrays.copyOf(buffer, filled);
            int number = seq++;
            update("INSERT INTO ozg_upload_chunk (upload_id, seq, content) VALUES (?, ?, ?)", statement -> {
                statement.setObject(1, id);
                statement.setInt(2, number);
                statement.setBytes(3, content);
            });
            filled = 0;
        }
    }

    /** Reads the rows in order, one query per row, so no connection is held between reads. */
    private final class RowReader extends InputStream {
        private final UUID id;
        private byte[] row = new byte[0];
        private int position;
        private int seq;
        private boolean end;

        RowReader(UUID id) {
            this.id = id;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (position == row.length) {
                if (end || !nextRow()) {
                    end = true;
                    return -1;
                }
            }
            int n = Math.min(len, row.length - position);
            System.arraycopy(row, position, b, off, n);
            position += n;
            return n;
        }

        private boolean nextRow() {
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT content FROM ozg_upload_chunk WHERE upload_id = ? AND seq = ?")) {
                statement.setObject(1, id);
                statement.setInt(2, seq);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        return false;
                    }
                    row = result.getBytes(1);
                    position = 0;
                    seq++;
                    return true;
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
    }
}
