package de.ozgsdk.core.internal.xml;

import java.io.IOException;

/** Thrown by the size-limited streams; an {@link IOException} so that every parser passes it through as the cause. */
final class DocumentTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    DocumentTooLargeException(long maxBytes) {
        super("document exceeds " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }
}
