package de.ozgsdk.transfer;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One application as a {@link SubmissionChannel} sends it: the bytes of the application message (as written by
 * {@link ApplicationMessageWriter}, held in memory or spooled to a file) and its submission id, which is the
 * idempotency key at every receiver and the outbox entry's key.
 *
 * <p>The submission id is 1 to 128 characters of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit, so that it
 * is safe as an HTTP header value and as a file name; {@link de.ozgsdk.xoev.message.ApplicationMetadata#submissionId()
 * the submission id of the metadata} (a UUID) is the one to use.
 */
public final class OutgoingApplication {

    private static final Pattern SUBMISSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String submissionId;
    private final byte[] content;
    private final Path file;

    private OutgoingApplication(String submissionId, byte[] content, Path file) {
        this.submissionId = submissionId;
        this.content = content;
        this.file = file;
    }

    /** An application held in memory, e.g. an outbox payload. */
    public static OutgoingApplication of(String submissionId, byte[] applicationXml) {
        Objects.requireNonNull(applicationXml, "applicationXml");
        return new OutgoingApplication(validSubmissionId(submissionId), applicationXml.clone(), null);
    }

    /**
     * An application spooled to {@code applicationXml}, read each time a channel sends it (the file must stay until
     * the application is delivered).
     *
     * @throws InvalidInputException if the file is not a readable regular file
     */
    public static OutgoingApplication ofFile(String submissionId, Path applicationXml) {
        Objects.requireNonNull(applicationXml, "applicationXml");
        String id = validSubmissionId(submissionId);
        if (!Files.isRegularFile(applicationXml) || !Files.isReadable(applicationXml)) {
            throw new InvalidInputException(TransferError.APPLICATION_FILE_UNREADABLE, applicationXml,
                    "not a readable regular file");
        }
        return new OutgoingApplication(id, null, applicationXml);
    }

    /**
     * Writes {@code message} with {@code writer} (schema-validated, with its attachments) and takes the submission id
     * from its metadata.
     */
    public static OutgoingApplication write(ApplicationMessage message, ApplicationMessageWriter writer) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(writer, "writer");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(message, out);
        return new OutgoingApplication(validSubmissionId(message.metadata().submissionId().toString()),
                out.toByteArray(), null);
    }

    /** The submission id: the idempotency key sent to the receiver and the key of the outbox entry. */
    public String submissionId() {
        return submissionId;
    }

    /** Opens the application message's bytes; may be called again for every attempt. */
    public InputStream open() throws IOException {
        return content != null ? new ByteArrayInputStream(content) : Files.newInputStream(file);
    }

    /** The length of the application message in bytes. */
    public long size() throws IOException {
        return content != null ? content.length : Files.size(file);
    }

    /**
     * The outbox message that has this application delivered to {@code destination} (a route of the
     * {@link ChannelRouter}), keyed by the submission id, so that enqueueing the same application twice adds one entry.
     *
     * @throws InvalidInputException if a spooled file cannot be read any more
     */
    public OutboxMessage toOutboxMessage(String destination) {
        try {
            byte[] payload = content != null ? content : Files.readAllBytes(file);
            return OutboxMessage.of(submissionId, destination, payload);
        } catch (IOException e) {
            throw new InvalidInputException(TransferError.APPLICATION_FILE_UNREADABLE, e, file,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "OutgoingApplication[submissionId=" + submissionId + "]";
    }

    static String validSubmissionId(String submissionId) {
        Objects.requireNonNull(submissionId, "submissionId");
        if (!SUBMISSION_ID.matcher(submissionId).matches()) {
            throw new InvalidInputException(TransferError.SUBMISSION_ID_INVALID, printable(submissionId));
        }
        return submissionId;
    }

    /** The id as it may appear in a message: cut and stripped of control characters (it comes from outside). */
    private static String printable(String value) {
        String cut = value.length() > 140 ? value.substring(0, 140) + "\u2026" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
