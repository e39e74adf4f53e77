package de.ozgsdk.portal.upload.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ClamdScanner} against a loopback stub for what a real clamd will not do on demand. The class time-out only
 * turns a client that would wait for ever into a failure; nothing here is timed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClamdScannerStubTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    /** More than fits into the socket buffers of both ends, so a peer that stops reading stalls the client. */
    private static final long STALLING_LENGTH = 64L * 1024 * 1024;

    @Test
    void sendsTheDocumentInChunksOfTheConfiguredSizeEndedByAZeroLengthChunk() throws IOException {
        byte[] content = ClamdScannerTest.randomBytes(2500);
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            if (self.readCommand(socket.getInputStream()).equals("zINSTREAM")) {
                self.readChunks(socket.getInputStream(), Long.MAX_VALUE);
                ClamdStub.reply(socket, "stream: OK\0");
            }
        })) {
            ScanResult result = stub.client().chunkSize(1000).build().scan(new ByteArrayInputStream(content));

            assertThat(result.clean()).isTrue();
            assertThat(stub.chunkLengths()).containsExactly(1000, 1000, 500, 0);
            assertThat(stub.received()).isEqualTo(content);
        }
    }

    @Test
    void sendsOnlyTheTerminatorForAnEmptyDocument() throws IOException {
        try (ClamdStub stub = answeringAfterTheStream("stream: OK\0")) {
            assertThat(stub.client().build().scan(InputStream.nullInputStream()).clean()).isTrue();
            assertThat(stub.chunkLengths()).containsExactly(0);
        }
    }

    @Test
    void dropsClamdsDetectionInfoFromTheSignatureName() throws IOException {
        String reply = "stream: Win.Test.EICAR_HDB-1(44d88612fea8a8f36de82e1278abb02f:68) FOUND\0";
        try (ClamdStub stub = answeringAfterTheStream(reply)) {
            ScanResult result = stub.client().build().scan(new ByteArrayInputStream(new byte[68]));

            assertThat(result.signature()).contains("Win.Test.EICAR_HDB-1");
        }
    }

    @Test
    void endsAScanWhenClamdNeverAnswers() throws IOException {
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            self.readChunks(socket.getInputStream(), Long.MAX_VALUE);
            self.holdUntilClosed();
        })) {
            ClamdScanner scanner = stub.client().readTimeout(SHORT).build();

            assertFailure(() -> scanner.scan(new ByteArrayInputStream(new byte[100])), PortalError.SCAN_TIMEOUT);
        }
    }

    @Test
    void endsAScanWhenClamdStopsTakingTheDocument() throws IOException {
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            self.holdUntilClosed();
        })) {
            ClamdScanner scanner = stub.client().readTimeout(SHORT).build();

            assertFailure(() -> scanner.scan(new ZeroStream(STALLING_LENGTH)), PortalError.SCAN_TIMEOUT);
        }
    }

    @Test
    void reportsAConnectionDroppedMidStreamAsLost() throws IOException {
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            self.readChunks(socket.getInputStream(), 1);
            // returning closes the socket with the rest of the document unread
        })) {
            ClamdScanner scanner = stub.client().build();

            assertFailure(() -> scanner.scan(new ZeroStream(STALLING_LENGTH)), PortalError.SCAN_CONNECTION_LOST);
        }
    }

    @Test
    void reportsAConnectionClosedWithoutAnswerAsLost() throws IOException {
        try (ClamdStub stub = answeringAfterTheStream("")) {
            assertFailure(() -> stub.client().build().scan(new ByteArrayInputStream(new byte[10])),
                    PortalError.SCAN_CONNECTION_LOST);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 400 Bad Request\r\n\r\n", "stream: maybe\0", "PONG\0", "stream:  FOUND\0",
        "stream: OK"})
    void rejectsAnAnswerThatIsNoVerdict(String reply) throws IOException {
        try (ClamdStub stub = answeringAfterTheStream(reply)) {
            ClamdScanner scanner = stub.client().build();

            RemoteSystemException failure = assertFailure(
                    () -> scanner.scan(new ByteArrayInputStream(new byte[10])), PortalError.SCAN_REPLY_INVALID);
            if (reply.length() > 8) {
                assertThat(failure.getMessage()).doesNotContain(reply.substring(0, 8));
            }
        }
    }

    @Test
    void rejectsAnAnswerLongerThanClamdEverSends() throws IOException {
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            self.readChunks(socket.getInputStream(), Long.MAX_VALUE);
            ClamdStub.reply(socket, "A".repeat(5000));
            self.holdUntilClosed();
        })) {
            assertFailure(() -> stub.client().readTimeout(SHORT).build().scan(new ByteArrayInputStream(new byte[10])),
                    PortalError.SCAN_REPLY_INVALID);
        }
    }

    @Test
    void doesNotTrustAVerdictGivenBeforeTheWholeDocumentWasSent() throws IOException {
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            ClamdStub.reply(socket, "stream: OK\0");
            self.holdUntilClosed();
        })) {
            ClamdScanner scanner = stub.client().readTimeout(Duration.ofSeconds(30)).build();

            assertFailure(() -> scanner.scan(new ZeroStream(STALLING_LENGTH)), PortalError.SCAN_REPLY_INVALID);
        }
    }

    @Test
    void reportsAnErrorAnswerOfClamdWithItsReason() throws IOException {
        try (ClamdStub stub = answeringAfterTheStream("INSTREAM: Can't write to temporary file. ERROR\0")) {
            RemoteSystemException failure = assertFailure(
                    () -> stub.client().build().scan(new ByteArrayInputStream(new byte[10])),
                    PortalError.SCAN_CLAMD_ERROR);

            assertThat(failure.getMessage()).contains("Can't write to temporary file");
        }
    }

    @Test
    void checksItselfWithPing() throws IOException {
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            if (self.readCommand(socket.getInputStream()).equals("zPING")) {
                ClamdStub.reply(socket, "PONG\0");
            }
        })) {
            stub.client().build().selfCheck();
        }
        try (ClamdStub stub = new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            ClamdStub.reply(socket, "PING\0");
        })) {
            assertFailure(() -> stub.client().build().selfCheck(), PortalError.SCAN_REPLY_INVALID);
        }
        try (ClamdStub stub = new ClamdStub((socket, self) -> self.holdUntilClosed())) {
            assertFailure(() -> stub.client().readTimeout(SHORT).build().selfCheck(), PortalError.SCAN_TIMEOUT);
        }
    }

    @Test
    void reportsAnUnreadableDocumentAsIoFailureNotAsScannerFailure() throws IOException {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        try (ClamdStub stub = answeringAfterTheStream("stream: OK\0")) {
            assertThatThrownBy(() -> stub.client().build().scan(broken)).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void refusesInvalidSettingsWithTheSettingsName() {
        List<ThrowingCallable> invalid = List.of(
                () -> ClamdScanner.tcp(" ", 3310),
                () -> ClamdScanner.tcp("localhost", 0),
                () -> ClamdScanner.tcp("localhost", 3310).chunkSize(0),
                () -> ClamdScanner.tcp("localhost", 3310).chunkSize(ClamdScanner.MAX_CHUNK_SIZE + 1),
                () -> ClamdScanner.tcp("localhost", 3310).maxStreamLength(0),
                () -> ClamdScanner.unixSocket(Path.of("/run/clamd.ctl")).readTimeout(Duration.ZERO),
                () -> ClamdScanner.unixSocket(Path.of("/run/clamd.ctl")).connectTimeout(Duration.ofSeconds(-1)));
        for (ThrowingCallable call : invalid) {
            assertThatThrownBy(call).isInstanceOfSatisfying(ConfigurationException.class,
                    e -> assertThat(e.code()).isEqualTo(PortalError.SCAN_CONFIG_INVALID));
        }
    }

    private static ClamdStub answeringAfterTheStream(String reply) throws IOException {
        return new ClamdStub((socket, self) -> {
            self.readCommand(socket.getInputStream());
            self.readChunks(socket.getInputStream(), Long.MAX_VALUE);
            if (!reply.isEmpty()) {
                ClamdStub.reply(socket, reply);
            }
        });
    }

    private static RemoteSystemException assertFailure(ThrowingCallable call, PortalError code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RemoteSystemException.class);
        RemoteSystemException failure = (RemoteSystemException) thrown;
        assertThat(failure.code()).as(failure.getMessage()).isEqualTo(code);
        assertThat(failure.system()).isEqualTo(ClamdScanner.SYSTEM);
        return failure;
    }

    /** {@code length} zero bytes, generated as they are read (large documents without the heap). */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
