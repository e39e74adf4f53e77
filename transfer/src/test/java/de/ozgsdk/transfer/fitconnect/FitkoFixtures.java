package de.ozgsdk.transfer.fitconnect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The official FITKO files (metadata schema, Submission API description) for the conformance checks, read in place
 * from the shared fixtures: the folder named by {@code OZG_FIXTURES_DIR}, else {@code shared/fixtures} in or above the
 * working directory. Missing files skip a test locally and fail it under {@code CI}.
 */
public final class FitkoFixtures {

    public static final String METADATA_SCHEMA = "fit-connect/metadata/2.1.0/metadata.schema.json";
    static final String SUBMISSION_API = "fit-connect/submission-api/1.1.3/submission-api.yaml";
    static final String ROUTING_API = "fit-connect/routing-api/2.0.0/routing-api.yaml";

    private FitkoFixtures() {
    }

    /** The file at {@code relative} under {@code fitko/}; skips the test (fails it under CI) when missing. */
    public static Path require(String relative) {
        Optional<Path> file = fitko().map(dir -> dir.resolve(relative)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            String what = "the FITKO fixture " + relative + " was not found: set OZG_FIXTURES_DIR to the fixtures"
                    + " folder (holding fitko/) or put shared/fixtures in or above " + Path.of("").toAbsolutePath();
            if (System.getenv("CI") != null) {
                throw new AssertionError(what + " (CI is set, so this is a failure, not a skip)");
            }
            assumeTrue(false, what + "; test skipped");
        }
        return file.get();
    }

    private static Optional<Path> fitko() {
        String configured = System.getenv("OZG_FIXTURES_DIR");
        if (configured != null && !configured.isBlank()) {
            Path fitko = Path.of(configured).resolve("fitko");
            if (!Files.isDirectory(fitko)) {
                throw new AssertionError("OZG_FIXTURES_DIR=" + configured + " has no fitko folder");
            }
            return Optional.of(fitko);
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
