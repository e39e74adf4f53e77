package de.ozgsdk.postbox;

import de.ozgsdk.postbox.internal.AttachmentTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A document to attach to a {@link PostboxMessage} (a Bescheid as PDF, a receipt): its file name and where its bytes
 * come from. The message reads it once when it is built, at most one byte over the limit, and checks name, type and
 * size there; see {@link PostboxMessage} for the limits.
 */
public final class PostboxAttachment {

    /** Opens the attachment's bytes. */
    @FunctionalInterface
    public interface Source {

        /** A new stream over the attachment's bytes. */
        InputStream open() throws IOException;
    }

    private final String filename;
    private final Source source;

    private PostboxAttachment(String filename, Source source) {
        this.filename = Objects.requireNonNull(filename, "filename");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** An attachment from a stream source (read when the message is built). */
    public static PostboxAttachment of(String filename, Source source) {
        return new PostboxAttachment(filename, source);
    }

    /** An attachment held in memory. */
    public static PostboxAttachment of(String filename, byte[] content) {
        byte[] copy = Objects.requireNonNull(content, "content").clone();
        return new PostboxAttachment(filename, () -> new ByteArrayInputStream(copy));
    }

    /** An attachment read from {@code file}. */
    public static PostboxAttachment of(String filename, Path file) {
        Objects.requireNonNull(file, "file");
        return new PostboxAttachment(filename, () -> Files.newInputStream(file));
    }

    /** The file name as given (the message replaces characters the postbox does not allow). */
    public String filename() {
        return filename;
    }

    Source source() {
        return source;
    }

    @Override
    public String toString() {
        return "PostboxAttachment[." + AttachmentTypes.extension(filename) + "]";
    }
}
