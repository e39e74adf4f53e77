package de.ozgsdk.cli.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.cli.OzgCommand;
import de.ozgsdk.forms.SharedFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code sample of the cli's Javadoc, run in-process against the real Bewohnerparkausweis schema of
 * {@code shared/fixtures/fim}: the region is copied verbatim into the Javadoc (checked by DocSnippetsTest in the
 * examples module), and the assertions after it prove what the sample's comments claim.
 */
class CliSnippetsTest {

    @TempDir
    Path dir;

    @Test
    void commandLineRunsInProcessAndReturnsTheExitCode() {
        Path fim = SharedFixtures.requireFim();

        // @start region="ozg-command"
        CommandLine cli = OzgCommand.newCommandLine();
        StringWriter report = new StringWriter();
        cli.setOut(new PrintWriter(report));
        String file = fim.resolve("xdf2/S05000058V1.0_xdf2.xml").toString();
        int exitCode = cli.execute("fim", "inspect", "--json", file);  // 0, 1, 2 or 3; the report is JSON
        // @end

        assertThat(exitCode).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(report.toString());
        assertThat(json.toString()).contains("S05000058");
        CommandLine again = OzgCommand.newCommandLine();
        again.setErr(new PrintWriter(new StringWriter()));
        assertThat(again.execute("fim", "inspect", "--json", dir.resolve("missing.xml").toString())).isEqualTo(2);
    }
}
