package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OzgCommandTest {

    @Test
    void helpDescribesTheToolItsCommandsAndExitCodes() {
        CliRun result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: ozg").contains("Tools of the OZG SDK for IT providers")
                .contains("fim").contains("Exit codes").contains("3 = internal error");
    }

    @Test
    void fimHelpListsItsCommands() {
        CliRun result = run("fim", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("inspect").contains("validate").contains("json-schema")
                .contains("render").doesNotContain("package");
    }

    @Test
    void versionNamesTheSdk() {
        CliRun result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("ozg (OZG SDK)");
    }

    @Test
    void callWithoutCommandIsAUsageError() {
        CliRun result = run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command");
    }

    @Test
    void fimWithoutCommandIsAUsageError() {
        CliRun result = run("fim");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command").contains("inspect");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun result = run("--no-such-option");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option");
    }

    @Test
    void unsupportedLocaleIsAUsageError() {
        CliRun result = run("fim", "inspect", "--locale", "fr", CliRun.fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'fr' is not a supported language; use de or en");
    }
}
