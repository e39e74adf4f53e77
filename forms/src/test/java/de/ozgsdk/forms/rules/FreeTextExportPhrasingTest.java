package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phrasings of real FIM exports, written anew here with invented ids and labels: ids inside quoted labels, lists
 * of fields, bare and labelled codes compared with {@code =} and {@code <>}, twin sentences, groups, doubled words,
 * line breaks and every quote style; and the near misses that must stay not executable. In the texts, {@code <CR>},
 * {@code <LF>} and {@code <SEMI>} stand for a carriage return, a line feed and a semicolon.
 */
class FreeTextExportPhrasingTest {

    private final FreeTextRecognizer recognizer = new FreeTextRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        // ids inside quoted labels, every quote style
        "\"F00007311 Name der Krankenkasse\" ist nur dann zu befüllen, wenn \"F00007310 Krankenversichert\" bejaht "
            + "wurde.;VISIBLE [F00007311] F00007310 == true",
        "„F00007311 Name der Krankenkasse“ ist nur dann zu befüllen, wenn „F00007310 Krankenversichert“ bejaht wurde."
            + ";VISIBLE [F00007311] F00007310 == true",
        "“F00007311 Name der Krankenkasse” ist nur dann zu befüllen, wenn “F00007310 Krankenversichert” bejaht wurde."
            + ";VISIBLE [F00007311] F00007310 == true",
        "»F00007311 Name der Krankenkasse« ist nur dann auszufüllen, wenn »F00007310 Krankenversichert« bejaht wurde"
            + ";VISIBLE [F00007311] F00007310 == true",
        "«F00007311 Name der Krankenkasse» ist nur dann anzugeben, wenn «F00007310 Krankenversichert» bejaht wurde!"
            + ";VISIBLE [F00007311] F00007310 == true",
        "'F00007311 Name der Krankenkasse' ist nur dann zu befüllen, wenn 'F00007310 Krankenversichert' bejaht wurde."
            + ";VISIBLE [F00007311] F00007310 == true",
        "‚F00007311 Name der Krankenkasse‘ ist nur dann zu befüllen , wenn ‚F00007310 Krankenversichert‘ verneint "
            + "wurde .;VISIBLE [F00007311] F00007310 == false",
        "›F00007311 Name der Krankenkasse‹ ist nur dann zu befüllen, wenn ›F00007310 Krankenversichert‹ bejaht wurde."
            + ";VISIBLE [F00007311] F00007310 == true",
        "\"F00007311: Name der Krankenkasse\" ist nur dann zu befüllen, wenn \"F00007310 - Krankenversichert\" bejaht "
            + "wurde.;VISIBLE [F00007311] F00007310 == true",
        "\"F60000007311 Name der Krankenkasse\" ist nur dann zu&#13<SEMI><LF>befüllen, wenn "
            + "\"F60000007310 Krankenversichert\""
            + "&#13<SEMI>&#10<SEMI> bejaht wurde.;VISIBLE [F60000007311] F60000007310 == true",
        "\"F00007311 Name der Krankenkasse\"<CR><LF>ist nur dann zu befüllen,<CR><LF>wenn "
            + "\"F00007310 Krankenversichert\" "
            + "bejaht wurde.<CR><LF>;VISIBLE [F00007311] F00007310 == true",
        "\"F00007311V1.2 Name der Krankenkasse\" ist nur dann zu befüllen, wenn \"F00007310 Krankenversichert\" "
            + "bejaht wurde.;VISIBLE [F00007311] F00007310 == true",
        // unquoted labels where fixed words follow them
        "F00007311 Name der Krankenkasse ist nur dann zu befüllen, wenn F00007310 Versicherung vorhanden bejaht "
            + "wurde.;VISIBLE [F00007311] F00007310 == true",
        "F00007320 Land, F00007321 Datum des Bescheids und F00007322 Geschäftszeichen sind nur dann zu befüllen, "
            + "wenn F00007319 Verfahren läuft verneint wurde.;"
            + "VISIBLE [F00007320, F00007321, F00007322] F00007319 == false",
        "Wenn das Feld F60007340 Augenfarbe = 97 \"Andere\", dann muss das Feld F60007341 Augenfarbe Freitext "
            + "befüllt sein.;REQUIRED [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 Augenfarbe <> 97, dann darf das Feld F60007341 Augenfarbe Freitext nicht befüllt "
            + "sein.;VISIBLE [F60007341] F60007340 == \"97\"",
        // lists of fields
        "\"F00007320 Land\", \"F00007321 Datum des Bescheids\", und \"F00007322 Geschäftszeichen\" sind nur dann zu "
            + "befüllen, wenn \"F00007319 Verfahren läuft\" bejaht wurde.;"
            + "VISIBLE [F00007320, F00007321, F00007322] F00007319 == true",
        "„F00007320 Land“, „F00007321 Datum des Bescheids“ und „F00007322 Geschäftszeichen“ sind nur dann zu befüllen, "
            + "wenn „F00007319 Verfahren läuft“ bejaht wurde.;"
            + "VISIBLE [F00007320, F00007321, F00007322] F00007319 == true",
        "\"F00007320 Land\" , \"F00007321 Datum\" sowie \"F00007322 Zeichen\" sind nur dann zu befüllen, wenn "
            + "\"F00007319 Verfahren läuft\" bejaht wurde.;VISIBLE [F00007320, F00007321, F00007322] F00007319 == true",
        "Die Felder F00007320, F00007321, und F00007322 sind nur dann zu befüllen, wenn F00007319 bejaht wurde.;"
            + "VISIBLE [F00007320, F00007321, F00007322] F00007319 == true",
        "Die Feldgruppen G00007323 und G00007324 sind nur dann zu befüllen, wenn F00007319 bejaht wurde.;"
            + "VISIBLE [G00007323, G00007324] F00007319 == true",
        // bare code values, "soll ... zum Pflichtfeld werden"
        "Wenn im Datenfeld F00007330 der Wert 004 angegeben wurde, dann soll F00007331 zum Pflichtfeld werden.;"
            + "REQUIRED [F00007331] F00007330 == \"004\"",
        "Wenn im Feld F00007330 \"Art der Anzeige\" der Wert 12 ausgewählt wurde, dann soll das Feld F00007331 "
            + "\"Details\" zum Pflichtfeld werden.;REQUIRED [F00007331] F00007330 == \"12\"",
        "Falls im Datenfeld F00007330 der Wert \"004 Sonstiges\" angegeben wurde, so soll F00007331 zur Pflichtangabe "
            + "werden.;REQUIRED [F00007331] F00007330 == \"004\"",
        "Wenn im Datenfeld F00007330 die Werte 01 oder 02 angegeben wurden, dann sollen F00007331 und F00007332 zum "
            + "Pflichtfeld werden.;REQUIRED [F00007331, F00007332] in(F00007330, \"01\", \"02\")",
        "Wenn im Datenfeld F00007330 der Wert 004 angegeben wurde dann soll F00007331 zu einem Pflichtfeld werden;"
            + "REQUIRED [F00007331] F00007330 == \"004\"",
        // comparisons with = and <>, fields and groups
        "Wenn das Feld F60007340 \"Augenfarbe\" = 97 \"Andere\", dann muss das Feld F60007341 \"Augenfarbe "
            + "(Freitext)\" befüllt sein.;REQUIRED [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 „Augenfarbe“ = „97 Andere“, dann muss das Feld F60007341 „Augenfarbe (Freitext)“ "
            + "ausgefüllt sein.;REQUIRED [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 \"Augenfarbe\"=97 \"Andere\" , dann muss das Feld F60007341 befüllt sein.;"
            + "REQUIRED [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 (Augenfarbe) = 97 (Andere), dann muss das Feld F60007341 befüllt sein.;"
            + "REQUIRED [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 = 97 (Andere 2) oder 98 („Keine 3“), dann muss das Feld F60007341 befüllt sein.;"
            + "REQUIRED [F60007341] in(F60007340, \"97\", \"98\")",
        "Wenn im Datenfeld F00007330 der Wert 004 angegeben wurde, dann werden F00007331 und F00007332 zu "
            + "Pflichtfeldern.;REQUIRED [F00007331, F00007332] F00007330 == \"004\"",
        "Wenn das Feld F60007340 \"Augenfarbe\" == 97, dann muss das Feld F60007341 angegeben sein.;"
            + "REQUIRED [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 \"Augenfarbe\" = 97 \"Andere\" oder 98 \"Unbekannt\", dann muss das Feld F60007341 "
            + "befüllt sein.;REQUIRED [F60007341] in(F60007340, \"97\", \"98\")",
        "Wenn das Feld F60007340 \"Augenfarbe\" <> 97 \"Andere\", dann darf das Feld F60007341 \"Augenfarbe "
            + "(Freitext)\" nicht befüllt sein.;VISIBLE [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 \"Augenfarbe\" != 97, dann darf das Feld F60007341 nicht befüllt werden.;"
            + "VISIBLE [F60007341] F60007340 == \"97\"",
        "Wenn das Feld F60007340 \"Augenfarbe\" ≠ 97 \"Andere\" oder 98, dann darf das Feld F60007341 nicht "
            + "befüllt sein.;VISIBLE [F60007341] in(F60007340, \"97\", \"98\")",
        "Wenn das Feld F60007340 \"Augenfarbe\" = 97 \"Andere\", dann darf das Feld F60007341 nicht befüllt sein.;"
            + "VISIBLE [F60007341] not F60007340 == \"97\"",
        "Wenn das Feld F60007340 \"Augenfarbe\" <> 97 \"Andere\", dann muss das Feld F60007341 befüllt sein.;"
            + "REQUIRED [F60007341] not F60007340 == \"97\"",
        "Wenn das Feld F60007350 \"Wohnsitz\" = 002 \"im Ausland\", dann muss die Feldgruppe G60007351 \"Anschrift im "
            + "Ausland\" befüllt sein.;REQUIRED [G60007351] F60007350 == \"002\"",
        "Wenn das Feld F60007350 \"Wohnsitz\" <> 002 \"im Ausland\", dann darf die Feldgruppe G60007351 \"Anschrift "
            + "im Ausland\" nicht befüllt sein.;VISIBLE [G60007351] F60007350 == \"002\"",
        "Wenn F60007350 = 002, dann muss G60007351 leer bleiben.;VISIBLE [G60007351] not F60007350 == \"002\"",
        "F60007341 darf nicht befüllt sein, wenn F60007340 verneint wurde.;VISIBLE [F60007341] not F60007340 == false",
        "Wenn F60007340 bejaht wurde, ist F60007341 nicht auszufüllen.;VISIBLE [F60007341] not F60007340 == true",
        "Wenn das Feld F60007340 = 97 und F60007342 bejaht wurde, dann muss das Feld F60007341 befüllt sein.;"
            + "REQUIRED [F60007341] F60007340 == \"97\" and F60007342 == true",
        // exactly one, doubled words
        "Es muss entweder die die Feldgruppe G00007360 \"Natürliche Person\" oder die Feldgruppe G00007361 "
            + "\"Juristische Person\" befüllt werden.;"
            + "CONSTRAINT [G00007360, G00007361] exactlyOne(G00007360, G00007361)",
        "Es muss entweder die Feldgruppe „G00007360 Natürliche Person“ oder die Feldgruppe „G00007361 Juristische "
            + "Person“ befüllt werden.;CONSTRAINT [G00007360, G00007361] exactlyOne(G00007360, G00007361)",
        "Es muss muss entweder die Feldgruppe G00007360 oder oder die Feldgruppe G00007361 befüllt werden.;"
            + "CONSTRAINT [G00007360, G00007361] exactlyOne(G00007360, G00007361)",
        "Es muss entweder das Feld F00007362 \"Telefon\" oder das Feld F00007363 \"E-Mail\" befüllt sein.;"
            + "CONSTRAINT [F00007362, F00007363] exactlyOne(F00007362, F00007363)",
        "Es muss entweder die<CR><LF>Feldgruppe G00007360 oder die Feldgruppe&#13<SEMI>G00007361 befüllt werden;"
            + "CONSTRAINT [G00007360, G00007361] exactlyOne(G00007360, G00007361)",
    })
    void recognisesThePhrasingsOfRealExports(String freeText, String expected) {
        Recognition r = recognize(freeText);
        assertThat(r.isExecutable()).as(r.toString()).isTrue();
        assertThat(describe(r)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "Wenn das Feld F60007340 \"Augenfarbe\" = 97 \"Andere\", dann muss das Feld F60007341 \"Augenfarbe "
            + "(Freitext)\" befüllt sein. Wenn das Feld F60007340 \"Augenfarbe\" <> 97 \"Andere\", dann darf das Feld "
            + "F60007341 \"Augenfarbe (Freitext)\" nicht befüllt sein.",
        "Wenn das Feld F60007340 „Augenfarbe“ = 97 „Andere“, dann muss das Feld F60007341 befüllt sein.&#13<SEMI><LF>"
            + "Wenn das Feld F60007340 „Augenfarbe“ <> 97 „Andere“, dann darf das Feld F60007341 nicht befüllt sein.",
        "Wenn das Feld F60007340 = 97, dann muss das Feld F60007341 befüllt sein<SEMI>wenn das Feld F60007340 <> 97, "
            + "dann "
            + "darf das Feld F60007341 nicht befüllt sein",
        "Wenn das Feld F60007340 = 97, dann muss das Feld F60007341 befüllt sein. Wenn das Feld F60007340 != 97, "
            + "dann darf das das Feld F60007341 nicht befüllt werden.",
    })
    void readsTheTwinSentencesAsRequiredAndShownOnlyForTheCode(String freeText) {
        Recognition r = recognize(freeText);

        assertThat(describe(r)).isEqualTo("REQUIRED [F60007341] F60007340 == \"97\" | "
                + "VISIBLE [F60007341] F60007340 == \"97\"");
        assertThat(r.rules()).extracting(ExecutableRule::id).containsExactly("R1", "R1.2");
        assertThat(r.rules()).allMatch(rule -> rule.origin().location().equals("R1"));
        assertThat(r.describe(Locale.GERMAN)).isEqualTo("R1 ausführbar (bedingte Pflichtangabe): F60007341 Pflicht, "
                + "wenn F60007340 == \"97\"; (bedingte Anzeige): F60007341 sichtbar nur, wenn F60007340 == \"97\"");
    }

    @Test
    void aSideFileRuleWithTheFimRuleIdReplacesAllRulesOfItsSentences() {
        Recognition twin = recognize("Wenn F60007340 = 97, dann muss F60007341 befüllt sein. Wenn F60007340 <> 97, "
                + "dann darf F60007341 nicht befüllt sein.");
        ExecutableRule own = ExecutableRule.builder("R1", RuleKind.REQUIRED, RuleExpression.parse("F60007340 == '96'"))
                .target("F60007341").build();

        RuleSet rules = RecognitionReport.of(List.of(twin)).toRuleSet()
                .overriddenBy(RuleSet.of(List.of(own)));

        assertThat(rules.rules()).containsExactly(own);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        // a permission or an unknown modal is no requirement
        "Wenn das Feld F60007340 \"Augenfarbe\" = 97 \"Andere\", dann kann das Feld F60007341 befüllt werden.;"
            + "TEXT_NO_PATTERN",
        "Wenn F60007340 = 97, dann darf F60007341 befüllt sein.;TEXT_NO_PATTERN",
        // "muss nicht" means "need not": neither required nor hidden
        "Wenn das Feld F60007340 <> 97 \"Andere\", dann muss das Feld F60007341 nicht befüllt sein.;TEXT_NO_PATTERN",
        // operators and values the recogniser does not read
        "Wenn das Feld F60007340 > 97, dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = -97, dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = 97.5, dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = 97 Andere, dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = (97), dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = 97 (Andere) (98), dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = 97 und 98, dann muss das Feld F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = \"Andere\", dann muss das Feld F60007341 befüllt sein.;TEXT_VALUE_WITHOUT_CODE",
        // a negated condition is not read as its positive
        "Wenn im Datenfeld F00007330 der Wert 004 nicht angegeben wurde, dann soll F00007331 zum Pflichtfeld werden.;"
            + "TEXT_NO_PATTERN",
        "Wenn F60007340 = 97, dann darf F60007341 nicht nicht befüllt sein.;TEXT_NO_PATTERN",
        // more text than the phrase, in the same or another sentence
        "Wenn das Feld F60007340 = 97 \"Andere\", dann muss das Feld F60007341 befüllt sein, aber nur wenn F60007342 "
            + "bejaht wurde.;TEXT_NO_PATTERN",
        "Wenn das Feld F60007340 = 97 \"Andere\", dann muss das Feld F60007341 befüllt sein. Sonst ist das Feld "
            + "F60007342 auszufüllen.;TEXT_PARTLY_RECOGNISED",
        "Wenn das Feld F60007340 = 97, dann muss das Feld F60007341 befüllt sein. Wenn das Feld F60007340 <> 97, dann "
            + "darf das Feld F60007341 nicht befüllt sein. Die Angabe ist freiwillig.;TEXT_PARTLY_RECOGNISED",
        "\"F00007311 Name\" ist nur dann zu befüllen, wenn \"F00007310 Versichert\" bejaht wurde, z. B. bei einer "
            + "Pflichtversicherung.;TEXT_NO_PATTERN",
        // an unquoted label never swallows a negation, a joiner or a value
        "Wenn F60007340 Augenfarbe nicht bejaht wurde, dann muss F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn F60007340 Andere angegeben wurde, dann muss F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn F60007340 Ja bejaht wurde, dann muss F60007341 befüllt sein.;TEXT_NO_PATTERN",
        "Wenn F60007340 = 97, dann muss F60007341 Freitext nicht befüllt sein.;TEXT_NO_PATTERN",
        "Wenn F60007340 = 97, dann muss F60007341 Freitext auch später befüllt sein.;TEXT_NO_PATTERN",
        "F00007311 Name nicht ist nur dann zu befüllen, wenn F00007310 bejaht wurde.;TEXT_NO_PATTERN",
        "F00007311 Name der Krankenkasse ist nur dann zu befüllen, wenn F00007310 Versicherung vorhanden und gültig "
            + "bejaht wurde.;TEXT_NO_PATTERN",
        "Wenn F60007340 Augenfarbe und Haarfarbe Sonstige = 97, dann muss F60007341 befüllt sein.;TEXT_NO_PATTERN",
        // a quote naming two ids is no reference
        "\"F00007311 Name\" ist nur dann zu befüllen, wenn \"F00007310 oder F00007312\" bejaht wurde.;TEXT_NO_PATTERN",
        // no condition, or a choice that is no obligation
        "Die Feldgruppe G60007351 \"Anschrift im Ausland\" muss befüllt sein.;TEXT_NO_PATTERN",
        "Es kann entweder die Feldgruppe G00007360 oder die Feldgruppe G00007361 befüllt werden.;TEXT_NO_PATTERN",
        "Es muss entweder die Feldgruppe G00007360 oder die die Feldgruppe G00007360 befüllt werden.;TEXT_NO_PATTERN",
        "Wenn \"Staat\" = 97, dann muss \"Staat (Freitext)\" befüllt sein.;TEXT_NO_ELEMENT_ID",
    })
    void nearMissesStayNotExecutableWithAReason(String freeText, RuleError reason) {
        Recognition r = recognize(freeText);
        assertThat(r.isExecutable()).as(r.toString()).isFalse();
        assertThat(r.rules()).isEmpty();
        assertThat(r.reason().orElseThrow().code()).as(r.toString()).isEqualTo(reason);
    }

    @Test
    void aPartlyRecognisedTextNamesTheSentenceNotUnderstood() {
        Recognition r = recognize("Wenn F60007340 = 97, dann muss F60007341 befüllt sein. Sonst ist F60007342 "
                + "auszufüllen.");

        assertThat(r.reason().orElseThrow().message(Locale.GERMAN))
                .contains("R1").contains("Satz 2 von 2").contains("nicht halb angewandt");
        assertThat(r.reason().orElseThrow().message(Locale.ENGLISH))
                .contains("sentence 2 of 2").contains("not applied by halves");
    }

    /** The text with {@code <CR>}, {@code <LF>} and {@code <SEMI>} (which the CSV sources cannot hold) replaced. */
    private Recognition recognize(String freeText) {
        String text = freeText.replace("<CR>", "\r").replace("<LF>", "\n").replace("<SEMI>", ";");
        return recognizer.recognize("R1", "", text, "function script() { }");
    }

    private static String describe(Recognition r) {
        return r.rules().stream()
                .map(rule -> rule.kind() + " " + rule.targets() + " " + rule.condition().canonical())
                .collect(Collectors.joining(" | "));
    }
}
