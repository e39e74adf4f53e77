package de.ozgsdk.xoev.message;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where {@link ApplicationMessageReader} puts the decoded content of each attachment while it reads the message,
 * e.g. into the document store of the Fachverfahren. Size and SHA-256 are checked when the content has passed: if
 * they do not match, or the message fails later, the reader calls {@link #discard(int)} for every attachment it
 * opened, so that nothing unverified is kept.
 *
 * <pre>{@code
 * ReceivedApplication application = reader.read(in, "antrag-4711.xml",
 *         (number, name, mediaType) -> documentStore.create(caseId, number, mediaType));
 * }</pre>
 */
@FunctionalInterface
public interface AttachmentSink {

    /**
     * Opens the target for the content of one attachment; the reader writes the content and closes the stream.
     *
     * @param number    1-based number of the attachment in the message
     * @param name      the attachment's file name (may contain personal data; do not log it)
     * @param mediaType its media type
     */
    OutputStream open(int number, String name, String mediaType) throws IOException;

    /**
     * Forgets the content written for attachment {@code number}: it failed its check or the message failed.
     * Default: nothing.
     */
    default void discard(int number) throws IOException {
    }
}
