package de.ozgsdk.core.crypto;

import de.ozgsdk.core.SecurityCheckException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Seals a stream of any length in chunks with a {@link Sealer}, so that neither side ever holds more than one chunk
 * (64 KiB) in memory: for documents of hundreds of megabytes that must be encrypted at rest.
 * {@link #sealing} wraps the target of an upload, {@link #opening} the source when the document is read again.
 *
 * <p>Format (version 1): the magic {@code OZGS} and a version byte, a random 16-byte stream id, then frames. Each frame
 * is one flag byte ({@code 1} on the last frame, else {@code 0}), a 4-byte big-endian length and a message of
 * {@link Sealer#seal} over at most 64 KiB of plaintext. The associated data of each frame is the caller's context,
 * the stream id, the frame's index (8 bytes) and its flag: a frame moved to another position or another stream, a
 * frame cut off at the end (no last flag) and bytes after the last frame are all detected while reading. Every
 * frame uses a fresh random IV, so the {@link Sealer}'s limit of 2^32 messages per key counts frames (256 TiB of
 * 64 KiB frames): rotate keys anyway.
 */
public final class SealedStreams {

    /** The plaintext bytes per frame (the last frame may be shorter, even empty). */
    public static final int CHUNK_BYTES = 64 * 1024;

    private static final byte[] MAGIC = "OZGS".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int STREAM_ID_BYTES = 16;
    private static final int MAX_FRAME_BYTES = CHUNK_BYTES + 2 + 64 + 12 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedStreams() {
    }

    /**
     * An output stream that seals what is written to it into {@code target}; {@link OutputStream#close()} writes the
     * last frame and closes {@code target}. Nothing is complete before close: a stream never closed reads as cut off.
     */
    public static OutputStream sealing(Sealer sealer, OutputStream target, byte[] context) {
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(context, "context");
        return new SealingStream(sealer, target, context.clone());
    }

    /**
     * An input stream of the plaintext of what {@link #sealing} wrote into {@code source} with the same context;
     * reading throws {@link SecurityCheckException} ({@link SealError#SEALED_DATA_TAMPERED},
     * {@link SealError#SEALED_DATA_MALFORMED} or {@link SealError#SEALED_STREAM_TRUNCATED}) as soon as a frame fails
     * its check, so no unchecked byte is ever returned. Closing it closes {@code source}.
     */
    public static InputStream opening(Sealer sealer, InputStream source, byte[] context) {
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(context, "context");
        return new OpeningStream(sealer, source, context.clone());
    }

    private static byte[] frameContext(byte[] context, byte[] streamId, long index, boolean last) {
        return ByteBuffer.allocate(context.length + STREAM_ID_BYTES + 9).put(context).put(streamId).putLong(index)
                .put((byte) (last ? 1 : 0)).array();
    }

    private static final class SealingStream extends FilterOutputStream {
        private final Sealer sealer;
        private final byte[] context;
        private final byte[] streamId = new byte[STREAM_ID_BYTES];
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private long index;
        private boolean headerWritten;
        private boolean closed;

        SealingStream(Sealer sealer, OutputStream target, byte[] context) {
            super(target);
            this.sealer = sealer;
            this.context = context;
            RANDOM.nextBytes(streamId);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("stream closed");
            }
            int at = off;
            int left = len;
            while (left > 0) {
                if (filled == CHUNK_BYTES) {
                    // only now is it known that more follows: the full buffer is not the last frame
                    frame(false);
                }
                int n = Math.min(left, CHUNK_BYTES - filled);
                System.arraycopy(b, at, buffer, filled, n);
                filled += n;
                at += n;
                left -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (OutputStream target = out) {
                frame(true);
                target.flush();
            } finally {
                Arrays.fill(buffer, (byte) 0);
            }
        }

        private void frame(boolean last) throws IOException {
            if (!headerWritten) {
                out.write(MAGIC);
                out.write(VERSION);
                out.write(streamId);
                headerWritten = true;
            }
            byte[] sealed = sealer.seal(Arrays.copyOf(buffer, filled), frameContext(context, streamId, index, last));
            out.write(last ? 1 : 0);
            out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
            out.write(sealed);
            index++;
            filled = 0;
        }
    }

    private static final class OpeningStream extends InputStream {
        private final Sealer sealer;
        private final DataInputStream in;
        private final byte[] context;
        private byte[] streamId;
        private byte[] chunk = new byte[0];
        private int position;
        private long index;
        private boolean lastSeen;

        OpeningStream(Sealer sealer, InputStream source, byte[] context) {
            this.sealer = sealer;
            this.in = new DataInputStream(source);
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (lastSeen) {
                    return -1;
                }
                nextFrame();
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void nextFrame() throws IOException {
            if (streamId == null) {
                readHeader();
            }
            int flag = in.read();
            if (flag < 0) {
                throw new SecurityCheckException(SealError.SEALED_STREAM_TRUNCATED, index);
            }
            if (flag > 1) {
                throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "frame flag " + flag);
            }
            int length;
            byte[] sealed;
            try {
                length = in.readInt();
                if (length < 0 || length > MAX_FRAME_BYTES) {
                    throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "frame length " + length);
                }
                sealed = in.readNBytes(length);
            } catch (EOFException e) {
                throw new SecurityCheckException(SealError.SEALED_STREAM_TRUNCATED, e, index);
            }
            if (sealed.length < length) {
                throw new SecurityCheckException(SealError.SEALED_STREAM_TRUNCATED, index);
            }
            boolean last = flag == 1;
            chunk = sealer.open(sealed, frameContext(context, streamId, index, last));
            position = 0;
            index++;
            if (last) {
                lastSeen = true;
                if (in.read() >= 0) {
                    throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "bytes after the last frame");
                }
            }
        }

        private void readHeader() throws IOException {
            byte[] header = in.readNBytes(MAGIC.length + 1 + STREAM_ID_BYTES);
            if (header.length < MAGIC.length + 1 + STREAM_ID_BYTES) {
                throw new SecurityCheckException(SealError.SEALED_STREAM_TRUNCATED, 0);
            }
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new SecurityCheckException(SealError.SEALED_DATA_MALFORMED, "not a sealed stream");
            }
            if (header[MAGIC.length] != VERSION) {
                throw new SecurityCheckException(SealError.SEALED_FORMAT_UNSUPPORTED, header[MAGIC.length] & 0xff);
            }
            streamId = Arrays.copyOfRange(header, MAGIC.length + 1, header.length);
        }
    }

}
