package de.ozgsdk.portal.pkg;

import java.util.Objects;

/**
 * One file of a loaded service package.
 *
 * @param path   its path inside the package, with {@code /} as separator
 * @param size   its size in bytes
 * @param sha256 the SHA-256 of its content, lower-case hex
 */
public record PackageFile(String path, long size, String sha256) {

    /** Checks that every part is present. */
    public PackageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
