package de.ozgsdk.forms;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shared real FIM material lies for the conformance tests (read in place, never copied into the project):
 * the folder named by {@code OZG_FIXTURES_DIR}, else {@code shared/fixtures} in the working directory or above it.
 * Missing material skips a test locally; under {@code CI} it fails the test, so that a CI run never passes with the
 * conformance tests silently skipped.
 */
public final class SharedFixtures {

    /** Environment variable naming the fixtures folder (the one holding {@code fim/}). */
    public static final String DIR_VARIABLE = "OZG_FIXTURES_DIR";

    private SharedFixtures() {
    }

    /** The {@code fim} folder; skips the calling test when it is missing, fails it under {@code CI}. */
    public static Path requireFim() {
        Optional<Path> fim = fim();
        assumeTrue(fim.isPresent(), () -> missing(Path.of("").toAbsolutePath()) + "; test skipped");
        return fim.get();
    }

    /** A file under the {@code fim} folder, e.g. {@code xdf2/S05000058V1.0_xdf2.xml}; skips or fails as above. */
    public static Path requireFimFile(String relative) {
        Path file = requireFim().resolve(relative);
        if (!Files.isRegularFile(file)) {
            failOnCi(file + " is not in the shared fixtures");
            assumeTrue(false, file + " is not in the shared fixtures: test skipped");
        }
        return file;
    }

    /**
     * The {@code fim} folder if it is there (for tests that add real files to their own cases); under {@code CI} a
     * missing folder fails instead of returning empty.
     */
    public static Optional<Path> fim() {
        return locate(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** {@link #fim()} for a given environment and working directory. */
    static Optional<Path> locate(Map<String, String> env, Path workingDirectory) {
        String configured = env.get(DIR_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path fim = Path.of(configured).resolve("fim");
            if (!Files.isDirectory(fim)) {
                // An explicit setting that is wrong is a mistake to report, locally as on CI.
                throw new AssertionError(DIR_VARIABLE + "=" + configured + " has no fim folder; point it at the"
                        + " fixtures folder that holds fim/ (e.g. /work/shared/fixtures)");
            }
            return Optional.of(fim);
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path fim = dir.resolve("shared").resolve("fixtures").resolve("fim");
            if (Files.isDirectory(fim)) {
                return Optional.of(fim);
            }
        }
        if (env.get("CI") != null) {
            throw new AssertionError(missing(workingDirectory) + " (CI is set, so this is a failure, not a skip)");
        }
        return Optional.empty();
    }

    private static void failOnCi(String what) {
        if (System.getenv("CI") != null) {
            throw new AssertionError(what + " (CI is set, so this is a failure, not a skip)");
        }
    }

    private static String missing(Path workingDirectory) {
        return "the shared FIM fixtures were not found: set " + DIR_VARIABLE + " to the fixtures folder (holding fim/)"
                + " or put shared/fixtures in or above " + workingDirectory;
    }
}
