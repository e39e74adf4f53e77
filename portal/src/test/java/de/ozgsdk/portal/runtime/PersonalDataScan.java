package de.ozgsdk.portal.runtime;

import de.ozgsdk.persistence.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Searches everything a portal stored for given strings: every column of every table of the database (found through
 * JDBC metadata, binary columns included) and every file under given directories. Since personal data is sealed at
 * rest, a plaintext search alone would find nothing even where data is kept; so every value is also opened: sealed
 * values ({@code de.ozgsdk.core.crypto.Sealer} format 1) are decrypted with the test's keys (AES-GCM is counter mode
 * underneath, so the plaintext is recovered without knowing the associated data each table binds), base64 runs are
 * decoded, gzip and zlib streams inflated, recursively.
 */
public final class PersonalDataScan {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{24,}={0,2}");
    private static final int DEPTH = 4;
    private static final long MAX_FILE = 64L << 20;

    private final Map<String, byte[]> keys;
    private final List<String> needles;

    private PersonalDataScan(Map<String, byte[]> keys, List<String> needles) {
        this.keys = Map.copyOf(keys);
        this.needles = List.copyOf(needles);
    }

    /** A scan for {@code needles}, opening sealed values with {@code keys} (key id to AES key). */
    public static PersonalDataScan of(Map<String, byte[]> keys, List<String> needles) {
        return new PersonalDataScan(keys, needles);
    }

    /** Where each needle was found in the database: {@code table.column: needle (how it was opened)}. */
    public List<String> database(Database database) {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables found in schema " + connection.getSchema());
            }
            for (String table : tables) {
                scanTable(connection, table, found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scan failed", e);
        }
        return found;
    }

    /** How many tables the scan of {@code database} reads. */
    public static int tableCount(Database database) {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                        "%", new String[] {"TABLE"})) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where each needle was found in the files below {@code roots} changed at or after {@code since}. */
    public List<String> files(Instant since, Path... roots) {
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.find(root, 12, (path, attributes) -> recent(attributes, since))) {
                walk.forEach(file -> {
                    try {
                        scan(Files.readAllBytes(file), file.toString(), 0, found);
                    } catch (IOException e) {
                        // a file another process removed or locked meanwhile is not the portal's
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // directories of other processes that vanish while walking
            }
        }
        return found;
    }

    /** The findings in one value, as {@link #database} reports them (for a test of the scan itself). */
    public List<String> value(byte[] value) {
        List<String> found = new ArrayList<>();
        scan(value, "value", 0, found);
        return found;
    }

    private static boolean recent(BasicFileAttributes attributes, Instant since) {
        return attributes.isRegularFile() && attributes.size() <= MAX_FILE
                && !attributes.lastModifiedTime().toInstant().isBefore(since);
    }

    private void scanTable(Connection connection, String table, List<String> found) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + quoted(connection, table))) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    byte[] value = binary(columns.getColumnType(i)) ? rows.getBytes(i)
                            : bytes(rows.getString(i));
                    if (value != null) {
                        scan(value, table + "." + columns.getColumnName(i), 0, found);
                    }
                }
            }
        }
    }

    private static String quoted(Connection connection, String table) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString();
        return quote + table.replace(quote, quote + quote) + quote;
    }

    private static boolean binary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private void scan(byte[] value, String where, int depth, List<String> found) {
        for (String needle : needles) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16LE)) {
                if (indexOf(value, needle.getBytes(charset)) >= 0) {
                    found.add(where + ": " + needle + " (" + charset + ")");
                }
            }
        }
        if (depth >= DEPTH) {
            return;
        }
        unsealed(value).ifPresent(plain -> scan(plain, where + " unsealed", depth + 1, found));
        inflated(value).ifPresent(plain -> scan(plain, where + " inflated", depth + 1, found));
        Matcher run = BASE64.matcher(new String(value, StandardCharsets.ISO_8859_1));
        while (run.find()) {
            decoded(run.group()).ifPresent(plain -> scan(plain, where + " base64", depth + 1, found));
        }
    }

    /** Decrypts the GCM body of a sealed value (version 1, key id, 12-byte IV, ciphertext, 16-byte tag) as CTR. */
    private Optional<byte[]> unsealed(byte[] value) {
        if (value.length < 2 + 12 + 16 || value[0] != 1) {
            return Optional.empty();
        }
        int idLength = value[1] & 0xff;
        int body = 2 + idLength + 12;
        if (idLength == 0 || value.length < body + 16) {
            return Optional.empty();
        }
        byte[] key = keys.get(new String(value, 2, idLength, StandardCharsets.US_ASCII));
        if (key == null) {
            return Optional.empty();
        }
        byte[] counter = ByteBuffer.allocate(16).put(value, 2 + idLength, 12).putInt(2).array();
        try {
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            return Optional.of(ctr.doFinal(value, body, value.length - body - 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<byte[]> inflated(byte[] value) {
        if (value.length > 2 && (value[0] & 0xff) == 0x1f && (value[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(value))) {
                return Optional.of(in.readAllBytes());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        if (value.length > 2 && (value[0] & 0x0f) == 8 && ((value[0] & 0xff) << 8 | value[1] & 0xff) % 31 == 0) {
            Inflater inflater = new Inflater();
            inflater.setInput(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                while (!inflater.finished() && out.size() < MAX_FILE) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
                return Optional.of(out.toByteArray());
            } catch (DataFormatException e) {
                return Optional.empty();
            } finally {
                inflater.end();
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> decoded(String run) {
        String plain = run.replace('-', '+').replace('_', '/').replace("=", "");
        if (plain.length() % 4 == 1) {
            plain = plain.substring(0, plain.length() - 1);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(plain));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
