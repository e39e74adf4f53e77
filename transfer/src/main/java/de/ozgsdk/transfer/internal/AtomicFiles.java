package de.ozgsdk.transfer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a file so that readers see either nothing or the whole content, also across a crash: into a hidden temporary
 * file in the same directory, forced to disk, atomically renamed to the target, and the directory forced as well (so
 * that the rename itself survives a power cut).
 */
public final class AtomicFiles {

    /** Suffix of the temporary files; a reader must ignore them (they may be left over from a crash). */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private AtomicFiles() {
    }

    /** Content producer for {@link #write}. */
    @FunctionalInterface
    public interface Content {
        /** Opens the content to copy. */
        InputStream open() throws IOException;
    }

    /**
     * Writes {@code content} to {@code target}, replacing an existing file atomically; returns the SHA-256 of the
     * bytes written, hex-encoded.
     */
    public static String write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
        MessageDigest sha256 = sha256();
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                    InputStream in = content.open()) {
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256);
                in.transferTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory(directory);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Forces the directory entry changes to disk; Windows cannot open a directory for that and relies on NTFS. */
    private static void forceDirectory(Path directory) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
