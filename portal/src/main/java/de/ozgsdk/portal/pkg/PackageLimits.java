package de.ozgsdk.portal.pkg;

/**
 * Limits of reading a service package, against zip bombs and runaway directories: a package beyond them is refused
 * ({@code OZG-PORTAL-113}) before anything in it is parsed. The limits count what is actually read (uncompressed),
 * not what a zip's directory claims.
 *
 * @param maxEntries    the most entries (files and directories) of a package
 * @param maxFileBytes  the largest file, uncompressed
 * @param maxTotalBytes the most bytes of all files together, uncompressed
 */
public record PackageLimits(int maxEntries, long maxFileBytes, long maxTotalBytes) {

    /** 1,000 entries, 16 MiB per file, 64 MiB in all: far above a real service (a FIM form is well under 1 MiB). */
    public static final PackageLimits DEFAULT = new PackageLimits(1_000, 16L << 20, 64L << 20);

    /** Checks that every limit is positive and a file may not exceed the total. */
    public PackageLimits {
        if (maxEntries < 1 || maxFileBytes < 1 || maxTotalBytes < maxFileBytes) {
            throw new IllegalArgumentException("limits must be positive and maxTotalBytes >= maxFileBytes: "
                    + maxEntries + ", " + maxFileBytes + ", " + maxTotalBytes);
        }
    }
}
