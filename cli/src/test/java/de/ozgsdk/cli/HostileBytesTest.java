package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIM file with bytes that are not UTF-8, or with a text node beyond the importer's limit, ends with exit code 2
 * and the SDK's one message; nothing else reaches the process's {@code System.err} (the JDK's parser used to print
 * {@code [Fatal Error] :-1:-1: Invalid byte 2 of 2-byte UTF-8 sequence.} there first).
 */
class HostileBytesTest {

    private static final String START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_3.0.0\">\n"
            + "  <xdf:header>\n    <xdf:nachrichtID>";
    private static final String END = "</xdf:nachrichtID>\n  </xdf:header>\n"
            + "</xdf:xdatenfelder.stammdatenschema.0102>\n";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream processErr = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureProcessStderr() {
        original = System.err;
        System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreProcessStderr() {
        System.setErr(original);
    }

    @Test
    void invalidUtf8GivesOnlyTheSdkMessage() throws IOException {
        Path file = directory.resolve("invalid-utf8.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(START.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, 0x02});
            out.write(END.getBytes(StandardCharsets.UTF_8));
        }

        CliRun result = run("fim", "inspect", "--locale", "en", file.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-FIM-101] ").contains("line 4").contains("UTF-8")
                .doesNotContain("\tat ");
        assertThat(processErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void textBeyondTheImporterLimitIsRefusedWithTheLimitToRaise() throws IOException {
        Path file = directory.resolve("long-text.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(START.getBytes(StandardCharsets.UTF_8));
            byte[] letters = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 17; i++) {
                out.write(letters);
            }
            out.write(END.getBytes(StandardCharsets.UTF_8));
        }

        CliRun result = run("fim", "inspect", "--locale", "en", file.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-FIM-115] ").contains("SecureXml.maxTextLength = 1048576")
                .doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
        assertThat(processErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
