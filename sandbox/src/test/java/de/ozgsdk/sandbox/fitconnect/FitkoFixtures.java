package de.ozgsdk.sandbox.fitconnect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The official FIT-Connect API descriptions and schemas in {@code shared/fixtures/fitko} (read in place, never copied):
 * the folder named by {@code OZG_FIXTURES_DIR}, else {@code shared/fixtures} in the working directory or above it.
 * Missing material skips a test locally and fails it under {@code CI}.
 */
final class FitkoFixtures {

    private FitkoFixtures() {
    }

    /** A file under {@code fitko/fit-connect/}, e.g. {@code submission-api/1.1.3/submission-api.yaml}. */
    static Path require(String relative) {
        Optional<Path> root = root();
        if (root.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("shared/fixtures/fitko was not found above " + Path.of("").toAbsolutePath()
                    + " and OZG_FIXTURES_DIR is not set (CI is set, so this is a failure, not a skip)");
        }
        assumeTrue(root.isPresent(), "shared/fixtures/fitko not found: test skipped");
        Path file = root.get().resolve("fit-connect").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing from the shared FIT-Connect fixtures");
        }
        return file;
    }

    private static Optional<Path> root() {
        String configured = System.getenv("OZG_FIXTURES_DIR");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).resolve("fitko")).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path fitko = dir.resolve("shared").resolve("fixtures").resolve("fitko");
            if (Files.isDirectory(fitko)) {
                return Optional.of(fitko);
            }
        }
        return Optional.empty();
    }
}
