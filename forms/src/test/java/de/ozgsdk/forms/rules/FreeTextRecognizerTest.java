package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recognising the German free text of FIM rules: the phrases that become expressions, and the texts that do not. */
class FreeTextRecognizerTest {

    private static final String EMPTY_SCRIPT = "function script() {\r\n        \r\n        }\n";

    private final FreeTextRecognizer recognizer = new FreeTextRecognizer();

    @Test
    void recognisesConditionalRequiredWithACodeValue() {
        Recognition r = recognize("Wenn bei F05001047 \"02 Das Fahrzeug ist auf einen anderen Halter zugelassen.\" "
                + "angegeben wird, dann\n        wird G05000499 zur Pflichtangabe.\n      ");

        assertThat(r.isExecutable()).isTrue();
        ExecutableRule rule = r.rule().orElseThrow();
        assertThat(rule.id()).isEqualTo("R1");
        assertThat(rule.kind()).isEqualTo(RuleKind.REQUIRED);
        assertThat(rule.targets()).containsExactly("G05000499");
        assertThat(rule.condition().canonical()).isEqualTo("F05001047 == \"02\"");
        assertThat(r.pattern()).contains(FreeTextPattern.CONDITIONAL_REQUIRED);
        assertThat(rule.origin()).isEqualTo(RuleOrigin.fimFreeText("R1", FreeTextPattern.CONDITIONAL_REQUIRED));
        assertThat(r.hasScript()).isFalse();
    }

    @Test
    void recognisesTheVariantWithEinePflichtangabeAndALineBreakInsideTheQuote() {
        Recognition r = recognize("Wenn bei F05001347 \"02 eine Erneuerung einer bereits erteilten Genehmigung "
                + "(Verlängerung).\"\n              angegeben wird, dann wird G05000599 eine Pflichtangabe.");
        assertThat(describe(r)).isEqualTo("REQUIRED [G05000599] F05001347 == \"02\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "Wenn bei F05001047 „02 Ersatzausweis“ angegeben wird, dann wird G05000499 zur Pflichtangabe.;"
            + "REQUIRED [G05000499] F05001047 == \"02\"",
        "Wenn im Feld F05001047 »03 Sonstiges« ausgewählt wurde, ist F05001048 auszufüllen.;"
            + "REQUIRED [F05001048] F05001047 == \"03\"",
        "F05001048 ist Pflichtfeld, wenn F05001047 bejaht wurde.;REQUIRED [F05001048] F05001047 == true",
        "Das Feld F05001048 ist auszufüllen, falls F05001047 \"Zustimmung\" verneint wurde.;"
            + "REQUIRED [F05001048] F05001047 == false",
        "F05001048 muss befüllt werden, sofern F05001047 befüllt ist.;REQUIRED [F05001048] filled(F05001047)",
        "Falls bei F05001047 \"01 Erstantrag\" oder \"02 Verlängerung\" angegeben wird, "
            + "dann ist G05000499 eine Pflichtangabe.;REQUIRED [G05000499] in(F05001047, \"01\", \"02\")",
        "Wenn F05001047 mit \"ja\" beantwortet wurde, dann wird G05000499 zur Pflichtangabe.;"
            + "REQUIRED [G05000499] F05001047 == true",
        "Wenn F05001047 bejaht wurde und F05001049 befüllt ist, dann wird G05000499 zur Pflichtangabe.;"
            + "REQUIRED [G05000499] F05001047 == true and filled(F05001049)",
        "F00001028 \"Name des Hundes\" ist nur dann zu befüllen, wenn F00001027 \"Hund vorhanden\" bejaht wurde.;"
            + "VISIBLE [F00001028] F00001027 == true",
        "F60000000228 wird nur angezeigt, wenn F60000000227 nicht angekreuzt ist.;"
            + "VISIBLE [F60000000228] F60000000227 == false",
        "Nur wenn bei F05001047 \"02 Halter\" angegeben wurde, ist G05000499 auszufüllen.;"
            + "VISIBLE [G05000499] F05001047 == \"02\"",
        "Es muss entweder Feldgruppe G60000086 \"Anschrift Inland Straßenanschrift\" oder Feldgruppe G60000087 "
            + "\"Anschrift Inland Postfachanschrift\" befüllt werden.;"
            + "CONSTRAINT [G60000086, G60000087] exactlyOne(G60000086, G60000087)",
        "Mindestens eines der Felder F05001048, F05001049 und F05001050 muss befüllt sein.;"
            + "CONSTRAINT [F05001048, F05001049, F05001050] atLeastOne(F05001048, F05001049, F05001050)",
        "Es muss genau eine der Feldgruppen G05000499 oder G05000500 befüllt werden.;"
            + "CONSTRAINT [G05000499, G05000500] exactlyOne(G05000499, G05000500)",
        "Das Datum F05001052 \"Ende\" muss nach dem Datum F05001051 \"Beginn\" liegen.;"
            + "CONSTRAINT [F05001052] empty(F05001052) or empty(F05001051) or F05001052 > F05001051",
        "F05001052 darf nicht vor F05001051 liegen.;"
            + "CONSTRAINT [F05001052] empty(F05001052) or empty(F05001051) or F05001052 >= F05001051",
        "Das Datum F05001051 darf nicht in der Zukunft liegen.;"
            + "CONSTRAINT [F05001051] empty(F05001051) or F05001051 <= today()",
        "F05001051 muss in der Vergangenheit liegen.;CONSTRAINT [F05001051] empty(F05001051) or F05001051 < today()",
        "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07 ist Pflichtfeld, wenn F05001047 befüllt ist.;"
            + "REQUIRED [F00-4cb0dd14-629c-4661-9435-4e9eadc43e07] filled(F05001047)",
    })
    void recognisesTypicalPhrases(String freeText, String expected) {
        Recognition r = recognize(freeText);
        assertThat(r.isExecutable()).as(r.toString()).isTrue();
        assertThat(describe(r)).isEqualTo(expected);
    }

    @Test
    void aRecognisedConstraintCarriesTheFreeTextAsGermanMessageAndAnEnglishOne() {
        ExecutableRule rule = recognize("Es muss entweder Feldgruppe G60000086 oder Feldgruppe G60000087 befüllt "
                + "werden.").rule().orElseThrow();
        assertThat(rule.message().orElseThrow().german())
                .isEqualTo("Es muss entweder Feldgruppe G60000086 oder Feldgruppe G60000087 befüllt werden.");
        assertThat(rule.message().orElseThrow().get(Locale.ENGLISH))
                .isEqualTo("Fill in exactly one of: G60000086, G60000087.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "Die Angabe ist freiwillig.;TEXT_NO_ELEMENT_ID",
        "Pflichtfeld, wenn der Antragsteller minderjährig ist.;TEXT_NO_ELEMENT_ID",
        "Die Felder F05001048 und F05001049 beschreiben die Anschrift des Halters.;TEXT_NO_PATTERN",
        "Wenn bei F05001047 \"Sonstiges\" angegeben wird, dann wird G05000499 zur Pflichtangabe.;"
            + "TEXT_VALUE_WITHOUT_CODE",
        "Wenn F05001047 \"02 Halter\" angegeben wurde, dann wird G05000499 zur Pflichtangabe.;TEXT_AMBIGUOUS",
        "Wenn bei F05001047 \"02 Halter\" angegeben wird, dann wird G05000499 zur Pflichtangabe. "
            + "Ansonsten ist G05000500 zu befüllen.;TEXT_PARTLY_RECOGNISED",
        "Es muss entweder Feldgruppe G60000086 oder Feldgruppe G60000086 befüllt werden.;TEXT_NO_PATTERN",
        "Wenn F05001047 plausibel ist, dann wird G05000499 zur Pflichtangabe.;TEXT_NO_PATTERN",
    })
    void reportsWhyATextIsNotExecutable(String freeText, RuleError reason) {
        Recognition r = recognize(freeText);
        assertThat(r.isExecutable()).isFalse();
        assertThat(r.rule()).isEmpty();
        assertThat(r.reason().orElseThrow().code()).as(r.toString()).isEqualTo(reason);
        assertThat(r.reason().orElseThrow().message(Locale.GERMAN)).contains("R1");
    }

    @Test
    void anEmptyTextWithTheEmptyFunctionIsNotExecutable() {
        Recognition r = recognizer.recognize("R1", "Name", " ", EMPTY_SCRIPT);
        assertThat(r.reason().orElseThrow().code()).isEqualTo(RuleError.TEXT_EMPTY);
        assertThat(r.hasScript()).isFalse();
    }

    @Test
    void aScriptIsNeverExecutedAndSaidSo() {
        Recognition r = recognizer.recognize("R60000000019", "", "Siehe Skript.", "return F1 > 3;");
        assertThat(r.isExecutable()).isFalse();
        assertThat(r.hasScript()).isTrue();
        assertThat(r.reason().orElseThrow().code()).isEqualTo(RuleError.TEXT_SCRIPT_NOT_EXECUTED);
        assertThat(r.reason().orElseThrow().message(Locale.ENGLISH)).contains("14 characters")
                .contains("runs no scripts");
    }

    @Test
    void aRecognisedTextWithAScriptIsExecutedFromTheTextAndFlagsTheScript() {
        Recognition r = recognizer.recognize("R1", "", "F05001048 ist Pflichtfeld, wenn F05001047 bejaht wurde.",
                "some script content");
        assertThat(r.isExecutable()).isTrue();
        assertThat(r.hasScript()).isTrue();
    }

    @Test
    void anOverlongTextIsNotAnalysed() {
        Recognition r = recognize("F05001048 ist Pflichtfeld. ".repeat(200));
        assertThat(r.reason().orElseThrow().code()).isEqualTo(RuleError.TEXT_TOO_LONG);
    }

    @Test
    void anOddFimRuleIdDoesNotFailTheRecognition() {
        Recognition r = recognizer.recognize("R 1/ä", "", "F05001048 ist Pflichtfeld, wenn F05001047 bejaht wurde.",
                "");
        assertThat(r.rule().orElseThrow().id()).isEqualTo("R_1__");
        assertThat(r.fimRuleId()).isEqualTo("R 1/ä");
    }

    @Test
    void theReportListsEachRuleAndBuildsARuleSetOfTheExecutableOnes() {
        Recognition yes = recognizer.recognize("R05000281", "Halter", "Wenn bei F05001047 \"02 Halter\" angegeben "
                + "wird, dann wird G05000499 zur Pflichtangabe.", EMPTY_SCRIPT);
        Recognition no = recognizer.recognize("R05000999", "Hinweis", "Die Angabe ist freiwillig.", EMPTY_SCRIPT);

        RecognitionReport report = RecognitionReport.of(List.of(yes, no, yes));

        assertThat(report.executable()).hasSize(2);
        assertThat(report.notExecutable()).containsExactly(no);
        assertThat(report.toRuleSet().rules()).extracting(ExecutableRule::id).containsExactly("R05000281");
        assertThat(report.format(Locale.ENGLISH))
                .contains("R05000281 executable (conditional requirement): G05000499 required when "
                        + "F05001047 == \"02\"")
                .contains("R05000999 not executable: The free text of the FIM rule R05000999 names no element id")
                .contains("2 of 3 FIM rules executable");
        assertThat(report.format(Locale.GERMAN))
                .contains("R05000281 ausführbar (bedingte Pflichtangabe): G05000499 Pflicht, wenn F05001047 == \"02\"")
                .contains("R05000999 nicht ausführbar: Der Freitext")
                .contains("2 von 3 FIM-Regeln ausführbar");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "F05001048 ist Pflichtfeld, wenn F05001047 bejaht wurde.;"
            + "R1 ausführbar (bedingte Pflichtangabe): F05001048 Pflicht, wenn F05001047 == true",
        "F60000000228 wird nur angezeigt, wenn F60000000227 nicht angekreuzt ist.;"
            + "R1 ausführbar (bedingte Anzeige): F60000000228 sichtbar nur, wenn F60000000227 == false",
        "Es muss entweder Feldgruppe G60000086 oder Feldgruppe G60000087 befüllt werden.;"
            + "R1 ausführbar (genau eine Angabe): Bedingung an G60000086, G60000087: exactlyOne(G60000086, G60000087)",
        "Das Datum F05001052 muss nach dem Datum F05001051 liegen.;"
            + "R1 ausführbar (Reihenfolge von Daten): Bedingung an F05001052: "
            + "empty(F05001052) or empty(F05001051) or F05001052 > F05001051"
    })
    void describesAnExecutableRuleInGerman(String freeText, String expected) {
        String line = recognize(freeText).describe(Locale.GERMAN);
        assertThat(line).isEqualTo(expected);
        assertThat(line).doesNotContain(" when ", " check ", "executable", "REQUIRED", "VISIBLE", "CONSTRAINT",
                "CONDITIONAL", "EXACTLY", "DATE_");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "F05001048 ist Pflichtfeld, wenn F05001047 bejaht wurde.;"
            + "R1 executable (conditional requirement): F05001048 required when F05001047 == true",
        "F60000000228 wird nur angezeigt, wenn F60000000227 nicht angekreuzt ist.;"
            + "R1 executable (conditional visibility): F60000000228 visible only when F60000000227 == false",
        "Mindestens eines der Felder F05001048, F05001049 und F05001050 muss befüllt sein.;"
            + "R1 executable (at least one): constraint on F05001048, F05001049, F05001050: "
            + "atLeastOne(F05001048, F05001049, F05001050)",
        "F05001051 darf nicht in der Zukunft liegen.;"
            + "R1 executable (date relative to today): constraint on F05001051: "
            + "empty(F05001051) or F05001051 <= today()"
    })
    void describesAnExecutableRuleInEnglish(String freeText, String expected) {
        String line = recognize(freeText).describe(Locale.ENGLISH);
        assertThat(line).isEqualTo(expected);
        assertThat(line).doesNotContain("ausführbar", "Pflicht", "wenn", "REQUIRED", "CONDITIONAL", "DATE_");
    }

    private Recognition recognize(String freeText) {
        return recognizer.recognize("R1", "Regel", freeText, EMPTY_SCRIPT);
    }

    private static String describe(Recognition r) {
        ExecutableRule rule = r.rule().orElseThrow(() -> new AssertionError(r.toString()));
        return rule.kind() + " " + rule.targets() + " " + rule.condition().canonical();
    }
}
