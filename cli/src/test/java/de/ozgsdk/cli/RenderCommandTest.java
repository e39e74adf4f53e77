package de.ozgsdk.cli;

import static de.ozgsdk.cli.CliRun.fixture;
import static de.ozgsdk.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheFirstStepAsAPageWithItsStyleSheetToStdout() {
        CliRun result = run("fim", "render", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("<!DOCTYPE html>").contains("<html lang=\"de\" dir=\"ltr\"")
                .contains("<style>").contains("Schritt 1 von 3").contains("Art des Antrags").endsWith("</html>");
    }

    @Test
    void arabicPageIsRightToLeft() {
        CliRun result = run("fim", "render", "--locale", "ar", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("<html lang=\"ar\" dir=\"rtl\"");
    }

    @Test
    void invalidDataAreShownWithTheViolationsOfTheStepAndStillExitZero() {
        CliRun result = run("fim", "render", "--data", fixture("data/violations.json"), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Es gibt ein Problem").contains("value=\"Müller\"")
                .contains("aria-invalid=\"true\"")
                .contains("Bitte wählen Sie bei „Art des Antrags“ einen der angebotenen Werte.")
                .contains("Bitte füllen Sie „Staatsangehörigkeit“ aus.");
    }

    @Test
    void stepWithoutViolationsOfItsOwnShowsNoErrorSummary() {
        CliRun result = run("fim", "render", "--step", "2", "--data", fixture("data/violations.json"),
                fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Schritt 2 von 3").doesNotContain("Es gibt ein Problem");
    }

    @Test
    void validDataShowNoErrorSummary() {
        CliRun result = run("fim", "render", "--codelists", fixture("codelists"), "--data",
                fixture("data/valid.json"), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("Es gibt ein Problem").doesNotContain("aria-invalid");
    }

    @Test
    void stepIsOneBased() {
        CliRun result = run("fim", "render", "--step", "2", "--locale", "en", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Step 2 of 3");
    }

    @Test
    void stepOutsideTheFormIsUnusableWithTheRangeInTheMessage() {
        CliRun result = run("fim", "render", "--step", "3", "--locale", "en", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-CLI-107] Step 3 does not exist: xdf3-schema.xml has 2 step(s)")
                .contains("from 1 to 2");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void stepZeroIsUnusable() {
        CliRun result = run("fim", "render", "--step", "0", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-CLI-107] Schritt 0 gibt es nicht");
    }

    @Test
    void reviewWritesTheCheckAnswersPageToTheOutputFile() throws Exception {
        Path file = temp.resolve("review.html");
        CliRun result = run("fim", "render", "--review", "--data", fixture("data/violations.json"), "-o",
                file.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("Müller")
                .contains("name=\"_submit\"");
    }

    @Test
    void allWritesOneFilePerStepAndTheReviewPage() throws Exception {
        Path directory = temp.resolve("pages");
        CliRun result = run("fim", "render", "--all", "-o", directory.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("step-1.html", "step-2.html", "review.html");
        }
        assertThat(Files.readString(directory.resolve("step-2.html"), StandardCharsets.UTF_8))
                .contains("Schritt 2 von 3");
    }

    @Test
    void allWithoutOutputDirectoryIsAUsageError() {
        CliRun result = run("fim", "render", "--all", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("--all writes one file per page: give the directory with -o DIR.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void stepAndAllTogetherAreAUsageError() {
        CliRun result = run("fim", "render", "--all", "--step", "2", "-o", temp.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void unsupportedPageLanguageIsAUsageError() {
        CliRun result = run("fim", "render", "--locale", "fr", fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'fr' is not a supported page language; use one of de, en, tr, uk, ar");
    }

    @Test
    void translationFileGivesLabelsInThePageLanguageEscaped() {
        CliRun result = run("fim", "render", "--locale", "en", "--translations",
                fixture("render/xdf3.translations.json"), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Surname &lt;as in the passport&gt;");
    }

    @Test
    void translationFileNamingAnUnknownElementIsUnusable() throws Exception {
        Path file = temp.resolve("other.translations.json");
        Files.writeString(file, "{\"F11111111111\": {\"en\": {\"label\": \"Other\"}}}", StandardCharsets.UTF_8);
        CliRun result = run("fim", "render", "--translations", file.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ozg: [OZG-RENDER-107] ");
    }

    @Test
    void malformedDataAreUnusable() {
        CliRun result = run("fim", "render", "--data", fixture("data/malformed.json"), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("malformed.json");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void outputIntoAMissingDirectoryIsUnusable() {
        Path file = temp.resolve("no-such-directory").resolve("page.html");
        CliRun result = run("fim", "render", "-o", file.toString(), fixture("xdf3-schema.xml"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[OZG-CLI-106]");
    }
}
