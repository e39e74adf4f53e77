package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ReceivedApplication;
import de.ozgsdk.xoev.message.ReceivedAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attachments ({@code <antrag:anlage>}) of an application message as FIT-Connect attachments with purpose
 * {@code attachment}: the documents a citizen uploaded travel beside the submission's data, each encrypted on its own
 * with the SHA-512 of its plain bytes in the metadata. Give it to {@link FitConnectChannel.Builder#attachments}.
 *
 * <p>The message is read with the xoev reader, which checks each attachment's size and SHA-256 against the message
 * and spools it to a temporary file that is deleted once its bytes are taken. Attachments given by reference only
 * ({@code <antrag:referenz>}) carry no bytes and are left out.
 */
public final class ApplicationMessageAttachments implements FitConnectChannel.AttachmentSource {

    private final ApplicationMessageReader reader = ApplicationMessageReader.create();

    /** Reads the attachments of each application's message. */
    public static ApplicationMessageAttachments create() {
        return new ApplicationMessageAttachments();
    }

    @Override
    public List<FitConnectAttachment> attachmentsOf(OutgoingApplication application) {
        ReceivedApplication message;
        try (InputStream in = application.open()) {
            message = reader.read(in, "application " + application.submissionId());
        } catch (IOException e) {
            throw new InvalidInputException(TransferError.APPLICATION_FILE_UNREADABLE, e,
                    application.submissionId(), e.getClass().getSimpleName());
        }
        List<FitConnectAttachment> attachments = new ArrayList<>();
        try {
            for (ReceivedAttachment attachment : message.attachments()) {
                Optional<Path> file = attachment.file();
                if (file.isPresent()) {
                    attachments.add(FitConnectAttachment.of(Files.readAllBytes(file.get()), attachment.name(),
                            attachment.mediaType(), "attachment"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ReceivedAttachment attachment : message.attachments()) {
                attachment.file().ifPresent(ApplicationMessageAttachments::deleteQuietly);
            }
        }
        return attachments;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file of the JVM's temp directory; the OS cleans it up
        }
    }
}
