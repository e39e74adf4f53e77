package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Fachverfahren that imports applications from a drop directory (what {@code FileDropChannel} of ozg-transfer writes
 * into), following the importer's contract of TRANSFER.md: it imports {@code X.xml} only once {@code X.xml.done}
 * exists and the marker's SHA-256 matches, ignores hidden temporary files, recognises a submission id it imported
 * before and drops the repeat, then moves the XML to {@code imported/} and deletes the marker (or keeps markers, see
 * {@link Builder#keepMarkers}). A marker whose hash does not match moves with its XML to {@code error/}.
 *
 * <p>An import run happens on {@link #importNow()}, on {@code POST /__admin/import}, or every
 * {@link Builder#pollInterval poll interval}. Each file seen is recorded as {@code IMPORT /<file name>} with status
 * 201 (imported), 409 (repeat dropped), 422 (marker does not match) or 503 ({@link Error#IMPORTER_DOWN}); faults
 * match these events by method {@code IMPORT} and path {@code /<file name>}. Applicable faults: latency (a slow
 * import) and the importer's own {@link Error errors}.
 */
public final class FileDropIntakeMock extends MockServer {

    /** The importer's own errors, for {@link Fault#systemError(Enum)}. */
    public enum Error {
        /** Imports the file but leaves XML and marker in place, as if it crashed before cleaning up. */
        CRASH_BEFORE_CLEANUP,
        /** Does not touch the file in this run (importer down or busy); a later run imports it. */
        IMPORTER_DOWN
    }

    /** The event name of an import in records and fault matching. */
    public static final String IMPORT = "IMPORT";

    private static final Logger LOG = LoggerFactory.getLogger(FileDropIntakeMock.class);
    private static final String XML = ".xml";
    private static final String DONE = ".done";

    private final Path directory;
    private final boolean keepMarkers;
    private final HeldApplications applications = new HeldApplications();
    private final ScheduledExecutorService poller;

    private FileDropIntakeMock(Builder builder) {
        super(builder, "file-drop-intake", EnumSet.of(Fault.Kind.LATENCY, Fault.Kind.SYSTEM_ERROR),
                Arrays.stream(Error.values()).map(Enum::name).toList());
        this.directory = builder.directory;
        this.keepMarkers = builder.keepMarkers;
        if (builder.pollInterval.isZero()) {
            this.poller = null;
        } else {
            this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sandbox-file-drop-poller");
                thread.setDaemon(true);
                return thread;
            });
            long millis = builder.pollInterval.toMillis();
            poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** A builder for an importer reading {@code directory} (which must exist). */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** The drop directory. */
    public Path directory() {
        return directory;
    }

    /** Where imported XML files are moved. */
    public Path importedDirectory() {
        return directory.resolve("imported");
    }

    /** Where XML files with a marker that does not match are moved, with their marker. */
    public Path errorDirectory() {
        return directory.resolve("error");
    }

    /** The imported applications by submission id (each once, however often it was dropped). */
    public Map<String, byte[]> applications() {
        return applications.contents();
    }

    /** How many applications were imported. */
    public int count() {
        return applications.count();
    }

    /** How often the importer found the application with {@code submissionId} (imported once, repeats included). */
    public int attempts(String submissionId) {
        return applications.attempts(submissionId);
    }

    /**
     * One import run over the drop directory, as the Fachverfahren's scheduled import would do it.
     *
     * @return the submission ids imported in this run (repeats not included)
     */
    public synchronized List<String> importNow() {
        List<String> imported = new ArrayList<>();
        for (Path marker : markers()) {
            String name = marker.getFileName().toString();
            String xmlName = name.substring(0, name.length() - DONE.length());
            String submissionId = xmlName.substring(0, xmlName.length() - XML.length());
            if (importOne(marker, directory.resolve(xmlName), submissionId)) {
                imported.add(submissionId);
            }
        }
        return imported;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        super.close();
    }

    @Override
    protected Answer handle(MockRequest request) {
        return Answer.text(404, "text/plain; charset=utf-8", "the file-drop intake reads " + directory
                + "; over HTTP it only has " + ADMIN_PREFIX);
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (request.path().equals(ADMIN_PREFIX + "import") && request.method().equals("POST")) {
            List<String> imported = importNow();
            return Optional.of(Answer.json(200, "{\"imported\":" + imported.stream()
                    .map(id -> "\"" + id + "\"").toList() + "}"));
        }
        return applications.admin(request);
    }

    private List<Path> markers() {
        List<Path> markers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + XML + DONE)) {
            for (Path entry : entries) {
                // hidden files are temporary files of a writer (FileDropChannel writes ".<name>.<random>.tmp")
                if (!entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry)) {
                    markers.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the drop directory " + directory, e);
        }
        markers.sort(null);
        return markers;
    }

    private boolean importOne(Path marker, Path xml, String submissionId) {
        // a marker is written after its XML, so a marker without XML was imported before
        String event = "/" + xml.getFileName();
        if (!Files.exists(xml)) {
            // left behind by a crash between the two steps of the clean-up, or kept on purpose
            if (!keepMarkers) {
                delete(marker);
            }
            return false;
        }
        Optional<Fault> fault = takeFault(IMPORT, event);
        fault.ifPresent(f -> pause(f.delay()));
        Optional<Error> error = fault.filter(f -> f.kind() == Fault.Kind.SYSTEM_ERROR)
                .map(f -> Error.valueOf(f.systemError()));
        try {
            byte[] content = Files.readAllBytes(xml);
            if (error.equals(Optional.of(Error.IMPORTER_DOWN))) {
                record(event, content, 503, fault);
                return false;
            }
            if (!markerMatches(marker, xml, content)) {
                record(event, content, 422, fault);
                quarantine(marker, xml);
                return false;
            }
            HeldApplications.Taken taken = applications.take(submissionId, content, clock().instant(), "",
                    xml.getFileName().toString());
            record(event, content, taken.repeat() ? 409 : 201, fault);
            if (!error.equals(Optional.of(Error.CRASH_BEFORE_CLEANUP))) {
                cleanUp(marker, xml);
            }
            return !taken.repeat();
        } catch (IOException e) {
            // a file a writer is replacing right now, or a share that went away: the next run tries again
            LOG.warn("Import of {} failed, retried in the next run: {}", xml.getFileName(), e.toString());
            return false;
        }
    }

    private boolean markerMatches(Path marker, Path xml, byte[] content) throws IOException {
        String expected = sha256(content) + "  " + xml.getFileName();
        return Files.readString(marker, StandardCharsets.UTF_8).strip().equals(expected);
    }

    private void cleanUp(Path marker, Path xml) throws IOException {
        // the contract: the XML first, the marker last
        Files.createDirectories(importedDirectory());
        Files.move(xml, importedDirectory().resolve(xml.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (!keepMarkers) {
            Files.delete(marker);
        }
    }

    private void quarantine(Path marker, Path xml) throws IOException {
        Files.createDirectories(errorDirectory());
        Files.move(xml, errorDirectory().resolve(xml.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.move(marker, errorDirectory().resolve(marker.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private void record(String event, byte[] content, int status, Optional<Fault> fault) {
        record(new RecordedExchange(clock().instant(), IMPORT, event, Map.of(), summarise(content),
                OptionalInt.of(status), fault.map(Fault::toString)));
    }

    private void pollSafely() {
        try {
            importNow();
        } catch (RuntimeException e) {
            LOG.warn("Import run over {} failed, retried in the next run: {}", directory, e.toString());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file.getFileName(), e.toString());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Builds a {@link FileDropIntakeMock}. */
    public static final class Builder extends MockServer.Builder<Builder, FileDropIntakeMock> {

        private final Path directory;
        private Duration pollInterval = Duration.ZERO;
        private boolean keepMarkers;

        private Builder(Path directory) {
            if (!Files.isDirectory(Objects.requireNonNull(directory, "directory"))) {
                throw new ConfigurationException(SandboxError.DROP_DIRECTORY_MISSING, directory);
            }
            this.directory = directory;
        }

        /** Imports every {@code interval} on a thread of its own (default zero: only on {@link #importNow()}). */
        public Builder pollInterval(Duration interval) {
            if (Objects.requireNonNull(interval, "interval").isNegative()) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "pollInterval", interval, ">= 0");
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Keeps the {@code .done} markers of imported files (default false: deleted after the import), so that a
         * resend finds the marker and writes nothing, as TRANSFER.md recommends for as long as the outbox may retry.
         */
        public Builder keepMarkers(boolean keep) {
            this.keepMarkers = keep;
            return this;
        }

        @Override
        protected FileDropIntakeMock build() {
            return new FileDropIntakeMock(this);
        }
    }
}
