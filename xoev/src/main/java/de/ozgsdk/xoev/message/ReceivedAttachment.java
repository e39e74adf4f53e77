package de.ozgsdk.xoev.message;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An attachment as read from a message ({@code <antrag:anlage>}), after its size and SHA-256 were checked against
 * the content: its description and, when the reader spooled it, the file with its content.
 *
 * @param number    1-based number in the message
 * @param name      the file name (may contain personal data)
 * @param mediaType e.g. {@code application/pdf}
 * @param size      size of the content in bytes
 * @param sha256    SHA-256 of the content, 64 lower-case hex digits
 * @param reference where the content is when the message carries it by reference ({@code <referenz>})
 * @param file      the spooled content when read with {@link ApplicationMessageReader#read(java.io.InputStream,
 *                  String)}; the caller owns and deletes it
 */
public record ReceivedAttachment(int number, String name, String mediaType, long size, String sha256,
        Optional<URI> reference, Optional<Path> file) {

    /** Checks that nothing is null. */
    public ReceivedAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return "ReceivedAttachment[" + number + ", " + mediaType + ", " + size + " bytes]";
    }
}
