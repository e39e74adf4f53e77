package de.ozgsdk.portal.upload;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.portal.PortalError;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The limits the portal applies to uploaded documents, beside each field's own XDatenfelder {@code maxSize} and
 * {@code mediaType}: the stricter of the field's and these applies.
 */
public final class UploadLimits {

    private static final long MIB = 1024L * 1024;
    private static final Pattern MEDIA_RANGE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/([a-z0-9][a-z0-9.+-]*|\\*)");

    private final long maxFileBytes;
    private final int maxFilesPerField;
    private final int maxFilesPerApplication;
    private final long maxApplicationBytes;
    private final long maxPdfCheckBytes;
    private final List<String> defaultMediaTypes;
    private final boolean acceptUnscanned;

    private UploadLimits(Builder b) {
        this.maxFileBytes = b.maxFileBytes;
        this.maxFilesPerField = b.maxFilesPerField;
        this.maxFilesPerApplication = b.maxFilesPerApplication;
        this.maxApplicationBytes = b.maxApplicationBytes;
        this.maxPdfCheckBytes = b.maxPdfCheckBytes;
        this.defaultMediaTypes = List.copyOf(b.defaultMediaTypes);
        this.acceptUnscanned = b.acceptUnscanned;
    }

    /** The defaults: see the methods of {@link Builder}. */
    public static UploadLimits defaults() {
        return builder().build();
    }

    /** Starts with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most bytes of one document. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** The most documents in one repeatable file field (a non-repeatable field holds one; a new one replaces it). */
    public int maxFilesPerField() {
        return maxFilesPerField;
    }

    /** The most documents in one application. */
    public int maxFilesPerApplication() {
        return maxFilesPerApplication;
    }

    /** The most bytes of all documents of one application together. */
    public long maxApplicationBytes() {
        return maxApplicationBytes;
    }

    /** The largest PDF whose structure is checked (PDFBox parses it in memory); a larger PDF is refused. */
    public long maxPdfCheckBytes() {
        return maxPdfCheckBytes;
    }

    /** The media types allowed in a file field whose schema names none. */
    public List<String> defaultMediaTypes() {
        return defaultMediaTypes;
    }

    /** Whether a document is accepted unscanned while the scanner is unreachable (scanned again before submit). */
    public boolean acceptUnscanned() {
        return acceptUnscanned;
    }

    /** Sets the limits; every setter checks its argument. */
    public static final class Builder {
        private long maxFileBytes = 20 * MIB;
        private int maxFilesPerField = 10;
        private int maxFilesPerApplication = 20;
        private long maxApplicationBytes = 50 * MIB;
        private long maxPdfCheckBytes = 20 * MIB;
        private List<String> defaultMediaTypes = List.of("application/pdf", "image/jpeg", "image/png");
        private boolean acceptUnscanned;

        private Builder() {
        }

        /** The most bytes of one document (default 20 MiB). */
        public Builder maxFileBytes(long bytes) {
            this.maxFileBytes = positive(bytes, "maxFileBytes");
            return this;
        }

        /** The most documents in one repeatable file field (default 10). */
        public Builder maxFilesPerField(int count) {
            this.maxFilesPerField = (int) positive(count, "maxFilesPerField");
            return this;
        }

        /** The most documents in one application (default 20). */
        public Builder maxFilesPerApplication(int count) {
            this.maxFilesPerApplication = (int) positive(count, "maxFilesPerApplication");
            return this;
        }

        /** The most bytes of all documents of one application (default 50 MiB). */
        public Builder maxApplicationBytes(long bytes) {
            this.maxApplicationBytes = positive(bytes, "maxApplicationBytes");
            return this;
        }

        /** The largest PDF checked and so accepted (default 20 MiB; it is parsed in memory). */
        public Builder maxPdfCheckBytes(long bytes) {
            this.maxPdfCheckBytes = positive(bytes, "maxPdfCheckBytes");
            return this;
        }

        /**
         * The media types (e.g. {@code application/pdf}, {@code image/*}) allowed in a file field whose schema names
         * none (default PDF, JPEG and PNG).
         */
        public Builder defaultMediaTypes(List<String> mediaTypes) {
            Objects.requireNonNull(mediaTypes, "mediaTypes");
            if (mediaTypes.isEmpty()) {
                throw invalid("defaultMediaTypes", "at least one media type");
            }
            for (String type : mediaTypes) {
                if (type == null || !MEDIA_RANGE.matcher(type.toLowerCase(Locale.ROOT)).matches()) {
                    throw invalid("defaultMediaTypes", "type/subtype or type/*, not " + type);
                }
            }
            this.defaultMediaTypes = mediaTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            return this;
        }

        /**
         * Whether a document is accepted unscanned while the virus scanner is unreachable (default false: refused
         * with "try again later"). When true, {@link Uploads#rescanUnscanned()} must run, and submit scans every
         * unscanned document first.
         */
        public Builder acceptUnscanned(boolean accept) {
            this.acceptUnscanned = accept;
            return this;
        }

        /** The limits. */
        public UploadLimits build() {
            return new UploadLimits(this);
        }

        private static long positive(long value, String name) {
            if (value < 1) {
                throw invalid(name, "at least 1, is " + value);
            }
            return value;
        }

        private static ConfigurationException invalid(String name, String expected) {
            return new ConfigurationException(PortalError.UPLOAD_CONFIGURATION_INVALID, name, expected);
        }
    }
}
