package de.ozgsdk.transfer;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.transfer.internal.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers applications into a directory that a back-office system (Fachverfahren) imports from: each application
 * as {@code <submissionId>.xml}, followed by {@code <submissionId>.xml.done} once the XML is complete on disk.
 *
 * <p>How it writes: the XML goes into a hidden temporary file in the same directory ({@code .<name>.<random>.tmp}),
 * is forced to disk and atomically renamed to its final name; then the done marker is written the same way. The marker
 * holds the SHA-256 of the XML in the format of {@code sha256sum} ({@code <hex>  <name>}), so an importer can check it
 * with {@code sha256sum -c}. A send whose done marker exists already returns at once with
 * {@link Receipt#alreadyDelivered()} and writes nothing, whether or not the importer has removed the XML meanwhile.
 *
 * <p><b>The importer's contract</b> (TRANSFER.md):
 * <ol>
 *   <li>Import {@code X.xml} only once {@code X.xml.done} exists; ignore every other file, notably the hidden
 *       {@code .tmp} files, which a crash may leave behind.</li>
 *   <li>The file name is the application's identity (its submission id). After a crash between writing the marker
 *       and recording the delivery, the same application is written again under the same name: an importer that
 *       has removed the marker meanwhile must recognise the name and drop the repeat.</li>
 *   <li>When done with an application, remove (or move away) the {@code .xml} first and the {@code .done} marker
 *       last; a marker kept longer than the outbox retries an entry makes repeats impossible.</li>
 * </ol>
 *
 * <pre>{@code
 * FileDropChannel drop = FileDropChannel.create(dropDirectory);
 * Receipt receipt = drop.send(OutgoingApplication.of(submissionId, applicationXml));
 * // dropDirectory now holds <submissionId>.xml and <submissionId>.xml.done
 * }</pre>
 */
public final class FileDropChannel implements SubmissionChannel {

    /** The suffix of the application file. */
    public static final String XML_SUFFIX = ".xml";
    /** The suffix appended to the application file's name for its done marker. */
    public static final String DONE_SUFFIX = ".done";

    private static final Logger LOG = LoggerFactory.getLogger(FileDropChannel.class);
    private static final String SYSTEM = "file-drop";

    private final Path directory;
    private final Clock clock;

    private FileDropChannel(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * A channel into {@code directory}, with the system clock for receipts.
     *
     * @throws ConfigurationException if it is not an existing, writable directory
     */
    public static FileDropChannel create(Path directory) {
        return create(directory, Clock.systemUTC());
    }

    /**
     * A channel into {@code directory} whose receipts take their time from {@code clock}.
     *
     * @throws ConfigurationException if it is not an existing, writable directory
     */
    public static FileDropChannel create(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new ConfigurationException(TransferError.DROP_DIRECTORY_INVALID, absolute, "not a directory");
        }
        if (!Files.isWritable(absolute)) {
            throw new ConfigurationException(TransferError.DROP_DIRECTORY_INVALID, absolute, "not writable");
        }
        return new FileDropChannel(absolute, clock);
    }

    /** The directory the applications go into. */
    public Path directory() {
        return directory;
    }

    /**
     * Writes the application and then its done marker; returns a receipt whose reference is the file name.
     *
     * @throws RemoteSystemException (retryable) if writing failed, e.g. because the directory is gone or full
     */
    @Override
    public Receipt send(OutgoingApplication application) {
        String name = application.submissionId() + XML_SUFFIX;
        Path xml = directory.resolve(name);
        Path marker = directory.resolve(name + DONE_SUFFIX);
        Receipt.Builder receipt = Receipt.builder(application.submissionId(), clock.instant()).reference(name);
        if (Files.isRegularFile(marker)) {
            LOG.info("submission {} is in the drop directory already (done marker present)",
                    application.submissionId());
            return receipt.alreadyDelivered(true).build();
        }
        try {
            String sha256 = AtomicFiles.write(xml, application::open);
            byte[] markerLine = (sha256 + "  " + name + "\n").getBytes(StandardCharsets.US_ASCII);
            AtomicFiles.write(marker, () -> new ByteArrayInputStream(markerLine));
        } catch (IOException e) {
            throw RemoteSystemException.builder(TransferError.DROP_WRITE_FAILED, SYSTEM)
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .cause(e)
                    .arguments(application.submissionId(), directory, e.getClass().getSimpleName())
                    .build();
        }
        return receipt.build();
    }

    @Override
    public String toString() {
        return "FileDropChannel[" + directory + "]";
    }
}
