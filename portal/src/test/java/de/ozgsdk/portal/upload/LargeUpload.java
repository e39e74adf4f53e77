package de.ozgsdk.portal.upload;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.runtime.ApplicationRef;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Run in a child JVM with a small heap by {@link LargeUploadTest}: sends a generated multipart body with one file
 * part of {@code args[1]} bytes through {@link MultipartReader} into {@link Uploads#receive} (H2 file database in
 * {@code args[0]}), reads the document back and compares SHA-512s; prints the peak heap use. Exit code 0 on success.
 */
public final class LargeUpload {

    private LargeUpload() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        // H2's page cache would take a quarter of the small heap by default: the test is about the upload's memory
        try (Database database = Database.builder().jdbcUrl("jdbc:h2:file:" + directory.toAbsolutePath()
                .resolve("ozg") + ";CACHE_SIZE=4096").build()) {
            Uploads uploads = Uploads.builder(database, Sealer.builder().key("large", new byte[32]).build(),
                    new EicarScanner()).limits(UploadLimits.builder().maxFileBytes(size).maxApplicationBytes(size)
                    .defaultMediaTypes(List.of("image/png")).build()).build();
            ApplicationRef ref = new ApplicationRef(UUID.randomUUID(),
                    DraftOwner.of(TenantId.parse("053150000000"), "a:large"));
            String boundary = "----large";
            InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                    ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n--"
                            + boundary + "\r\nContent-Disposition: form-data; name=\"F1\"; filename=\"gross.png\"\r\n"
                            + "Content-Type: image/png\r\n\r\n"),
                    new Generated(size),
                    ascii("\r\n--" + boundary + "--\r\n"))));
            MultipartReader reader = MultipartReader.of("multipart/form-data; boundary=" + boundary, body);
            reader.next().orElseThrow().text();
            MultipartReader.Part file = reader.next().orElseThrow();
            StoredDocument stored = uploads.receive(ref, "F1", UploadsTest.field(Precision.NONE), false,
                    file.fileName().orElseThrow(), file.content());
            if (reader.next().isPresent()) {
                throw new AssertionError("a third part");
            }
            String expected = sha512(new Generated(size));
            String readBack;
            try (InputStream in = uploads.open(ref, stored.id())) {
                readBack = sha512(in);
            }
            if (!expected.equals(stored.sha512()) || !expected.equals(readBack) || stored.size() != size) {
                throw new AssertionError("content differs: " + stored.size() + " bytes");
            }
            System.out.println("sha512 ok, size " + stored.size() + ", max heap " + Runtime.getRuntime().maxMemory()
                    + ", peak heap used " + peakHeap());
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static InputStream ascii(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha512(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code size} bytes: a PNG signature and header chunk, then xorshift bytes (no CRLF-dash runs by chance). */
    static final class Generated extends InputStream {
        private static final byte[] HEAD = Documents.png(0);
        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                if (position < HEAD.length) {
                    b[off + i] = HEAD[(int) position];
                } else {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
                position++;
            }
            return n;
        }
    }
}
