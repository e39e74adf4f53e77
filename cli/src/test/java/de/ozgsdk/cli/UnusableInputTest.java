package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every unusable input ends with exit code 2 and one message that says what, where and how to fix, no stack trace. */
class UnusableInputTest {

    private static void assertUnusable(CliRun result, String code) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [" + code + "] ").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingSchemaFile() {
        CliRun result = run("fim", "inspect", "--locale", "en", "no-such-schema.xml");
        assertUnusable(result, "OZG-CLI-101");
        assertThat(result.err()).contains("no-such-schema.xml does not exist").contains("Check the path");
    }

    @Test
    void directoryInsteadOfFile() {
        assertUnusable(run("fim", "inspect", fixture("codelists")), "OZG-CLI-102");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        CliRun result = run("fim", "inspect", "--locale", "en", fixture("malformed.xml"));
        assertUnusable(result, "OZG-FIM-101");
        // </xdf:kopf> closes <xdf:header>: the importer's scanner points at the start of the wrong end tag
        assertThat(result.err()).contains("malformed.xml").contains("line 5, column 3")
                .contains("Unexpected end tag </xdf:kopf>; expected </xdf:header>");
    }

    @Test
    void fileWithDtdIsRefusedWithoutResolvingTheEntity() {
        CliRun result = run("fim", "inspect", "--locale", "en", fixture("xxe.xml"));
        assertUnusable(result, "OZG-FIM-102");
        assertThat(result.err()).contains("refused for security reasons").doesNotContain("root:");
    }

    @Test
    void unknownNamespaceNamesTheExpectedOnes() {
        CliRun result = run("fim", "inspect", "--locale", "en", fixture("unknown-namespace.xml"));
        assertUnusable(result, "OZG-FIM-103");
        assertThat(result.err()).contains("urn:example:not-an-xdatenfelder-message")
                .contains("urn:xoev-de:fim:standard:xdatenfelder_3.0.0");
    }

    @Test
    void missingCodeListDirectory() {
        CliRun result = run("fim", "inspect", "--codelists", "no-such-directory", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-CL-").contains("no-such-directory").doesNotContain("\tat ");
    }

    @Test
    void messagesAreGermanByDefault() {
        CliRun result = run("fim", "inspect", fixture("xxe.xml"));
        assertThat(result.err()).contains("aus Sicherheitsgründen abgelehnt");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun result = run("fim", "inspect", "--verbose", fixture("xxe.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("ozg: [OZG-FIM-102] ").contains("\tat ")
                .contains("Caused by: de.ozgsdk.forms.FimImportException");
    }
}
