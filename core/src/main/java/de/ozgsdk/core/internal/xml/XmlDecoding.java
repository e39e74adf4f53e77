package de.ozgsdk.core.internal.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of an XML document into characters for the StAX reader, which is then never given bytes.
 *
 * <p>Why: when the JDK's StAX reader decodes bytes itself and meets an invalid byte sequence, its error reporter
 * prints {@code [Fatal Error] :-1:-1: Invalid byte 2 of 2-byte UTF-8 sequence.} to {@code System.err} (its StAX error
 * reporter lacks the override that would route that report to an {@code XMLReporter}), before it throws; no setting
 * of {@code XMLInputFactory} reaches that path. Woodstox prints nothing but reports the bad bytes at the start of the
 * buffer it decoded ahead. Decoded here, the bad bytes are an exception only, and since the characters before them
 * are handed out first, the reader's location points at them.
 *
 * <p>The encoding is found as the XML specification (appendix F) describes: a byte order mark, else the
 * {@code encoding} of the XML declaration, else UTF-8.
 */
final class XmlDecoding {

    private static final int PROLOG_BYTES = 1024;
    private static final Pattern ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private XmlDecoding() {
    }

    /**
     * A reader over the characters of {@code in}, which fails with {@link InvalidBytesException} on bad bytes. It
     * looks at the first bytes on its first read, so that creating it reads nothing.
     */
    static Reader reader(InputStream in) {
        return new DecodingReader(in);
    }


    private static CharsetDecoder open(BufferedInputStream buffered) throws IOException {
        buffered.mark(PROLOG_BYTES);
        byte[] prolog = buffered.readNBytes(PROLOG_BYTES);
        buffered.reset();
        Charset charset = charset(prolog);
        long bom = bomLength(prolog);
        if (bom > 0) {
            buffered.skipNBytes(bom);
        }
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static Charset charset(byte[] prolog) throws InvalidBytesException {
        if (startsWith(prolog, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(prolog, 0xFE, 0xFF) || startsWith(prolog, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(prolog, 0xFF, 0xFE) || startsWith(prolog, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        Matcher declared = ENCODING.matcher(new String(prolog, StandardCharsets.ISO_8859_1));
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = declared.group(1);
        try {
            Charset charset = Charset.forName(name);
            // a UTF-16 document without byte order mark was caught above; "UTF-16" here means a wrong declaration
            return name.toUpperCase(Locale.ROOT).startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidBytesException("the declared encoding " + name + " is not supported");
        }
    }

    private static long bomLength(byte[] prolog) {
        if (startsWith(prolog, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(prolog, 0xFE, 0xFF) || startsWith(prolog, 0xFF, 0xFE) ? 2 : 0;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Invalid bytes for the document's encoding; an {@link IOException} so that the StAX reader passes it on. */
    static final class InvalidBytesException extends IOException {

        private static final long serialVersionUID = 1L;

        InvalidBytesException(String message) {
            super(message);
        }
    }

    /**
     * Decodes on demand; at bytes that do not belong to the encoding it first hands out the characters before them,
     * then fails naming the encoding, so that the StAX reader has consumed everything before the bad bytes and its
     * location (line, column) points at them.
     */
    private static final class DecodingReader extends Reader {

        private final BufferedInputStream in;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private CharsetDecoder decoder;
        private boolean utf8;
        /** The second half of a surrogate pair decoded for a read of one character, handed out next. */
        private char pending;
        private boolean hasPending;
        private boolean endOfInput;
        private CoderResult pendingError;

        DecodingReader(InputStream in) {
            this.in = new BufferedInputStream(in, 8192);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (decoder == null) {
                decoder = open(in);
                utf8 = decoder.charset() == StandardCharsets.UTF_8;
            }
            if (length == 0) {
                return 0;
            }
            if (hasPending) {
                hasPending = false;
                buffer[offset] = pending;
                return 1;
            }
            if (length == 1) {
                // a character beyond the BMP needs room for two chars: the decoder would overflow forever
                char[] pair = new char[2];
                int read = read(pair, 0, 2);
                if (read == 2) {
                    pending = pair[1];
                    hasPending = true;
                }
                if (read > 0) {
                    buffer[offset] = pair[0];
                    return 1;
                }
                return read;
            }
            if (utf8 && pendingError == null) {
                if (bytes.remaining() < 4 && !endOfInput) {
                    fill();
                }
                int decoded = decodeUtf8(buffer, offset, length);
                if (decoded > 0) {
                    return decoded;
                }
            }
            return decode(buffer, offset, length);
        }

        /**
         * Decodes the well-formed one- to three-byte UTF-8 sequences at the start of the buffered bytes straight into
         * {@code buffer}, and stops before anything else (four-byte sequences, bad or incomplete bytes), which the
         * JDK's decoder then handles as before. Why: the JDK's decoder leaves its ASCII fast path for good at the
         * first umlaut of a buffer, and decoding was a fifth of a FIM import.
         */
        private int decodeUtf8(char[] buffer, int offset, int length) {
            byte[] source = bytes.array();
            int at = bytes.position();
            int end = bytes.limit();
            int to = offset;
            int toEnd = offset + length;
            while (at < end && to < toEnd) {
                // a run of ASCII in a loop of its own, with one bound: most of a document is ASCII
                int run = at + Math.min(end - at, toEnd - to);
                while (at < run && source[at] >= 0) {
                    buffer[to++] = (char) source[at++];
                }
                if (at == run) {
                    break;
                }
                int b1 = source[at];
                if ((b1 & 0xE0) == 0xC0 && (b1 & 0x1E) != 0 && at + 1 < end
                        && (source[at + 1] & 0xC0) == 0x80) {
                    buffer[to++] = (char) (((b1 & 0x1F) << 6) | (source[at + 1] & 0x3F));
                    at += 2;
                } else if ((b1 & 0xF0) == 0xE0 && at + 2 < end && (source[at + 1] & 0xC0) == 0x80
                        && (source[at + 2] & 0xC0) == 0x80) {
                    char c = (char) (((b1 & 0x0F) << 12) | ((source[at + 1] & 0x3F) << 6) | (source[at + 2] & 0x3F));
                    if (c < 0x800 || Character.isSurrogate(c)) {
                        // overlong or a surrogate: the JDK's decoder reports it
                        break;
                    }
                    buffer[to++] = c;
                    at += 3;
                } else {
                    break;
                }
            }
            bytes.position(at);
            return to - offset;
        }

        private int decode(char[] buffer, int offset, int length) throws IOException {
            CharBuffer target = CharBuffer.wrap(buffer, offset, length);
            while (target.position() == offset) {
                if (pendingError != null) {
                    throw invalid();
                }
                CoderResult result = decoder.decode(bytes, target, endOfInput);
                if (result.isError()) {
                    pendingError = result;
                } else if (result.isUnderflow()) {
                    if (endOfInput) {
                        if (decoder.flush(target).isError()) {
                            throw invalid();
                        }
                        if (target.position() == offset) {
                            return -1;
                        }
                    } else {
                        fill();
                    }
                }
            }
            return target.position() - offset;
        }

        private void fill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        private InvalidBytesException invalid() {
            return new InvalidBytesException("Invalid byte sequence for the encoding " + decoder.charset().name()
                    + ".");
        }

        /** Leaves the caller's stream open, as {@link javax.xml.stream.XMLStreamReader#close()} promises. */
        @Override
        public void close() {
            // the caller closes the stream it gave
        }
    }
}
