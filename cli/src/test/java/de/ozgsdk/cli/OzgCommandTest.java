package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OzgCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new OzgCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpDescribesTheToolAndItsExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ozg").contains("Tools of the OZG SDK for IT providers").contains("Exit codes");
    }

    @Test
    void versionNamesTheSdk() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("ozg (OZG SDK)");
    }

    @Test
    void callWithoutCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }
}
