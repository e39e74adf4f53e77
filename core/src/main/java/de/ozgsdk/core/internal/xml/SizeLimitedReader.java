package de.ozgsdk.core.internal.xml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails with {@link DocumentTooLargeException} once more than a maximum number of characters has been read; for
 * character input the byte limit is applied to characters, which is at least as strict.
 */
final class SizeLimitedReader extends FilterReader {

    private final long maxChars;
    private long count;

    SizeLimitedReader(Reader in, long maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws DocumentTooLargeException {
        count += n;
        if (count > maxChars) {
            throw new DocumentTooLargeException(maxChars);
        }
    }
}
