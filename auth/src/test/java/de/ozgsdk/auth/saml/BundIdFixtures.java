package de.ozgsdk.auth.saml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The BundID samples of the shared fixtures (read in place, never copied into the project): the folder
 * {@code bundid} under {@code OZG_FIXTURES_DIR}, else under {@code shared/fixtures} in the working directory or
 * above it. Missing samples skip a test locally and fail it under {@code CI}.
 */
final class BundIdFixtures {

    private BundIdFixtures() {
    }

    /** A file of the BundID samples, e.g. {@code response-assertion-sample.xml}. */
    static Path require(String name) {
        Path file = folder().resolve(name);
        if (!Files.isRegularFile(file)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(file + " is missing (CI is set, so this is a failure, not a skip)");
            }
            assumeTrue(false, file + " is missing: set OZG_FIXTURES_DIR to the shared fixtures; test skipped");
        }
        return file;
    }

    private static Path folder() {
        String configured = System.getenv("OZG_FIXTURES_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).resolve("bundid");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path bundId = dir.resolve("shared").resolve("fixtures").resolve("bundid");
            if (Files.isDirectory(bundId)) {
                return bundId;
            }
        }
        return Path.of("shared", "fixtures", "bundid");
    }
}
