package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input gives a {@link FimImportException} with code, line, column and path, or in lenient mode a warning. */
class FimImportErrorsTest {

    private static final String XDF2 = XdfDocuments.XDF2;
    private static final String XDF3 = XdfDocuments.XDF3;
    private static final FimImporter STRICT = FimImporter.builder().build();
    private static final FimImporter LENIENT = FimImporter.builder().lenient(true).build();

    private static final XdfDocuments D2 = XdfDocuments.of(XDF2);
    private static final XdfDocuments D3 = XdfDocuments.of(XDF3);

    /** A Stammdatenschema with the given structures, valid against the XSD of the namespace's version. */
    private static String schema(String namespace, String structures) {
        return XdfDocuments.of(namespace).schema(structures);
    }

    private static String structure(String anzahl, String element) {
        return D2.structure(anzahl, element);
    }

    private static String field(String id, String name, String feldart, String datentyp, String extra) {
        return D2.field(id, name, feldart, datentyp, extra);
    }

    private static String group(String id, String structures) {
        return D2.group(id, structures);
    }

    private static String oneField(String namespace, String feldart, String datentyp, String extra) {
        return XdfDocuments.of(namespace).oneField(feldart, datentyp, extra);
    }

    private static FormSchema run(FimImporter importer, String xml) {
        return importer.importSchema(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    private static FimImportException failure(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(FimImportException.class);
        return (FimImportException) thrown;
    }

    @Test
    void rejectsUnknownNamespaceNamingIt() {
        FimImportException e = failure(() -> run(LENIENT, schema("urn:example:other", "")));
        assertThat(e.code()).isEqualTo(FimError.UNKNOWN_NAMESPACE);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("urn:example:other");
        assertThat(e.userMessage(Locale.GERMAN)).contains("keine XDatenfelder-Nachricht");
    }

    @Test
    void rejectsMissingIdWithPath() {
        String xml = schema(XDF2, structure("1:1", field("F99000001", "Feld", "input", "text", ""))
                .replace("<xdf:id>F99000001</xdf:id>", ""));
        FimImportException e = failure(() -> run(LENIENT, xml));
        assertThat(e.code()).isEqualTo(FimError.MISSING_ID);
        assertThat(e.line()).isEqualTo(XdfDocuments.lineOf(xml, "<xdf:datenfeld>") + 1);
        assertThat(e.path()).isEqualTo("/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur[1]/enthaelt"
                + "/datenfeld/identifikation");
    }

    @Test
    void rejectsAnElementWithoutIdentification() {
        String xml = schema(XDF2, structure("1:1", "<xdf:datenfeld><xdf:name>x</xdf:name></xdf:datenfeld>"));
        assertThat(failure(() -> run(LENIENT, xml)).code()).isEqualTo(FimError.MISSING_ID);
    }

    @Test
    void warnsAboutDuplicateIdWithDifferentContentEvenInStrictModeAsTheXsdAllowsIt() {
        String xml = schema(XDF2, structure("1:1", field("F99000001", "Straße", "input", "text", ""))
                + structure("0:1", field("F99000001", "Hausnummer", "input", "num_int", "")));
        FormSchema schema = run(STRICT, xml);
        assertThat(schema.warnings()).extracting(ImportWarning::code).containsExactly(FimError.DUPLICATE_ID);
        ImportWarning warning = schema.warnings().get(0);
        assertThat(warning.location().elementId()).contains(FimId.of("F99000001", "1.0"));
        assertThat(warning.location().path()).endsWith("struktur[2]/enthaelt/datenfeld");
        assertThat(warning.details()).containsExactly(String.valueOf(XdfDocuments.lineOf(xml, "<xdf:datenfeld>")));
    }

    @Test
    void keepsTheFirstDefinitionOfADuplicateIdInLenientMode() {
        String xml = schema(XDF2, structure("1:1", field("F99000001", "Straße", "input", "text", ""))
                + structure("0:1", field("F99000001", "Hausnummer", "input", "num_int", "")));
        FormSchema schema = run(LENIENT, xml);
        assertThat(schema.children()).extracting(c -> c.element().name()).containsExactly("Straße", "Straße");
        assertThat(schema.warnings()).extracting(ImportWarning::code).containsExactly(FimError.DUPLICATE_ID);
    }

    @Test
    void sharesARepeatedIdenticalDefinition() {
        String street = field("F99000001", "Straße", "input", "text", "");
        FormSchema schema = run(STRICT, schema(XDF2, structure("1:1", street) + structure("0:1", street)));
        assertThat(schema.children().get(0).element()).isSameAs(schema.children().get(1).element());
        assertThat(schema.warnings()).isEmpty();
    }

    @Test
    void rejectsUnknownFeldartEvenInLenientMode() {
        String xml = oneField(XDF2, "dropdown", "text", "");
        FimImportException e = failure(() -> run(LENIENT, xml));
        assertThat(e.code()).isEqualTo(FimError.UNKNOWN_FIELD_KIND);
        assertThat(e.line()).isEqualTo(XdfDocuments.lineOf(xml, "<xdf:feldart>"));
        assertThat(e.path()).endsWith("/datenfeld/feldart");
        assertThat(e.getMessage()).contains("dropdown", "F99000001V1.0");
    }

    @Test
    void rejectsUnknownDatentyp() {
        FimImportException e = failure(() -> run(LENIENT, oneField(XDF3, "input", "string", "")));
        assertThat(e.code()).isEqualTo(FimError.UNKNOWN_DATA_TYPE);
        assertThat(e.path()).endsWith("/datenfeld/datentyp");
    }

    @Test
    void rejectsMalformedMultiplicity() {
        for (String bad : new String[] {"3:1", "a:b", "1", ""}) {
            String xml = schema(XDF2, structure(bad, field("F99000001", "Feld", "input", "text", "")));
            FimImportException e = failure(() -> run(LENIENT, xml));
            assertThat(e.code()).as(bad).isEqualTo(FimError.MULTIPLICITY_INVALID);
            assertThat(e.path()).as(bad).endsWith("struktur[1]/anzahl");
        }
    }

    @Test
    void rejectsXdf3DataTypeInXdf2FileInStrictModeAsTheXsdDoes() {
        FimImportException e = failure(() -> run(STRICT, oneField(XDF2, "input", "text_latin", "")));
        assertThat(e.code()).isEqualTo(FimError.XSD_VALUE_INVALID);
        assertThat(e.path()).endsWith("/datenfeld/datentyp/code");
        assertThat(e.getMessage()).contains("text_latin", "cvc-enumeration-valid");
    }

    @Test
    void keepsXdf3KindAndTypeInXdf2FileWithWarningsInLenientMode() {
        FormSchema schema = run(LENIENT, oneField(XDF2, "hidden", "time", ""));
        Field field = schema.fields().get(0);
        assertThat(field.kind()).isEqualTo(FieldKind.HIDDEN);
        assertThat(field.dataType()).isEqualTo(DataType.TIME);
        assertThat(schema.warnings()).extracting(ImportWarning::code).containsExactly(
                FimError.XSD_VALUE_INVALID, FimError.CODE_NOT_IN_VERSION,
                FimError.XSD_VALUE_INVALID, FimError.CODE_NOT_IN_VERSION);
    }

    @Test
    void onlyWarnsAboutIdShapesInStrictMode() {
        String xml = D3.oneField("input", "text", "");
        FormSchema schema = run(STRICT, xml);
        assertThat(schema.warnings()).extracting(ImportWarning::code).containsExactly(FimError.ID_SHAPE,
                FimError.ID_SHAPE);
        assertThat(schema.warnings().get(0).location().elementId()).contains(FimId.of("S99000001", "1.0.0"));
    }

    @Test
    void rejectsRepeatedSingleElementInStrictModeAndWarnsInLenientMode() {
        String xml = oneField(XDF3, "input", "text", "<xdf:inhalt>a</xdf:inhalt><xdf:inhalt>b</xdf:inhalt>");
        FimImportException e = failure(() -> run(STRICT, xml));
        assertThat(e.code()).isEqualTo(FimError.XSD_ELEMENT_UNEXPECTED);
        assertThat(e.path()).endsWith("/datenfeld/inhalt");
        FormSchema schema = run(LENIENT, xml);
        assertThat(schema.fields().get(0).content()).contains("b");
        assertThat(schema.warnings()).extracting(ImportWarning::code)
                .containsOnlyOnce(FimError.XSD_ELEMENT_UNEXPECTED)
                .doesNotContain(FimError.ELEMENT_REPEATED);
    }

    @Test
    void rejectsNonNumericXdf3LengthInStrictModeAndWarnsInLenientMode() {
        String xml = oneField(XDF3, "input", "text", "<xdf:praezisierung minLength=\"eins\" maxLength=\"5\"/>");
        assertThat(failure(() -> run(STRICT, xml)).code()).isEqualTo(FimError.XSD_VALUE_INVALID);
        FormSchema schema = run(LENIENT, xml);
        assertThat(schema.fields().get(0).precision().minLength()).isEmpty();
        assertThat(schema.fields().get(0).precision().maxLength()).hasValue(5);
    }

    @Test
    void onlyWarnsAboutUnreadableXdf2Precision() {
        FormSchema schema = run(STRICT, oneField(XDF2, "input", "text",
                "<xdf:praezisierung>{\"minLength\":\"1\",</xdf:praezisierung>"));
        assertThat(schema.fields().get(0).precision().text()).contains("{\"minLength\":\"1\",");
        assertThat(schema.fields().get(0).precision().minLength()).isEmpty();
        assertThat(schema.warnings()).extracting(ImportWarning::code).containsExactly(FimError.PRECISION_UNREADABLE);
    }

    @Test
    void warnsAboutContradictoryPrecision() {
        FormSchema schema = run(STRICT, oneField(XDF2, "input", "text",
                "<xdf:praezisierung>{\"minLength\":\"9\",\"maxLength\":\"2\",\"foo\":\"x\"}</xdf:praezisierung>"));
        assertThat(schema.warnings()).extracting(ImportWarning::code)
                .containsExactly(FimError.PRECISION_KEY_UNKNOWN, FimError.PRECISION_CONTRADICTORY);
    }

    @Test
    void refusesADocumentTypeDeclaration() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + schema(XDF2, structure("1:1", field("F99000001", "&xxe;", "input", "text", "")))
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
        FimImportException e = failure(() -> run(LENIENT, xml));
        assertThat(e.code()).isEqualTo(FimError.XML_DTD_FORBIDDEN);
        assertThat(e.userMessage(Locale.ENGLISH)).contains("DTD");
        assertThat(e.getCause()).isInstanceOfSatisfying(de.ozgsdk.core.InvalidInputException.class,
                core -> assertThat(core.code()).isEqualTo(de.ozgsdk.core.xml.XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void reportsMalformedXmlWithLineAndColumn() {
        FimImportException e = failure(() -> run(LENIENT, oneField(XDF2, "input", "text", "<xdf:inhalt>")));
        assertThat(e.code()).isEqualTo(FimError.XML_MALFORMED);
        assertThat(e.line()).isGreaterThan(5);
        assertThat(e.column()).isPositive();
    }

    @Test
    void rejectsAMessageWithoutSchemaGroupOrField() {
        String xml = "<xdf:xdatenfelder.codeliste.0105 xmlns:xdf=\"" + XDF3 + "\"><xdf:header/>"
                + "</xdf:xdatenfelder.codeliste.0105>";
        FimImportException e = failure(() -> run(LENIENT, xml));
        assertThat(e.code()).isEqualTo(FimError.UNSUPPORTED_MESSAGE);
        assertThat(e.getMessage()).contains("xdatenfelder.codeliste.0105");
    }

    @Test
    void rejectsAStructureWithoutContent() {
        String xml = schema(XDF2, "<xdf:struktur><xdf:anzahl>1:1</xdf:anzahl></xdf:struktur>");
        FimImportException e = failure(() -> run(LENIENT, xml));
        assertThat(e.code()).isEqualTo(FimError.MISSING_ELEMENT);
        assertThat(e.getMessage()).contains("enthaelt");
    }

    @Test
    void rejectsMissingFeldartInStrictModeAndAssumesInputInLenientMode() {
        String xml = oneField(XDF2, "input", "text", "").replace("<xdf:feldart><code>input</code></xdf:feldart>",
                "");
        FimImportException e = failure(() -> run(STRICT, xml));
        assertThat(e.code()).isEqualTo(FimError.XSD_ELEMENT_UNEXPECTED);
        assertThat(e.getMessage()).contains("Expected here: feldart");
        assertThat(run(LENIENT, xml).fields().get(0).kind()).isEqualTo(FieldKind.INPUT);
    }

    @Test
    void enforcesTheDepthLimit() {
        FimImporter shallow = FimImporter.builder().maxDepth(8).build();
        String nested = group("G99000002", structure("1:1", field("F99000001", "Feld", "input", "text", "")));
        String xml = schema(XDF2, structure("1:1", group("G99000001", structure("1:1", nested))));
        FimImportException e = failure(() -> run(shallow, xml));
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("maxDepth");
    }

    @Test
    void enforcesTheElementLimit() {
        String street = field("F99000001", "Straße", "input", "text", "");
        FimImporter small = FimImporter.builder().maxElements(1).build();
        FimImportException e = failure(() -> run(small, schema(XDF2, structure("1:1", street)
                + structure("1:1", street))));
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
    }

    @Test
    void rejectsABadBuilderSetting() {
        assertThatThrownBy(() -> FimImporter.builder().maxDepth(2))
                .isInstanceOf(de.ozgsdk.core.InvalidInputException.class);
    }

    @Test
    void reportsAnUnreadableFile() {
        FimImportException e = failure(() -> STRICT.importSchema(java.nio.file.Path.of("does-not-exist.xml")));
        assertThat(e.code()).isEqualTo(FimError.READ_FAILED);
    }
}
