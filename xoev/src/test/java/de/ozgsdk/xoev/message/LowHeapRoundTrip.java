package de.ozgsdk.xoev.message;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run by {@link LargeAttachmentLowHeapTest} in a JVM of its own with {@code -Xmx64m}: writes a message with a
 * 200 MB attachment (validation on) to a file in the directory given, reads it back (validation on) into a sink
 * that only hashes, and checks size and SHA-256 against the generated content. Prints what it found; exit code 0
 * only if everything matched.
 */
public final class LowHeapRoundTrip {

    static final long SIZE = 200L * 1024 * 1024;
    static final long SEED = 20250314L;

    private LowHeapRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
        String expected = sha256(new SeededBytes(SIZE, SEED));
        Path file = directory.resolve("message-200mb.xml");
        ApplicationMessage message = MessageSamples.message()
                .addAttachment(AttachmentSource.of("Aufmaß Grundstück.bin", "application/octet-stream",
                        () -> new SeededBytes(SIZE, SEED)))
                .build();
        try (OutputStream out = Files.newOutputStream(file)) {
            ApplicationMessageWriter.create().write(message, out);
        }
        System.out.println("written=" + Files.size(file));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long[] count = new long[1];
        ReceivedApplication read;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            read = ApplicationMessageReader.create().read(in, "message-200mb.xml", (number, name, type) ->
                    new DigestOutputStream(new BufferedOutputStream(OutputStream.nullOutputStream()), digest) {
                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            count[0] += length;
                            super.write(bytes, offset, length);
                        }
                    });
        } finally {
            Files.deleteIfExists(file);
        }
        ReceivedAttachment attachment = read.attachments().get(0);
        String actual = HexFormat.of().formatHex(digest.digest());
        System.out.println("size=" + attachment.size() + " received=" + count[0] + " sha256=" + attachment.sha256());
        boolean ok = attachment.size() == SIZE && count[0] == SIZE && expected.equals(actual)
                && expected.equals(attachment.sha256());
        System.out.println(ok ? "ROUND TRIP OK" : "MISMATCH expected sha256=" + expected + " actual=" + actual);
        System.exit(ok ? 0 : 1);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
