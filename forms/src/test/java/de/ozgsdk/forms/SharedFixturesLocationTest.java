package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedFixturesLocationTest {

    @TempDir
    Path dir;

    @Test
    void findsSharedFixturesAboveTheWorkingDirectory() throws IOException {
        Path fim = Files.createDirectories(dir.resolve("shared/fixtures/fim"));
        Path module = Files.createDirectories(dir.resolve("repo/forms"));

        assertThat(SharedFixtures.locate(Map.of(), module)).contains(fim);
    }

    @Test
    void explicitDirectoryWinsOverTheSearch() throws IOException {
        Files.createDirectories(dir.resolve("repo/shared/fixtures/fim"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/fim"));

        assertThat(SharedFixtures.locate(Map.of("OZG_FIXTURES_DIR", dir.resolve("elsewhere").toString()),
                dir.resolve("repo"))).contains(elsewhere);
    }

    @Test
    void explicitDirectoryWithoutFimFailsEvenLocally() {
        assertThatThrownBy(() -> SharedFixtures.locate(Map.of("OZG_FIXTURES_DIR", dir.toString()), dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OZG_FIXTURES_DIR=" + dir)
                .hasMessageContaining("fim");
    }

    @Test
    void missingFixturesAreEmptyLocallyButAFailureUnderCi() {
        assertThat(SharedFixtures.locate(Map.of(), dir)).isEmpty();
        assertThatThrownBy(() -> SharedFixtures.locate(Map.of("CI", "true"), dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OZG_FIXTURES_DIR");
    }
}
