package de.ozgsdk.portal.upload.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real ClamAV daemon ({@code /usr/sbin/clamd}, Debian package clamav-daemon) started as a child process for a test:
 * its own clamd.conf, signature database and sockets (TCP on a free loopback port and a Unix socket) in a fresh
 * temporary directory, in the foreground, as the user running the tests.
 *
 * <p>The database is written here: one hash signature ({@code .hsb}, {@code sha256:size:name}) for the EICAR test
 * file, reported as {@value #EICAR_SIGNATURE}; no signature download is needed. Without clamd the test is skipped locally
 * and fails under CI ({@code CI} set), where {@code .ci/run} installs it.
 */
public final class ClamdProcess implements AutoCloseable {

    /** The clamd binary of Debian's clamav-daemon. */
    public static final Path BINARY = Path.of("/usr/sbin/clamd");
    /** The name of the project's EICAR signature in its database. */
    private static final String EICAR_SIGNATURE_IN_DATABASE = "OzgSdk.Test.EICAR";
    /** The name clamd reports for it: clamd marks signatures from databases not signed by ClamAV as unofficial. */
    public static final String EICAR_SIGNATURE = EICAR_SIGNATURE_IN_DATABASE + ".UNOFFICIAL";
    /** clamd's own limit in these tests ({@code StreamMaxLength}): 1 MiB, small enough to test cheaply. */
    public static final long STREAM_MAX_LENGTH = 1024 * 1024;

    private final Process process;
    private final Path directory;
    private final int tcpPort;
    private final Path socket;
    private final StringBuffer output = new StringBuffer();

    private ClamdProcess(Process process, Path directory, int tcpPort, Path socket) {
        this.process = process;
        this.directory = directory;
        this.tcpPort = tcpPort;
        this.socket = socket;
    }

    /**
     * The EICAR anti-virus test file (68 bytes), built from two parts so that this source file does not trip
     * scanners itself.
     */
    public static byte[] eicar() {
        String first = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        String second = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
        return (first + second).getBytes(StandardCharsets.US_ASCII);
    }

    /** Skips the calling test where clamd is not installed; fails under CI instead. */
    public static void require() {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BINARY), "clamd is not installed (apt-get install clamav-daemon);"
                    + " on CI this test fails instead of skipping");
        }
        assertThat(BINARY).as("clamd (Debian package clamav-daemon)").isExecutable();
    }

    /** Starts clamd (after {@link #require()}) and returns once it answers PING on both sockets. */
    public static ClamdProcess start() {
        require();
        try {
            return launch();
        } catch (IOException e) {
            throw new UncheckedIOException("clamd could not be started", e);
        }
    }

    private static ClamdProcess launch() throws IOException {
        // Short base path: a Unix socket path must stay below 108 bytes.
        Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ozg-clamd");
        Path database = Files.createDirectory(directory.resolve("db"));
        Files.writeString(database.resolve("ozg-test.hsb"),
                sha256(eicar()) + ":" + eicar().length + ":" + EICAR_SIGNATURE_IN_DATABASE + "\n", StandardCharsets.US_ASCII);
        Path socket = directory.resolve("clamd.sock");
        int port = freePort();
        // No User line: clamd stays the user that runs the tests (root in CI, which owns the directory).
        Path config = Files.writeString(directory.resolve("clamd.conf"), String.join("\n",
                "Foreground yes",
                "LogVerbose yes",
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "LocalSocket " + socket,
                "LocalSocketMode 600",
                "DatabaseDirectory " + database,
                "TemporaryDirectory " + directory,
                "StreamMaxLength " + STREAM_MAX_LENGTH,
                "ScanArchive yes",
                "SelfCheck 3600",
                ""), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(BINARY.toString(), "--config-file=" + config)
                .redirectErrorStream(true).start();
        ClamdProcess clamd = new ClamdProcess(process, directory, port, socket);
        clamd.awaitListening();
        return clamd;
    }

    /** clamd prints "Listening daemon" once both sockets are bound; the log is read, not the clock. */
    private void awaitListening() {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("Listening daemon")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process ended; the future below reports it
            }
            listening.completeExceptionally(new IllegalStateException("clamd ended before it listened"));
        }, "clamd-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("clamd did not start:\n" + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while clamd started", e);
        }
        tcpScanner().build().selfCheck();
        unixScanner().build().selfCheck();
    }

    /** The loopback TCP port clamd listens on. */
    public int tcpPort() {
        return tcpPort;
    }

    /** The Unix domain socket clamd listens on. */
    public Path socket() {
        return socket;
    }

    /** A client for this clamd over TCP, with clamd's stream limit. */
    public ClamdScanner.Builder tcpScanner() {
        return ClamdScanner.tcp("127.0.0.1", tcpPort).maxStreamLength(STREAM_MAX_LENGTH);
    }

    /** A client for this clamd over its Unix socket, with clamd's stream limit. */
    public ClamdScanner.Builder unixScanner() {
        return ClamdScanner.unixSocket(socket).maxStreamLength(STREAM_MAX_LENGTH);
    }

    /** What clamd printed so far (for failure messages). */
    public String output() {
        return output.toString();
    }

    /** Kills clamd at once (SIGKILL), as a crash would; its socket file stays behind. */
    public void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("clamd ended").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while clamd ended", e);
        }
    }

    /** Stops clamd and deletes its directory. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
