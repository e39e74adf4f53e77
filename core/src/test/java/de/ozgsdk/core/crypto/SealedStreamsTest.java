package de.ozgsdk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.SecurityCheckException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealedStreamsTest {

    private static final int CHUNK = SealedStreams.CHUNK_BYTES;
    private static final int HEADER = 4 + 1 + 16;
    private static final byte[] CONTEXT = "upload:4711|tenant-a|owner-1".getBytes(StandardCharsets.UTF_8);
    private static final Sealer SEALER = Sealer.builder().key("2026-12", key(7)).build();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17})
    void opensWhatItSealedWhateverTheLength(int length) throws IOException {
        byte[] plain = random(length);

        byte[] sealed = seal(plain, CONTEXT);

        assertThat(open(sealed, CONTEXT)).isEqualTo(plain);
        assertThat(frames(sealed).size()).isEqualTo(Math.max(1, (length + CHUNK - 1) / CHUNK));
    }

    @Test
    void acceptsWritesOfAnySizeAndSingleBytes() throws IOException {
        byte[] plain = random(2 * CHUNK + 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealing = SealedStreams.sealing(SEALER, out, CONTEXT)) {
            sealing.write(plain[0]);
            sealing.write(plain, 1, CHUNK + 3);
            sealing.write(plain, CHUNK + 4, plain.length - CHUNK - 4);
        }
        try (InputStream in = SealedStreams.opening(SEALER, new ByteArrayInputStream(out.toByteArray()), CONTEXT)) {
            assertThat(in.read()).isEqualTo(plain[0] & 0xff);
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plain, 1, plain.length));
        }
    }

    @Test
    void refusesAStreamCutOffAfterAWholeFrame() throws IOException {
        byte[] sealed = seal(random(2 * CHUNK + 10), CONTEXT);
        List<byte[]> frames = frames(sealed);

        byte[] withoutLast = join(header(sealed), frames.get(0), frames.get(1));

        assertThatThrownBy(() -> open(withoutLast, CONTEXT)).isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_STREAM_TRUNCATED));
    }

    @Test
    void refusesAStreamCutOffInsideAFrame() throws IOException {
        byte[] sealed = seal(random(CHUNK + 10), CONTEXT);

        byte[] cut = Arrays.copyOf(sealed, sealed.length - 5);

        assertThatThrownBy(() -> open(cut, CONTEXT)).isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_STREAM_TRUNCATED));
    }

    @Test
    void refusesAFrameMarkedLastWhenItWasNot() throws IOException {
        byte[] sealed = seal(random(2 * CHUNK + 10), CONTEXT);
        List<byte[]> frames = frames(sealed);
        byte[] first = frames.get(0).clone();
        first[0] = 1;

        assertThatThrownBy(() -> open(join(header(sealed), first), CONTEXT))
                .isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_DATA_TAMPERED));
    }

    @Test
    void refusesReorderedFrames() throws IOException {
        byte[] sealed = seal(random(3 * CHUNK + 10), CONTEXT);
        List<byte[]> frames = frames(sealed);

        byte[] swapped = join(header(sealed), frames.get(1), frames.get(0), frames.get(2), frames.get(3));

        assertThatThrownBy(() -> open(swapped, CONTEXT)).isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_DATA_TAMPERED));
    }

    @Test
    void refusesAFrameTakenFromAnotherStreamOfTheSameContext() throws IOException {
        byte[] one = seal(random(CHUNK + 10), CONTEXT);
        byte[] other = seal(random(CHUNK + 10), CONTEXT);

        byte[] mixed = join(header(one), frames(one).get(0), frames(other).get(1));

        assertThatThrownBy(() -> open(mixed, CONTEXT)).isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_DATA_TAMPERED));
    }

    @Test
    void refusesBytesAfterTheLastFrame() throws IOException {
        byte[] sealed = seal(random(10), CONTEXT);

        byte[] extended = join(sealed, new byte[] {0});

        assertThatThrownBy(() -> open(extended, CONTEXT)).isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_DATA_MALFORMED));
    }

    @Test
    void refusesAnotherContext() throws IOException {
        byte[] sealed = seal(random(10), CONTEXT);

        assertThatThrownBy(() -> open(sealed, "upload:4712|tenant-a|owner-1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((SecurityCheckException) e).code())
                        .isEqualTo(SealError.SEALED_DATA_TAMPERED));
    }

    @Test
    void refusesAnAlteredCiphertextByte() throws IOException {
        byte[] sealed = seal(random(100), CONTEXT);
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> open(sealed, CONTEXT)).isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void opensWithAnOlderKeyAfterRotation() throws IOException {
        byte[] plain = random(CHUNK + 1);
        byte[] sealed = seal(plain, CONTEXT);
        Sealer rotated = Sealer.builder().key("2026-12", key(7)).key("2027-01", key(8)).build();

        try (InputStream in = SealedStreams.opening(rotated, new ByteArrayInputStream(sealed), CONTEXT)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    private static byte[] seal(byte[] plain, byte[] context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealing = SealedStreams.sealing(SEALER, out, context)) {
            sealing.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] open(byte[] sealed, byte[] context) throws IOException {
        try (InputStream in = SealedStreams.opening(SEALER, new ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }

    private static byte[] header(byte[] sealed) {
        return Arrays.copyOf(sealed, HEADER);
    }

    /** The frames (flag, length, sealed message) after the header. */
    private static List<byte[]> frames(byte[] sealed) {
        List<byte[]> frames = new ArrayList<>();
        int at = HEADER;
        while (at < sealed.length) {
            int length = ByteBuffer.wrap(sealed, at + 1, 4).getInt();
            frames.add(Arrays.copyOfRange(sealed, at, at + 5 + length));
            at += 5 + length;
        }
        return frames;
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
