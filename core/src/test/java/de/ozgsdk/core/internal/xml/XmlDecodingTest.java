package de.ozgsdk.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reader's own UTF-8 decoding gives exactly what the JDK's strict decoder gives: the same characters, and at bad
 * bytes the characters before them, then {@link XmlDecoding.InvalidBytesException}.
 */
class XmlDecodingTest {

    private static final String[] PIECES = {"a", "<feld>", "\n    ", "ä", "ß", "€", "ẞ", "\u07FF", "\u0800", "\uFFFD",
        "😀", "Ǆ", "&amp;", "\u0000"};
    private static final byte[][] BAD = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xFF},
        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3, (byte) 0x28}};

    @Test
    void decodesUtf8AsTheJdkDoesAcrossBufferBoundariesAndReadSizes() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = document(random, random.nextInt(12_000)).getBytes(StandardCharsets.UTF_8);
            assertThat(readAll(bytes, random)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void handsOutTheCharactersBeforeBadBytesThenRefuses() throws IOException {
        Random random = new Random(12);
        for (int round = 0; round < 300; round++) {
            byte[] good = document(random, random.nextInt(12_000)).getBytes(StandardCharsets.UTF_8);
            byte[] bad = BAD[random.nextInt(BAD.length)];
            byte[] tail = document(random, random.nextInt(50)).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[good.length + bad.length + tail.length];
            System.arraycopy(good, 0, bytes, 0, good.length);
            System.arraycopy(bad, 0, bytes, good.length, bad.length);
            System.arraycopy(tail, 0, bytes, good.length + bad.length, tail.length);
            String expected = jdkPrefix(bytes);
            StringBuilder read = new StringBuilder();
            Reader reader = XmlDecoding.reader(new ByteArrayInputStream(bytes));
            assertThatThrownBy(() -> drain(reader, read, random)).isInstanceOf(XmlDecoding.InvalidBytesException.class)
                    .hasMessageContaining("UTF-8");
            assertThat(read.toString()).isEqualTo(expected);
        }
    }

    @Test
    void readsCharactersBeyondTheBmpOneCharAtATime() {
        byte[] bytes = "<a>😀ä😀</a>".getBytes(StandardCharsets.UTF_8);
        // the decoder cannot put a surrogate pair into one char: this used to loop forever
        String read = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Reader reader = XmlDecoding.reader(new ByteArrayInputStream(bytes));
            StringBuilder chars = new StringBuilder();
            char[] one = new char[1];
            while (reader.read(one, 0, 1) > 0) {
                chars.append(one[0]);
            }
            return chars.toString();
        });
        assertThat(read).isEqualTo("<a>😀ä😀</a>");
    }

    private static String document(Random random, int length) {
        StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        while (text.length() < length) {
            // mostly ASCII, as real documents are, with runs of multi-byte characters
            String piece = PIECES[random.nextInt(4) == 0 ? random.nextInt(PIECES.length) : random.nextInt(3)];
            text.append(piece);
        }
        return text.toString();
    }

    private static String readAll(byte[] bytes, Random random) throws IOException {
        StringBuilder read = new StringBuilder();
        drain(XmlDecoding.reader(new ByteArrayInputStream(bytes)), read, random);
        return read.toString();
    }

    private static void drain(Reader reader, StringBuilder into, Random random) throws IOException {
        char[] buffer = new char[9000];
        while (true) {
            int offset = random.nextInt(3);
            int n = reader.read(buffer, offset, 1 + random.nextInt(random.nextBoolean() ? 8 : 8000));
            if (n < 0) {
                return;
            }
            into.append(buffer, offset, n);
        }
    }

    /** What the JDK's strict decoder gives before the first bad bytes. */
    private static String jdkPrefix(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), chars, true);
        assertThat(result.isError()).isTrue();
        return chars.flip().toString();
    }
}
