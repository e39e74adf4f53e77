package de.ozgsdk.xoev.internal.message;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes the characters of an {@code xs:base64Binary} element as they arrive in chunks and writes the bytes to a
 * sink, counting them and computing their SHA-256. It is as strict as the XML Schema datatype: only the base64
 * alphabet and XML white space, complete groups of four, at most two {@code =} and only at the end, and the unused
 * bits before the padding zero. The schema validator never sees this content (it would buffer all of it), so this
 * decoder is the check.
 */
public final class StrictBase64Decoder {

    /** Decoded per call of the JDK decoder; a multiple of 4. */
    private static final int CHUNK = 64 * 1024;
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    /** The content is not valid base64; the reason is a short technical phrase without content. */
    public static final class InvalidBase64 extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBase64(String reason) {
            super(reason);
        }
    }

    /** Writing to the sink failed. */
    public static final class SinkFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    private final Base64.Decoder decoder = Base64.getDecoder();
    private final byte[] pending = new byte[CHUNK];
    private final byte[] decoded = new byte[CHUNK / 4 * 3];
    private final MessageDigest digest = Digests.sha256();
    private final OutputStream sink;
    private int count;
    private int padding;
    private long size;

    public StrictBase64Decoder(OutputStream sink) {
        this.sink = sink;
    }

    /** Takes the next characters of the element's content. */
    public void accept(char[] chars, int offset, int length) throws InvalidBase64, SinkFailure {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                acceptPadding();
            } else if (c < 128 && VALUES[c] >= 0) {
                if (padding > 0) {
                    throw new InvalidBase64("data after the padding '='");
                }
                pending[count++] = (byte) c;
            } else {
                throw new InvalidBase64("character U+" + String.format("%04X", (int) c) + " is not base64");
            }
            if (count == CHUNK) {
                flush(pending);
            }
        }
    }

    private void acceptPadding() throws InvalidBase64 {
        int position = count % 4;
        if (padding == 0 && position < 2 || padding > 0 && position != 3 || padding == 2) {
            throw new InvalidBase64("padding '=' at a wrong position");
        }
        if (padding == 0) {
            checkUnusedBits(VALUES[pending[count - 1]], position == 2 ? 0x0f : 0x03);
        }
        padding++;
        pending[count++] = '=';
    }

    /**
     * Ends the content: checks that it ended on a complete group and writes the rest.
     *
     * @return the size and SHA-256 of the decoded content
     */
    public Base64ContentEncoder.Copied finish() throws InvalidBase64, SinkFailure {
        if (count % 4 != 0) {
            throw new InvalidBase64("length is not a multiple of 4");
        }
        if (count > 0) {
            flush(Arrays.copyOf(pending, count));
        }
        return new Base64ContentEncoder.Copied(size, digest.digest());
    }

    /** XML Schema allows only the canonical last character before padding (e.g. {@code QQ==}, never {@code QR==}). */
    private static void checkUnusedBits(int lastValue, int mask) throws InvalidBase64 {
        if ((lastValue & mask) != 0) {
            throw new InvalidBase64("non-zero bits before the padding");
        }
    }

    private void flush(byte[] quads) throws SinkFailure {
        int length = decoder.decode(quads, decoded);
        digest.update(decoded, 0, length);
        size += length;
        try {
            sink.write(decoded, 0, length);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
        count = 0;
    }
}
