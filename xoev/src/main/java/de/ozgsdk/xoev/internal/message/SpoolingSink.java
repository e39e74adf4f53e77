package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.xoev.message.AttachmentSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Spools attachment content into new files (named {@code anlage-*.bin}, never after the attachment's name, which
 * comes from the sender) and deletes them when the message fails.
 */
public final class SpoolingSink implements AttachmentSink {

    private final Path directory;
    private final Map<Integer, Path> files = new HashMap<>();

    /** @param directory where to create the files, or {@code null} for the JDK's temp directory */
    public SpoolingSink(Path directory) {
        this.directory = directory;
    }

    @Override
    public OutputStream open(int number, String name, String mediaType) throws IOException {
        Path file = directory == null ? Files.createTempFile("anlage-", ".bin")
                : Files.createTempFile(directory, "anlage-", ".bin");
        files.put(number, file);
        return new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    }

    @Override
    public void discard(int number) throws IOException {
        Path file = files.remove(number);
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** The file of attachment {@code number}. */
    public Optional<Path> file(int number) {
        return Optional.ofNullable(files.get(number));
    }
}
