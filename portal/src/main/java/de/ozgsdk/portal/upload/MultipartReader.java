package de.ozgsdk.portal.upload;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as it arrives, so that a file part streams from
 * the socket straight into {@link Uploads#receive} and never lies in memory or, in plain, on disk (the servlet
 * container's own multipart support spools parts to temporary files). Text parts are limited in size and number.
 *
 * <p>Use: {@code for (Optional<Part> p = reader.next(); p.isPresent(); p = reader.next())}; read or leave each
 * part's content before asking for the next (the rest is skipped).
 */
public final class MultipartReader {

    /** The most bytes of a text part. */
    public static final int MAX_TEXT_BYTES = 256 * 1024;
    private static final int MAX_PARTS = 2_000;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final Pattern FILE_NAME_STAR = Pattern.compile("(?i);\\s*filename\\*=UTF-8''([^;\\s]+)");

    /** One part: its field name, the file name for a file part, and its content. */
    public record Part(String name, Optional<String> fileName, InputStream content) {

        /** The content of a text part as UTF-8 (at most {@value #MAX_TEXT_BYTES} bytes). */
        public String text() throws IOException {
            byte[] bytes = content.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw malformed("a text part exceeds " + MAX_TEXT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int head;
    private int tail;
    private boolean eof;
    private PartContent current;
    private boolean finished;
    private int parts;

    private MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first delimiter has no CRLF before it: pretend it had one
        buffer[0] = '\r';
        buffer[1] = '\n';
        tail = 2;
    }

    /** Whether {@code contentType} is {@code multipart/form-data}. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * A reader of {@code body} with the boundary of {@code contentType}.
     *
     * @throws InvalidInputException ({@code OZG-PORTAL-613}) if the content type has no valid boundary
     */
    public static MultipartReader of(String contentType, InputStream body) {
        Objects.requireNonNull(body, "body");
        if (!isMultipart(contentType)) {
            throw malformed("not multipart/form-data");
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw malformed("no boundary");
        }
        return new MultipartReader(body, boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
    }

    /**
     * The next part, empty after the last one.
     *
     * @throws InvalidInputException ({@code OZG-PORTAL-613}) for a malformed or cut-off body
     */
    public Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            new PartContent().transferTo(OutputStreamSink.INSTANCE);
        } else {
            current.transferTo(OutputStreamSink.INSTANCE);
        }
        int first = readByte();
        int second = readByte();
        if (first == '-' && second == '-') {
            finished = true;
            return Optional.empty();
        }
        if (first != '\r' || second != '\n') {
            throw malformed("no line break after a boundary");
        }
        if (++parts > MAX_PARTS) {
            throw malformed("more than " + MAX_PARTS + " parts");
        }
        String headers = readHeaders();
        String disposition = header(headers, "content-disposition")
                .orElseThrow(() -> malformed("a part without Content-Disposition"));
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw malformed("a part without name");
        }
        Optional<String> fileName = Optional.empty();
        Matcher star = FILE_NAME_STAR.matcher(disposition);
        Matcher plain = FILE_NAME.matcher(disposition);
        if (star.find()) {
            fileName = Optional.of(URLDecoder.decode(star.group(1), StandardCharsets.UTF_8));
        } else if (plain.find()) {
            fileName = Optional.of(plain.group(1));
        }
        current = new PartContent();
        return Optional.of(new Part(name.group(1), fileName, current));
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int previous = -1;
        int lineLength = 0;
        while (true) {
            int b = readByte();
            headers.write(b);
            if (headers.size() > MAX_HEADER_BYTES) {
                throw malformed("part headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (previous == '\r' && b == '\n') {
                if (lineLength == 1) {
                    return headers.toString(StandardCharsets.UTF_8);
                }
                lineLength = 0;
            } else {
                lineLength++;
            }
            previous = b;
        }
    }

    private static Optional<String> header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    private int readByte() throws IOException {
        if (head == tail && !fill()) {
            throw malformed("the body ends too early");
        }
        return buffer[head++] & 0xff;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (head > 0) {
            System.arraycopy(buffer, head, buffer, 0, tail - head);
            tail -= head;
            head = 0;
        }
        int n = in.read(buffer, tail, buffer.length - tail);
        if (n < 0) {
            eof = true;
            return false;
        }
        tail += n;
        return true;
    }

    private int indexOfDelimiter() {
        int last = tail - delimiter.length;
        outer:
        for (int i = head; i <= last; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static InvalidInputException malformed(String what) {
        return new InvalidInputException(PortalError.UPLOAD_MULTIPART_MALFORMED, what);
    }

    /** The content of one part: the bytes up to the next delimiter, which it consumes at its end. */
    private final class PartContent extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = indexOfDelimiter();
                if (at == head) {
                    head += delimiter.length;
                    done = true;
                    return -1;
                }
                // without a delimiter in view, its first bytes may lie at the end of the buffer: keep them
                int available = at >= 0 ? at - head : tail - head - (delimiter.length - 1);
                if (available > 0) {
                    int n = Math.min(len, available);
                    System.arraycopy(buffer, head, b, off, n);
                    head += n;
                    return n;
                }
                if (!fill()) {
                    throw malformed("the body ends inside a part");
                }
            }
        }

        @Override
        public void close() {
            // the reader skips the rest when asked for the next part
        }
    }

    /** Discards what is transferred to it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
