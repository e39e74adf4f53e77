package de.ozgsdk.portal.upload.scan;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.RemoteSystemException.Side;
import de.ozgsdk.portal.PortalError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VirusScanner} that asks ClamAV's daemon clamd, over TCP or a Unix domain socket, with the documented
 * {@code zINSTREAM} command (see {@code man clamd}): the document goes in chunks, each prefixed by its length as a
 * 4-byte unsigned big-endian integer, ended by a zero-length chunk; clamd answers {@code stream: OK},
 * {@code stream: <signature> FOUND} or {@code <reason> ERROR}, terminated by a NUL byte.
 *
 * <p>Thread-safe; every call opens its own connection. Every way of getting no verdict (clamd unreachable, too slow,
 * the document over the size limit, a broken or foreign answer, a clamd error) throws a {@link RemoteSystemException}
 * for the system {@value #SYSTEM} with its own {@link PortalError} code, so the portal can fail closed. Nothing of the
 * document (content, name) is logged or put into a message.
 */
public final class ClamdScanner implements VirusScanner {

    /** The system name in every {@link RemoteSystemException} of this client. */
    public static final String SYSTEM = "ClamAV";
    /** Default chunk size: 64 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    /** Largest chunk size accepted by the builder: 8 MiB. */
    public static final int MAX_CHUNK_SIZE = 8 * 1024 * 1024;
    /** Default stream limit: 100 MiB, clamd's default {@code StreamMaxLength} ({@code 100M}). */
    public static final long DEFAULT_MAX_STREAM_LENGTH = 100L * 1024 * 1024;
    /** Largest stream limit: clamd counts the stream length in 32 bits. */
    public static final long MAX_STREAM_LENGTH = 0xFFFF_FFFFL;
    /** Default connect timeout: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default read timeout: 60 seconds (clamd scans a large archive for a while before it answers). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ClamdScanner.class);
    /** clamd's answers are short; anything longer without a NUL is not clamd. */
    private static final int MAX_REPLY_LENGTH = 4096;
    private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING = "zPING\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = "zVERSION\0".getBytes(StandardCharsets.US_ASCII);
    private static final String SIZE_LIMIT_REPLY = "INSTREAM size limit exceeded";
    /** With {@code ExtendedDetectionInfo}, clamd appends {@code (<md5>:<size>)} of the document to the name. */
    private static final Pattern DETECTION_INFO = Pattern.compile("\\([0-9a-fA-F]{32,64}:\\d+\\)$");

    private final SocketAddress address;
    private final String endpoint;
    private final int chunkSize;
    private final long maxStreamLength;
    private final long connectTimeoutMillis;
    private final long readTimeoutMillis;

    private ClamdScanner(Builder builder) {
        this.address = builder.address;
        this.endpoint = builder.endpoint;
        this.chunkSize = builder.chunkSize;
        this.maxStreamLength = builder.maxStreamLength;
        this.connectTimeoutMillis = builder.connectTimeout.toMillis();
        this.readTimeoutMillis = builder.readTimeout.toMillis();
    }

    /** Starts a client for clamd listening on TCP ({@code TCPSocket}/{@code TCPAddr} in clamd.conf). */
    public static Builder tcp(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException(PortalError.SCAN_CONFIG_INVALID, "host", "the host name is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new ConfigurationException(PortalError.SCAN_CONFIG_INVALID, "port",
                    "the port " + port + " is not between 1 and 65535");
        }
        return new Builder(InetSocketAddress.createUnresolved(host, port), host + ":" + port);
    }

    /** Starts a client for clamd listening on a Unix domain socket ({@code LocalSocket} in clamd.conf). */
    public static Builder unixSocket(Path socket) {
        if (socket == null) {
            throw new ConfigurationException(PortalError.SCAN_CONFIG_INVALID, "socket", "the socket path is missing");
        }
        Path absolute = socket.toAbsolutePath();
        return new Builder(UnixDomainSocketAddress.of(absolute), "unix:" + absolute);
    }

    /**
     * Sends {@code content} to clamd and returns its verdict. The stream is read to its end unless it exceeds the
     * stream limit; it is not closed.
     *
     * @throws RemoteSystemException with a {@link PortalError} {@code SCAN_*} code when no verdict exists
     * @throws UncheckedIOException when {@code content} itself cannot be read
     */
    @Override
    public ScanResult scan(InputStream content) {
        Objects.requireNonNull(content, "content");
        try (Connection connection = connect()) {
            String reply = connection.send(content);
            ScanResult result = verdict(reply);
            LOG.debug("clamd at {}: {} after {} bytes", endpoint,
                    result.clean() ? "clean" : "infected by " + result.signature().orElseThrow(), connection.sent);
            return result;
        }
    }

    /** Sends {@code zPING} and expects {@code PONG}: clamd is reachable and answers. */
    @Override
    public void selfCheck() {
        try (Connection connection = connect()) {
            String reply = connection.command(PING);
            if (!reply.equals("PONG")) {
                throw failure(PortalError.SCAN_REPLY_INVALID, Side.REMOTE, null,
                        "the answer to PING is not PONG but " + reply.length() + " other characters");
            }
        }
    }

    /** Asks clamd for its version and the version of its signature database ({@code zVERSION}), for health pages. */
    public String version() {
        try (Connection connection = connect()) {
            String reply = connection.command(VERSION);
            if (!reply.startsWith("ClamAV ")) {
                throw failure(PortalError.SCAN_REPLY_INVALID, Side.REMOTE, null,
                        "the answer to VERSION does not start with \"ClamAV \"");
            }
            return printable(reply);
        }
    }

    /** Where this client connects to, {@code host:port} or {@code unix:/path}. */
    public String endpoint() {
        return endpoint;
    }

    /** The largest document this client sends to clamd, in bytes. */
    public long maxStreamLength() {
        return maxStreamLength;
    }

    @Override
    public String toString() {
        return "ClamdScanner[" + endpoint + "]";
    }

    private ScanResult verdict(String reply) {
        if (reply.equals("stream: OK")) {
            return ScanResult.cleanResult();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            String name = reply.substring("stream: ".length(), reply.length() - " FOUND".length()).strip();
            Matcher info = DETECTION_INFO.matcher(name);
            if (info.find()) {
                name = name.substring(0, info.start());
            }
            name = printable(name);
            if (name.isEmpty()) {
                throw failure(PortalError.SCAN_REPLY_INVALID, Side.REMOTE, null, "a FOUND answer without a name");
            }
            return ScanResult.infected(name);
        }
        throw errorOrInvalid(reply, "an answer that is neither OK, FOUND nor ERROR");
    }

    /** Interprets an answer that is no verdict: clamd's ERROR answers, or something that is not clamd. */
    private RemoteSystemException errorOrInvalid(String reply, String whatElse) {
        if (reply.endsWith(" ERROR")) {
            String reason = reply.substring(0, reply.length() - " ERROR".length());
            if (reason.startsWith("stream: ")) {
                reason = reason.substring("stream: ".length());
            }
            if (reason.startsWith(SIZE_LIMIT_REPLY)) {
                return failure(PortalError.SCAN_CLAMD_SIZE_LIMIT, Side.LOCAL, null, maxStreamLength);
            }
            return failure(PortalError.SCAN_CLAMD_ERROR, Side.REMOTE, null, printable(reason));
        }
        // The text itself stays out of the message: a foreign service might echo the document.
        return failure(PortalError.SCAN_REPLY_INVALID, Side.REMOTE, null,
                whatElse + ", " + reply.length() + " characters");
    }

    private Connection connect() {
        SocketChannel channel = null;
        Selector selector = null;
        try {
            SocketAddress target = address;
            if (address instanceof InetSocketAddress inet) {
                // Resolved per connection, so a changed DNS entry of the clamd host is followed.
                InetSocketAddress resolved = new InetSocketAddress(inet.getHostString(), inet.getPort());
                target = resolved;
                if (resolved.isUnresolved()) {
                    throw failure(PortalError.SCAN_UNREACHABLE, Side.UNKNOWN, null,
                            "the host name cannot be resolved");
                }
                channel = SocketChannel.open();
            } else {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            }
            channel.configureBlocking(false);
            selector = Selector.open();
            if (!channel.connect(target)) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                if (!await(selector, key, connectTimeoutMillis)) {
                    throw failure(PortalError.SCAN_UNREACHABLE, Side.UNKNOWN, null,
                            "no connection within " + connectTimeoutMillis + " ms");
                }
                channel.finishConnect();
            }
            return new Connection(channel, selector);
        } catch (IOException e) {
            closeQuietly(channel, selector);
            throw failure(PortalError.SCAN_UNREACHABLE, Side.UNKNOWN, e, reason(e));
        } catch (RuntimeException e) {
            closeQuietly(channel, selector);
            throw e;
        }
    }

    /** Waits until {@code key} is ready for its interest set; false when {@code timeoutMillis} passed first. */
    private static boolean await(Selector selector, SelectionKey key, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                // select() returns at once on an interrupted thread: give up instead of spinning to the deadline
                throw new InterruptedIOException("interrupted while waiting for clamd");
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            selector.selectedKeys().clear();
            if (selector.select(left) > 0 && (key.readyOps() & key.interestOps()) != 0) {
                selector.selectedKeys().clear();
                return true;
            }
        }
    }

    private RemoteSystemException failure(PortalError code, Side side, Throwable cause, Object detail) {
        Object[] arguments = switch (code) {
            case SCAN_TOO_LARGE -> new Object[] {detail};
            default -> new Object[] {endpoint, detail};
        };
        return RemoteSystemException.builder(code, SYSTEM).side(side).cause(cause).arguments(arguments).build();
    }

    /** The exception's kind and the operating system's text (e.g. "Connection refused"), never document data. */
    private static String reason(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + printable(message));
    }

    /** Keeps printable ASCII only and at most 200 characters, so a reply cannot forge log lines. */
    private static String printable(String text) {
        StringBuilder result = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && result.length() < 200; i++) {
            char c = text.charAt(i);
            result.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return result.toString().strip();
    }

    private static void closeQuietly(SocketChannel channel, Selector selector) {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // nothing left to do with a selector that cannot close
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the connection is abandoned either way
        }
    }

    /** One conversation with clamd on a non-blocking channel, so that every wait has a timeout (Unix sockets too). */
    private final class Connection implements AutoCloseable {
        private final SocketChannel channel;
        private final Selector selector;
        private final SelectionKey key;
        private long sent;

        Connection(SocketChannel channel, Selector selector) throws IOException {
            this.channel = channel;
            this.selector = selector;
            this.key = channel.register(selector, SelectionKey.OP_READ);
        }

        String command(byte[] command) {
            try {
                write(ByteBuffer.wrap(command));
            } catch (EarlyReply early) {
                return early.reply;
            } catch (IOException e) {
                return replyAfterBrokenWrite(e);
            }
            return readReply();
        }

        String send(InputStream content) {
            ByteBuffer frame = ByteBuffer.allocate(4 + chunkSize);
            try {
                write(ByteBuffer.wrap(INSTREAM));
                while (true) {
                    int length = readChunk(content, frame.array(), 4);
                    if (sent + length > maxStreamLength) {
                        // Refused here rather than cut by clamd: clamd would scan only a prefix or drop the line.
                        throw failure(PortalError.SCAN_TOO_LARGE, Side.LOCAL, null, maxStreamLength);
                    }
                    frame.clear();
                    frame.putInt(0, length);
                    frame.limit(4 + length);
                    write(frame);
                    sent += length;
                    if (length == 0) {
                        break;
                    }
                    // clamd answers before the end only to refuse (size limit, error): stop sending then.
                    if (readable()) {
                        throw new EarlyReply(readReply());
                    }
                }
            } catch (EarlyReply early) {
                throw errorOrInvalid(early.reply, "a verdict before the whole document was sent");
            } catch (IOException e) {
                throw errorOrInvalid(replyAfterBrokenWrite(e), "a verdict before the whole document was sent");
            }
            return readReply();
        }

        private int readChunk(InputStream content, byte[] buffer, int offset) {
            try {
                return content.readNBytes(buffer, offset, chunkSize);
            } catch (IOException e) {
                throw new UncheckedIOException("the document to scan cannot be read", e);
            }
        }

        /** clamd may have answered and closed while we wrote (size limit); its answer is worth reading. */
        private String replyAfterBrokenWrite(IOException writeFailure) {
            try {
                return readReply();
            } catch (RemoteSystemException e) {
                if (e.code() == PortalError.SCAN_CONNECTION_LOST || e.code() == PortalError.SCAN_TIMEOUT) {
                    throw failure(PortalError.SCAN_CONNECTION_LOST, Side.REMOTE, writeFailure, reason(writeFailure));
                }
                throw e;
            }
        }

        private void write(ByteBuffer buffer) throws IOException, EarlyReply {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) > 0) {
                    continue;
                }
                key.interestOps(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
                boolean ready = await(selector, key, readTimeoutMillis);
                int readyOps = ready ? key.readyOps() : 0;
                key.interestOps(SelectionKey.OP_READ);
                if (!ready) {
                    throw failure(PortalError.SCAN_TIMEOUT, Side.REMOTE, null, readTimeoutMillis);
                }
                if ((readyOps & SelectionKey.OP_READ) != 0) {
                    throw new EarlyReply(readReply());
                }
            }
        }

        private boolean readable() throws IOException {
            selector.selectedKeys().clear();
            boolean readable = selector.selectNow() > 0 && key.isReadable();
            selector.selectedKeys().clear();
            return readable;
        }

        /** Reads one NUL-terminated answer. */
        private String readReply() {
            ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY_LENGTH);
            try {
                while (true) {
                    int start = reply.position();
                    int read = channel.read(reply);
                    if (read < 0) {
                        if (reply.position() == 0) {
                            throw failure(PortalError.SCAN_CONNECTION_LOST, Side.REMOTE, null, "end of stream");
                        }
                        // clamd ends every z-command answer with NUL; a cut answer is no verdict.
                        throw failure(PortalError.SCAN_REPLY_INVALID, Side.REMOTE, null,
                                "the connection ended inside an answer, after " + reply.position() + " bytes");
                    }
                    for (int i = start; i < reply.position(); i++) {
                        if (reply.get(i) == 0) {
                            return text(reply, i);
                        }
                    }
                    if (!reply.hasRemaining()) {
                        throw failure(PortalError.SCAN_REPLY_INVALID, Side.REMOTE, null,
                                "no NUL-terminated answer within " + MAX_REPLY_LENGTH + " bytes");
                    }
                    if (read == 0 && !await(selector, key, readTimeoutMillis)) {
                        throw failure(PortalError.SCAN_TIMEOUT, Side.REMOTE, null, readTimeoutMillis);
                    }
                }
            } catch (IOException e) {
                throw failure(PortalError.SCAN_CONNECTION_LOST, Side.REMOTE, e, reason(e));
            }
        }

        private String text(ByteBuffer reply, int end) {
            return new String(reply.array(), 0, end, StandardCharsets.ISO_8859_1).strip();
        }

        @Override
        public void close() {
            closeQuietly(channel, selector);
        }
    }

    /** clamd answered while the request was still being sent. */
    private static final class EarlyReply extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient String reply;

        EarlyReply(String reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    /** Configures a {@link ClamdScanner}; every setting has a default that fits clamd's defaults. */
    public static final class Builder {
        private final SocketAddress address;
        private final String endpoint;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private long maxStreamLength = DEFAULT_MAX_STREAM_LENGTH;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private Builder(SocketAddress address, String endpoint) {
            this.address = address;
            this.endpoint = endpoint;
        }

        /** Bytes per INSTREAM chunk, 1 byte to 8 MiB; default 64 KiB. */
        public Builder chunkSize(int bytes) {
            if (bytes < 1 || bytes > MAX_CHUNK_SIZE) {
                throw new ConfigurationException(PortalError.SCAN_CONFIG_INVALID, "chunkSize",
                        bytes + " is not between 1 and " + MAX_CHUNK_SIZE);
            }
            this.chunkSize = bytes;
            return this;
        }

        /**
         * The largest document sent to clamd; set it to clamd's {@code StreamMaxLength} (default 100 MiB, clamd's
         * default). A larger document is refused with {@code SCAN_TOO_LARGE} as soon as the limit is passed.
         */
        public Builder maxStreamLength(long bytes) {
            if (bytes < 1 || bytes > MAX_STREAM_LENGTH) {
                throw new ConfigurationException(PortalError.SCAN_CONFIG_INVALID, "maxStreamLength",
                        bytes + " is not between 1 and " + MAX_STREAM_LENGTH);
            }
            this.maxStreamLength = bytes;
            return this;
        }

        /** How long to wait for the connection to clamd; default 5 seconds. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * The longest wait for clamd to take more of the document or to answer (its scan included); default 60
         * seconds. A scan that hangs ends with {@code SCAN_TIMEOUT} after it.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        public ClamdScanner build() {
            return new ClamdScanner(this);
        }

        private static Duration positive(String name, Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.toMillis() < 1) {
                throw new ConfigurationException(PortalError.SCAN_CONFIG_INVALID, name,
                        "the timeout must be at least one millisecond");
            }
            return timeout;
        }
    }
}
