package de.ozgsdk.xoev.internal.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Copies attachment content as base64 (no line breaks) to an output stream in fixed chunks, counting the bytes and
 * computing their SHA-256 on the way, so that content of any size passes with a constant 256 KiB of buffers.
 *
 * <p>It writes ASCII bytes straight to the stream under the XML writer, which is correct because the message is
 * UTF-8 and base64 needs no escaping; this saves encoding 4/3 of the content as characters through the XML writer.
 */
public final class Base64ContentEncoder {

    /** Input chunk: a multiple of 3, so that only the last chunk produces padding. */
    private static final int CHUNK = 3 * 32 * 1024;

    private final byte[] input = new byte[CHUNK];
    private final byte[] output = new byte[CHUNK / 3 * 4];
    private final Base64.Encoder encoder = Base64.getEncoder();

    /** The size and SHA-256 of the copied content. */
    public record Copied(long size, byte[] sha256) {
    }

    /** Thrown when the source fails, to tell it apart from a failing target. */
    public static final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailure(IOException cause) {
            super(cause);
        }
    }

    /**
     * Encodes everything {@code in} delivers to {@code out}; closes neither.
     *
     * @throws SourceFailure if reading {@code in} fails
     * @throws IOException   if writing {@code out} fails
     */
    public Copied copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = Digests.sha256();
        long size = 0;
        while (true) {
            int read = fill(in);
            if (read == 0) {
                break;
            }
            digest.update(input, 0, read);
            size += read;
            int encoded = read == CHUNK ? encoder.encode(input, output) : encodeLast(read);
            out.write(output, 0, encoded);
            if (read < CHUNK) {
                break;
            }
        }
        return new Copied(size, digest.digest());
    }

    private int fill(InputStream in) throws SourceFailure {
        try {
            return in.readNBytes(input, 0, CHUNK);
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
    }

    private int encodeLast(int length) {
        byte[] last = Arrays.copyOf(input, length);
        return encoder.encode(last, output);
    }
}
