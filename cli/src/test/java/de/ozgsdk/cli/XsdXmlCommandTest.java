package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class XsdXmlCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheXsdToStdout() {
        CliRun result = run("fim", "xsd", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xs:schema ")
                .contains("targetNamespace=\"urn:ozgsdk:fim:S99000000001V2.0.0\"");
    }

    @Test
    void writesTheXsdToTheOutputFileAndNotesToStderr() throws Exception {
        Path file = temp.resolve("s.xsd");
        CliRun result = run("fim", "xsd", "--locale", "en", "-o", file.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("[OZG-XFIM-104]");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("<xs:schema ");
    }

    @Test
    void writesValidDataAsXmlValidAgainstTheXsd() throws Exception {
        CliRun xsd = run("fim", "xsd", "--codelists", fixture("codelists"), fixture("xdf3-schema.xml"));
        Path file = temp.resolve("data.xml");
        CliRun xml = run("fim", "xml", "--codelists", fixture("codelists"), "-o", file.toString(),
                fixture("xdf3-schema.xml"), fixture("data/valid.json"));
        assertThat(xml.exitCode()).as(xml.err()).isZero();
        Schema schema = SecureXml.defaults().newSchema(new ByteArrayInputStream(
                xsd.out().getBytes(StandardCharsets.UTF_8)), "s.xsd");
        SecureXml.defaults().validate(schema, Files.newInputStream(file), "data.xml");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("<F99000000001>Müller</F99000000001>");
    }

    @Test
    void writesXmlToStdout() {
        CliRun xml = run("fim", "xml", fixture("xdf3-schema.xml"), fixture("data/valid.json"));
        assertThat(xml.exitCode()).as(xml.err()).isZero();
        assertThat(xml.out()).startsWith("<?xml").contains("<S99000000001 xmlns=\"urn:ozgsdk:fim:S99000000001V2.0.0\"");
    }

    @Test
    void invalidDataExitOneWithViolationsAndNoXml() throws Exception {
        CliRun xml = run("fim", "xml", fixture("xdf3-schema.xml"), fixture("data/violations.json"));
        assertThat(xml.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(xml.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("violations")).isNotEmpty();
    }

    @Test
    void unusableDataExitTwo() {
        CliRun xml = run("fim", "xml", fixture("xdf3-schema.xml"), fixture("data/malformed.json"));
        assertThat(xml.exitCode()).isEqualTo(2);
        assertThat(xml.err()).doesNotContain("Exception");
    }

    @Test
    void maliciousSchemaExitsTwo() {
        assertThat(run("fim", "xsd", fixture("xxe.xml")).exitCode()).isEqualTo(2);
    }
}
