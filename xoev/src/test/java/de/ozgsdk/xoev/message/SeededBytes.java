package de.ozgsdk.xoev.message;

import java.io.InputStream;
import java.util.SplittableRandom;

/** A deterministic stream of pseudo-random bytes of a given length, generated on the fly (never held). */
final class SeededBytes extends InputStream {

    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    SeededBytes(long size, long seed) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        int count = (int) Math.min(length, remaining);
        for (int i = offset; i < offset + count; i++) {
            if (wordBytes == 0) {
                word = random.nextLong();
                wordBytes = 8;
            }
            buffer[i] = (byte) word;
            word >>>= 8;
            wordBytes--;
        }
        remaining -= count;
        return count;
    }
}
