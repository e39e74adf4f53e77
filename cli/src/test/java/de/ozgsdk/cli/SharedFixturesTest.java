package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Conformance: the commands work on every real public FIM file in {@code shared/fixtures/fim} (read in place, never
 * copied), leniently imported. Skipped when the fixtures are not there, a failure under {@code CI}
 * ({@link SharedFixtures}).
 */
class SharedFixturesTest {

    @Test
    void inspectsEveryRealFixture() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file : realSchemas()) {
            CliRun result = run("fim", "inspect", "--json", "--lenient", file.toString());
            assertThat(result.exitCode()).as(file + ": " + result.err()).isZero();
            assertThat(json.readTree(result.out()).get("counts").get("fields").asInt()).as(file.toString())
                    .isPositive();
        }
    }

    @Test
    void validatesEmptyDataAgainstEveryRealFixtureWithItsFimRules() throws IOException {
        String empty = CliRun.fixture("data/empty.json");
        for (Path file : realSchemas()) {
            CliRun result = run("fim", "validate", "--lenient", file.toString(), empty);
            assertThat(result.exitCode()).as(file + ": " + result.err()).isIn(0, 1);
            assertThat(result.err()).as(file.toString()).doesNotContain("[OZG-CLI-901]");
        }
    }

    @Test
    void exportsEveryRealFixtureAsJsonSchema() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file : realSchemas()) {
            CliRun result = run("fim", "json-schema", "--lenient", file.toString());
            assertThat(result.exitCode()).as(file + ": " + result.err()).isZero();
            assertThat(json.readTree(result.out()).get("$schema").asText()).as(file.toString()).contains("2020-12");
        }
    }

    private static List<Path> realSchemas() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedFixtures.requireFim())) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files;
    }
}
