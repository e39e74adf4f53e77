package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The shaded {@code target/ozg.jar} as users run it: a real {@code java -jar} process, its exit code and its output
 * bytes. Runs in the integration-test phase, after {@code package} has built the jar.
 */
class OzgJarIT {

    private static Path jar;

    @TempDir
    Path temp;

    /** Exit code and the raw output, decoded as UTF-8. */
    record Outcome(int exitCode, String out, String err) { }

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("ozg.jar", "target/ozg.jar"));
        assertThat(jar).as("the shaded jar; run mvn verify, which packages it first").isRegularFile();
    }

    /** Runs the jar with a platform encoding of ISO-8859-1, so that only an explicit UTF-8 output passes. */
    private Outcome ozg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=ISO-8859-1", "-Dstdout.encoding=ISO-8859-1", "-Dstderr.encoding=ISO-8859-1",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ozg finished within 60 s").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void inspectPrintsJsonInUtf8AndExitsZero() throws Exception {
        Outcome outcome = ozg("fim", "inspect", "--json", fixture("xdf3-schema.xml"));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(outcome.out());
        assertThat(report.get("id").asText()).isEqualTo("S99000000001");
        assertThat(report.get("rules").get(0).get("name").asText()).isEqualTo("Verlängerung braucht Aktenzeichen");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void validateWithViolationsExitsOneWithJson() throws Exception {
        Outcome outcome = ozg("fim", "validate", "--codelists", fixture("codelists"), fixture("xdf3-schema.xml"),
                fixture("data/violations.json"));
        assertThat(outcome.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(outcome.out());
        assertThat(report.get("violations").get(1).get("label").asText()).isEqualTo("Staatsangehörigkeit");
    }

    @Test
    void validDataExitsZero() throws Exception {
        Outcome outcome = ozg("fim", "validate", "--codelists", fixture("codelists"), fixture("xdf3-schema.xml"),
                fixture("data/valid.json"));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("\"valid\": true");
    }

    @Test
    void jsonSchemaIsWrittenToTheOutputFile() throws Exception {
        Path file = temp.resolve("schema.json");
        Outcome outcome = ozg("fim", "json-schema", "--codelists", fixture("codelists"), "-o", file.toString(),
                fixture("xdf3-schema.xml"));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode schema = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(schema.get("properties").get("F99000000007").get("title").asText())
                .isEqualTo("Staatsangehörigkeit");
    }

    @Test
    void xsdIsWrittenToTheOutputFile() throws Exception {
        Path file = temp.resolve("schema.xsd");
        Outcome outcome = ozg("fim", "xsd", "--codelists", fixture("codelists"), "-o", file.toString(),
                fixture("xdf3-schema.xml"));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("targetNamespace=\"urn:ozgsdk:fim:S99000000001V2.0.0\"")
                .contains("<xs:element name=\"F99000000007\"");
    }

    @Test
    void renderWritesArabicPageWithViolationsAndEveryPageWithAll() throws Exception {
        Path page = temp.resolve("step-1.html");
        Outcome one = ozg("fim", "render", "--locale", "ar", "--data", fixture("data/violations.json"), "-o",
                page.toString(), fixture("xdf3-schema.xml"));
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("<html lang=\"ar\" dir=\"rtl\"")
                .contains("aria-invalid=\"true\"").contains("«Art des Antrags»");

        Path directory = temp.resolve("pages");
        Outcome all = ozg("fim", "render", "--all", "-o", directory.toString(), fixture("xdf3-schema.xml"));
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(directory.resolve("step-1.html")).isRegularFile();
        assertThat(directory.resolve("step-2.html")).isRegularFile();
        assertThat(directory.resolve("review.html")).isRegularFile();

        Outcome bad = ozg("fim", "render", "--locale", "en", "--step", "7", fixture("xdf3-schema.xml"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("[OZG-CLI-107] Step 7 does not exist").doesNotContain("\tat ");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void maliciousFileExitsTwoWithMessageAndNoStackTrace() throws Exception {
        Outcome outcome = ozg("fim", "inspect", fixture("xxe.xml"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("ozg: [OZG-FIM-102] ").contains("aus Sicherheitsgründen")
                .doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void missingFileExitsTwo() throws Exception {
        Outcome outcome = ozg("fim", "inspect", "--locale", "en", temp.resolve("absent.xml").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("ozg: [OZG-CLI-101] ").contains("absent.xml does not exist");
    }

    @Test
    void verboseShowsTheStackTrace() throws Exception {
        Outcome outcome = ozg("fim", "inspect", "--verbose", fixture("malformed.xml"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("ozg: [OZG-FIM-101] ").contains("\tat de.ozgsdk.");
    }

    @Test
    void libraryLoggingStaysOffTheOutput() throws Exception {
        // core logs a refused DOCTYPE at WARN; the command reports it itself, once.
        Outcome outcome = ozg("fim", "inspect", fixture("xxe.xml"));
        assertThat(outcome.err().lines()).hasSize(1);
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        Outcome outcome = ozg("--version");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("ozg (OZG SDK) 0.1.0");
    }
}
