package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Strict import refuses what the official XDatenfelder XSD refuses and accepts what it accepts; lenient import reports
 * each deviation as a warning that says what, where and how to fix it, and goes on.
 */
class FimStrictImportTest {

    private static final FimImporter STRICT = FimImporter.builder().build();
    private static final FimImporter LENIENT = FimImporter.builder().lenient(true).build();
    private static final XdfDocuments D2 = XdfDocuments.of(XdfDocuments.XDF2);
    private static final XdfDocuments D3 = XdfDocuments.of(XdfDocuments.XDF3);

    private static FormSchema run(FimImporter importer, String xml) {
        return importer.importSchema(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    private static FimImportException strictFailure(String xml) {
        return catchThrowableOfType(FimImportException.class, () -> run(STRICT, xml));
    }

    @Test
    void validDocumentsOfBothVersionsImportStrictlyWithoutXsdWarnings() {
        for (XdfDocuments documents : List.of(D2, D3)) {
            FormSchema schema = run(STRICT, documents.oneField("input", "text", ""));
            assertThat(schema.warnings()).extracting(ImportWarning::code).doesNotContain(
                    FimError.XSD_ELEMENT_UNEXPECTED, FimError.XSD_ELEMENT_MISSING, FimError.XSD_VALUE_INVALID);
        }
    }

    @Test
    void strictRefusesACharacterOutsideStringLatinAndLenientWarnsWhereAndKeepsTheText() {
        String xml = D2.oneField("input", "text", "").replaceFirst("(<xdf:datenfeld>\\n[^\\n]*\\n[^\\n]*\\n"
                + "[^\\n]*\\n)<xdf:beschreibung/>", "$1<xdf:beschreibung>Alter ≤ 18 Jahre</xdf:beschreibung>");
        int line = XdfDocuments.lineOf(xml, "<xdf:beschreibung>Alter");

        FimImportException e = strictFailure(xml);
        assertThat(e.code()).isEqualTo(FimError.XSD_VALUE_INVALID);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.path()).endsWith("/struktur[1]/enthaelt/datenfeld/beschreibung");
        assertThat(e.location().elementId()).contains(FimId.of("F99000001", "1.0"));
        assertThat(e.getMessage()).contains("cvc-pattern-valid", "Alter ≤ 18 Jahre");

        FormSchema schema = run(LENIENT, xml);
        assertThat(schema.field("F99000001").orElseThrow().metadata().description()).contains("Alter ≤ 18 Jahre");
        ImportWarning warning = schema.warnings().stream().filter(w -> w.code() == FimError.XSD_VALUE_INVALID)
                .findFirst().orElseThrow();
        assertThat(warning.location().line()).isEqualTo(line);
        assertThat(warning.message(Locale.GERMAN)).contains("Zeile " + line, "beschreibung", "String.Latin",
                "≤ durch <= ersetzen");
        assertThat(warning.message(Locale.ENGLISH)).contains("line " + line, "replace ≤ by <=");
    }

    @Test
    void strictRefusesACharacterOutsideStringLatinInXdf3Too() {
        String xml = D3.oneField("input", "text", "").replace("<xdf:name>Feld</xdf:name>\n",
                "<xdf:name>Feld</xdf:name>\n<xdf:beschreibung>a ≤ b</xdf:beschreibung>\n");
        assertThat(strictFailure(xml).code()).isEqualTo(FimError.XSD_VALUE_INVALID);
    }

    @Test
    void strictRefusesASecondIdAndLenientWarns() {
        String xml = D3.oneField("input", "text", "").replace("<xdf:id>F99000001</xdf:id>",
                "<xdf:id>F99000001</xdf:id><xdf:id>F99000002</xdf:id>");

        FimImportException e = strictFailure(xml);
        assertThat(e.code()).isEqualTo(FimError.XSD_ELEMENT_UNEXPECTED);
        assertThat(e.path()).endsWith("/datenfeld/identifikation/id");
        assertThat(e.userMessage(Locale.GERMAN)).contains("Das Element id darf", "Hier erwartet: version");

        FormSchema schema = run(LENIENT, xml);
        assertThat(schema.warnings()).extracting(ImportWarning::code).contains(FimError.XSD_ELEMENT_UNEXPECTED);
    }

    @Test
    void strictRefusesAnUnknownElementInsideIdentifikationAndLenientGoesOn() {
        String xml = D2.oneField("input", "text", "").replace("<xdf:version>1.0</xdf:version></xdf:identifikation>\n"
                + "<xdf:name>Feld", "<xdf:version>1.0</xdf:version><xdf:kennung>x</xdf:kennung>"
                + "</xdf:identifikation>\n<xdf:name>Feld");

        FimImportException e = strictFailure(xml);
        assertThat(e.code()).isEqualTo(FimError.XSD_ELEMENT_UNEXPECTED);
        assertThat(e.path()).endsWith("/datenfeld/identifikation/kennung");
        assertThat(e.getMessage()).contains("Expected here: -");

        assertThat(run(LENIENT, xml).field("F99000001")).isPresent();
    }

    @Test
    void strictRefusesSwappedElementsAndNamesWhatIsExpected() {
        String xml = D3.oneField("input", "text", "").replace(
                "<xdf:feldart><code>input</code></xdf:feldart>\n<xdf:datentyp><code>text</code></xdf:datentyp>",
                "<xdf:datentyp><code>text</code></xdf:datentyp>\n<xdf:feldart><code>input</code></xdf:feldart>");

        FimImportException e = strictFailure(xml);
        assertThat(e.code()).isEqualTo(FimError.XSD_ELEMENT_UNEXPECTED);
        assertThat(e.path()).endsWith("/datenfeld/datentyp");
        assertThat(e.getMessage()).containsPattern("Expected here: [a-zA-Z, ]*feldart");
        assertThat(run(LENIENT, xml).field("F99000001").orElseThrow().dataType()).isEqualTo(DataType.TEXT);
    }

    @Test
    void strictAcceptsAnXdf2GroupWithoutStrukturAsTheXsdDoesAndNeverDemandsIt() {
        String xml = D2.schema(D2.structure("1:1", D2.group("G99000001", ""))
                + D2.structure("0:1", D2.field("F99000001", "Feld", "input", "text", "")));

        FormSchema schema = run(STRICT, xml);

        assertThat(schema.warnings()).extracting(ImportWarning::code)
                .containsExactly(FimError.GROUP_WITHOUT_CHILDREN);
        assertThat(schema.warnings().get(0).location().elementId()).contains(FimId.of("G99000001", "1.0"));
        assertThat(schema.warnings().get(0).message(Locale.GERMAN)).contains("kann nicht ausgefüllt werden");
        assertThat(FormValidator.of(schema).validate(FormData.empty()).violations()).isEmpty();
    }

    @Test
    void xdf3GroupWithoutStrukturIsAnXsdDeviationAndLenientlyNotFillable() {
        String xml = D3.schema(D3.structure("1:1", D3.group("G99000001", "")));

        FimImportException e = strictFailure(xml);
        assertThat(e.code()).isEqualTo(FimError.XSD_ELEMENT_MISSING);
        assertThat(e.path()).endsWith("/enthaelt/datenfeldgruppe");
        assertThat(e.getMessage()).containsPattern("Expected: [a-zA-Z, ]*struktur");

        FormSchema schema = run(LENIENT, xml);
        assertThat(schema.warnings()).extracting(ImportWarning::code)
                .contains(FimError.XSD_ELEMENT_MISSING, FimError.GROUP_WITHOUT_CHILDREN);
        assertThat(FormValidator.of(schema).validate(FormData.empty()).violations()).isEmpty();
    }

    @Test
    void xdf3FreigabestatusOutsideItsCodeListIsOnlyAWarningBecauseTheXsdAllowsAnyCode() {
        String xml = D3.oneField("input", "text", "").replaceFirst("<code>6</code></xdf:freigabestatus>",
                "<code>99</code></xdf:freigabestatus>");

        FormSchema schema = run(STRICT, xml);

        assertThat(schema.warnings()).extracting(ImportWarning::code).contains(FimError.RELEASE_STATUS_UNKNOWN);
        ImportWarning warning = schema.warnings().stream().filter(w -> w.code() == FimError.RELEASE_STATUS_UNKNOWN)
                .findFirst().orElseThrow();
        assertThat(warning.location().path()).endsWith("/stammdatenschema/freigabestatus");
        assertThat(warning.message(Locale.GERMAN)).contains("99", "urn:xoev-de:xprozess:codeliste:status");
    }

    @Test
    void idShapeWarningGivesAnExampleWithTheElementsOwnPrefix() {
        String xml = D2.schema(D2.structure("1:1", D2.group("G1", D2.structure("1:1",
                D2.field("F1", "Feld", "input", "text", ""))))).replace("S99000001", "S1");

        FormSchema schema = run(STRICT, xml);

        assertThat(schema.warnings()).filteredOn(w -> w.code() == FimError.ID_SHAPE)
                .extracting(w -> w.details().get(0))
                .containsExactly("S12345678 / 1.0", "G12345678 / 1.0", "F12345678 / 1.0");
        FormSchema xdf3 = run(STRICT, D3.schema(D3.structure("1:1", D3.group("G1", D3.structure("1:1",
                D3.field("F1", "Feld", "input", "text", ""))))));
        assertThat(xdf3.warnings()).filteredOn(w -> w.code() == FimError.ID_SHAPE)
                .extracting(w -> w.details().get(0))
                .contains("S12345678901 / 1.0.0", "G12345678901 / 1.0.0", "F12345678901 / 1.0.0");
    }

    @Test
    void xsdFindingsNameTheirRuleAndElementsWhateverTheJvmLocale() {
        String xml = D2.oneField("input", "text", "").replace("<xdf:feldart><code>input</code></xdf:feldart>\n", "");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            FimImportException e = strictFailure(xml);
            assertThat(e.getMessage()).contains("cvc-complex-type.2.4.a", "Expected here: feldart");
        } finally {
            Locale.setDefault(before);
        }
    }
}
