package de.ozgsdk.xoev.internal.xml;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes text as UTF-8 to a stream in blocks, straight from a {@link CharSequence}: a written document goes to the
 * caller's stream without first becoming a {@code String} and then a byte array of its own size. The text must be
 * well-formed UTF-16 (a document checked by {@link XmlChars} is); an unpaired surrogate is written as {@code ?}, as
 * {@link String#getBytes(java.nio.charset.Charset)} writes it.
 */
public final class Utf8 {

    private static final int BLOCK = 8192;

    private Utf8() {
    }

    /** Writes the text; the stream is neither flushed nor closed. */
    public static void write(CharSequence text, OutputStream out) throws IOException {
        byte[] block = new byte[BLOCK];
        int n = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (n > BLOCK - 4) {
                out.write(block, 0, n);
                n = 0;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                block[n++] = (byte) c;
            } else if (c < 0x800) {
                block[n++] = (byte) (0xC0 | c >> 6);
                block[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                block[n++] = (byte) (0xF0 | cp >> 18);
                block[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                block[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                block[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                block[n++] = '?';
            } else {
                block[n++] = (byte) (0xE0 | c >> 12);
                block[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                block[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out.write(block, 0, n);
    }
}
