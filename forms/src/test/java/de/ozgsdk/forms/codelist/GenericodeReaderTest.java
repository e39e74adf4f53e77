package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.core.xml.XmlError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenericodeReaderTest {

    private final GenericodeReader reader = GenericodeReader.create();

    // ---- dialects --------------------------------------------------------------------------------------------------

    @Test
    void readsDefaultNamespaceFimExport() {
        CodeList list = fixture("default-namespace.gc");

        assertThat(list.canonicalUri()).isEqualTo("urn:de:ozgsdk:test:codeliste:einwilligung");
        assertThat(list.version()).contains("2023-04-01");
        assertThat(list.canonicalVersionUri()).contains("urn:de:ozgsdk:test:codeliste:einwilligung_2023-04-01");
        assertThat(list.shortName()).isEmpty();
        assertThat(list.longName()).isEmpty();
        assertThat(list.keyColumnId()).isEqualTo("code");
        assertThat(list.nameColumnId()).contains("name");
        assertThat(list.nameColumnInferred()).isFalse();
        assertThat(list.codes()).containsExactly("J", "N");
        assertThat(list.name("N")).contains("Nein");
        assertThat(list.xoevMetadata()).isEqualTo(CodeList.XoevMetadata.NONE);
    }

    @Test
    void readsGcPrefixedListWithFirstGenerationXoevAnnotations() {
        CodeList list = fixture("gc-prefix-xoev-1_0.gc");

        assertThat(list.keyColumnId()).as("key marked xoev-code").isEqualTo("KUERZEL");
        assertThat(list.nameColumnId()).as("key marked xoev-codename").contains("Bezeichnung");
        assertThat(list.nameColumnInferred()).isFalse();
        assertThat(list.name("S")).contains("Süden");
        assertThat(list.row("O")).contains(Map.of("KUERZEL", "O", "Grad", "90", "Bezeichnung", "Osten"));
        assertThat(list.shortName()).isEqualTo("Himmelsrichtung");
        assertThat(list.longName()).contains("Die vier Himmelsrichtungen");
        assertThat(list.agency()).contains(new CodeList.Agency(Optional.of("OZG-SDK"),
                Optional.of("Testredaktion des OZG SDK"), Optional.empty()));
        assertThat(list.xoevMetadata().namespace()).contains("http://www.xoev.de/schemata/xoev-gc-codelist-1_0");
        assertThat(list.xoevMetadata().description()).contains("Himmelsrichtungen für Testzwecke.");
        assertThat(list.xoevMetadata().validFrom()).contains("2011-01-01");
        assertThat(list.xoevMetadata().recommendedKeyColumnId()).isEmpty();
        assertThat(list.xoevMetadata().values()).doesNotContainKey("notiz");
    }

    @Test
    void readsColumnsWithTypeAndUse() {
        CodeList list = fixture("gc-prefix-xoev-1_0.gc");

        assertThat(list.columns()).containsExactly(
                new CodeList.Column("KUERZEL", "KUERZEL", Optional.empty(), "string", CodeList.Use.REQUIRED),
                new CodeList.Column("Grad", "Grad", Optional.empty(), "integer", CodeList.Use.OPTIONAL),
                new CodeList.Column("Bezeichnung", "Bezeichnung", Optional.empty(), "string", CodeList.Use.REQUIRED));
    }

    @Test
    void readsSecondGenerationAnnotationsAndLongNamesWithIdentifier() {
        CodeList list = fixture("xoev-genericode-2.gc");

        assertThat(list.keyColumnId()).isEqualTo("code");
        assertThat(list.nameColumnId()).contains("wert");
        assertThat(list.longNames()).containsExactly(
                new CodeList.LongName("Jahreszeit", Optional.empty(), Optional.of("de")),
                new CodeList.LongName("urn:xoev-de:ozgsdk:codeliste:jahreszeit", Optional.of("listID"),
                        Optional.empty()));
        assertThat(list.longName()).contains("Jahreszeit");
        assertThat(list.xoevMetadata().namespace()).contains("http://xoev.de/schemata/genericode/2");
        assertThat(list.xoevMetadata().description()).contains("Die vier Jahreszeiten.");
        assertThat(list.xoevMetadata().kennung()).contains("urn:xoev-de:ozgsdk:codeliste:jahreszeit");
        assertThat(list.xoevMetadata().agencyName()).contains("Testredaktion des OZG SDK");
        assertThat(list.xoevMetadata().versionDescription()).contains("Erste Fassung");
    }

    @Test
    void prefersTheRecommendedKeyOfThirdGenerationOverTheFirstKey() {
        CodeList list = fixture("xoev-genericode-3.gc");

        assertThat(list.keyColumnId()).isEqualTo("schluessel");
        assertThat(list.xoevMetadata().recommendedKeyColumnId()).contains("schluessel");
        assertThat(list.nameColumnId()).contains("bezeichnung");
        assertThat(list.name("978")).contains("Euro");
        assertThat(list.contains("EUR")).isFalse();
        assertThat(list.xoevMetadata().namespace()).contains("http://xoev.de/schemata/genericode/3");
        assertThat(list.xoevMetadata().validFrom()).contains("2020-01-01");
        assertThat(list.xoevMetadata().changes()).contains("Keine");
    }

    @Test
    void infersTheNameColumnWhenFourthGenerationListHasOnlyARecommendedKey() {
        CodeList list = fixture("xoev-genericode-4.gc");

        assertThat(list.keyColumnId()).isEqualTo("Key");
        assertThat(list.xoevMetadata().recommendedKeyColumnId()).contains("Key");
        assertThat(list.nameColumnId()).as("first string column after the key, skipping the integer one")
                .contains("Wochentag");
        assertThat(list.nameColumnInferred()).isTrue();
        assertThat(list.name("SO")).contains("Sonntag");
        assertThat(list.xoevMetadata().namespace()).contains("http://xoev.de/schemata/genericode/4");
        assertThat(list.xoevMetadata().description()).contains("Die Tage der Woche.");
        assertThat(list.xoevMetadata().agencyName()).contains("OZG-SDK");
        assertThat(list.xoevMetadata().values()).containsEntry("unbekanntesElement", "wird als Text gelesen");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://www.xoev.de/schemata/xoev-gc-codelist-1_0",
        "http://xoev.de/schemata/genericode/1_0",
        "http://xoev.de/schemata/genericode/2",
        "http://xoev.de/schemata/genericode/3",
        "http://xoev.de/schemata/genericode/4"})
    void recognisesTheRecommendedKeyMarkerInEveryXoevNamespaceGeneration(String namespace) {
        CodeList list = read("""
                <gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/" xmlns:x="%s">
                  <Identification><ShortName>t</ShortName><Version>1</Version><CanonicalUri>urn:t</CanonicalUri>
                  </Identification>
                  <ColumnSet>
                    <Column Id="a"><ShortName>a</ShortName><Data Type="string"/></Column>
                    <Column Id="b"><ShortName>b</ShortName><Data Type="string"/></Column>
                    <Key Id="first"><ShortName>f</ShortName><ColumnRef Ref="a"/></Key>
                    <Key Id="second"><Annotation><AppInfo><x:recommendedKeyColumn/></AppInfo></Annotation>
                      <ShortName>s</ShortName><ColumnRef Ref="b"/></Key>
                  </ColumnSet>
                  <SimpleCodeList><Row><Value><SimpleValue>1</SimpleValue></Value>
                    <Value><SimpleValue>2</SimpleValue></Value></Row></SimpleCodeList>
                </gc:CodeList>""".formatted(namespace));

        assertThat(list.keyColumnId()).isEqualTo("b");
        assertThat(list.xoevMetadata().namespace()).contains(namespace);
    }

    @Test
    void readsCanonicalUriThatIsNotAUrn() {
        CodeList list = fixture("non-urn-uri.gc");

        assertThat(list.canonicalUri()).isEqualTo("Art der Zahlung (kurz)");
        assertThat(list.canonicalVersionUri()).contains("Art der Zahlung (kurz)_0.1");
        assertThat(list.name("01")).contains("Überweisung");
    }

    @Test
    void readsEmptyCanonicalUri() {
        CodeList list = fixture("empty-uri.gc");

        assertThat(list.canonicalUri()).isEmpty();
        assertThat(list.canonicalVersionUri()).isEmpty();
        assertThat(list.version()).contains("1");
        assertThat(list.codes()).containsExactly("A");
    }

    @Test
    void readsPositionalAndMissingCells() {
        CodeList list = fixture("missing-cells.gc");

        assertThat(list.canonicalVersionUri()).isEmpty();
        assertThat(list.row("R")).contains(Map.of("code", "R", "name", "Rot", "hex", "#FF0000"));
        assertThat(list.row("G")).contains(Map.of("code", "G", "name", "Grün"));
        assertThat(list.row("B")).contains(Map.of("code", "B", "name", "Blau"));
        assertThat(list.row("K")).contains(Map.of("code", "K", "name", "Schwarz", "hex", "#000000"));
        assertThat(list.codes()).containsExactly("R", "G", "B", "K");
    }

    @Test
    void collapsesWhitespaceInIdentification() {
        CodeList list = read("""
                <CodeList xmlns="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"><Identification>
                <ShortName>t</ShortName><Version>
                  2020-05-11
                </Version><CanonicalUri>urn:de:test:staat
                   </CanonicalUri></Identification>
                <ColumnSet><Column Id="c"><ShortName>c</ShortName><Data Type="string"/></Column>
                <Key Id="codeKey"><ShortName>k</ShortName><ColumnRef Ref="c"/></Key></ColumnSet>
                <SimpleCodeList><Row><Value><SimpleValue>1</SimpleValue></Value></Row></SimpleCodeList></CodeList>
                """);

        assertThat(list.canonicalUri()).isEqualTo("urn:de:test:staat");
        assertThat(list.version()).contains("2020-05-11");
        assertThat(list.nameColumnId()).as("no second column").isEmpty();
        assertThat(list.name("1")).isEmpty();
    }

    @Test
    void readsFromFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("liste.gc");
        try (InputStream in = resource("default-namespace.gc")) {
            Files.copy(in, file);
        }

        assertThat(reader.read(file).codes()).containsExactly("J", "N");
    }

    // ---- bad input -------------------------------------------------------------------------------------------------

    @Test
    void rejectsDocumentThatIsNotGenericode() {
        InvalidInputException e = rejected("""
                <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"/>""");

        assertThat(e.code()).isEqualTo(CodeListError.NOT_GENERICODE);
        assertThat(e.getMessage()).contains("test.gc", "{urn:xoev-de:fim:standard:xdatenfelder_2}"
                + "xdatenfelder.stammdatenschema.0102", "line 1");
    }

    @Test
    void rejectsCodeListRootInNoNamespace() {
        assertThat(rejected("<CodeList/>").code()).isEqualTo(CodeListError.NOT_GENERICODE);
    }

    @Test
    void rejectsMalformedXmlWithPosition() {
        InvalidInputException e = rejected("<CodeList xmlns=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">"
                + "\n<Identification></Identifikation>");

        assertThat(e.code()).isEqualTo(XmlError.MALFORMED);
        assertThat(e.getMessage()).contains("test.gc", "line 2");
    }

    @Test
    void rejectsDuplicateCodeNamingBothRows() {
        InvalidInputException e = rejected(list(row("01", "a") + "\n" + row("02", "b") + "\n" + row("01", "c")));

        assertThat(e.code()).isEqualTo(CodeListError.DUPLICATE_CODE);
        assertThat(e.arguments()).containsSubsequence("01", "code", "3", "1");
        assertThat(e.userMessage(Locale.GERMAN)).contains("Der Code 01", "Zeile 3", "zuvor in Zeile 1");
    }

    @Test
    void rejectsRowWithoutKeyValue() {
        InvalidInputException e = rejected(list(
                "<Row><Value ColumnRef=\"name\"><SimpleValue>a</SimpleValue></Value></Row>"));

        assertThat(e.code()).isEqualTo(CodeListError.MISSING_KEY_VALUE);
        assertThat(e.userMessage(Locale.ENGLISH)).contains("Row 1", "key column code");
    }

    @Test
    void rejectsRowWithEmptyKeyValue() {
        InvalidInputException e = rejected(list(
                "<Row><Value ColumnRef=\"code\"><SimpleValue></SimpleValue></Value></Row>"));

        assertThat(e.code()).isEqualTo(CodeListError.MISSING_KEY_VALUE);
    }

    @Test
    void rejectsKeyReferencingUnknownColumn() {
        InvalidInputException e = rejected(document("""
                <Column Id="code"><ShortName>c</ShortName><Data Type="string"/></Column>
                <Key Id="codeKey"><ShortName>k</ShortName><ColumnRef Ref="schluessel"/></Key>""", ""));

        assertThat(e.code()).isEqualTo(CodeListError.KEY_UNKNOWN_COLUMN);
        assertThat(e.arguments()).contains("codeKey", "schluessel", "code");
        assertThat(e.getMessage()).contains("line 4");
    }

    @Test
    void rejectsValueReferencingUnknownColumn() {
        InvalidInputException e = rejected(list(
                "<Row><Value ColumnRef=\"code\"><SimpleValue>1</SimpleValue></Value>"
                + "<Value ColumnRef=\"farbe\"><SimpleValue>x</SimpleValue></Value></Row>"));

        assertThat(e.code()).isEqualTo(CodeListError.VALUE_UNKNOWN_COLUMN);
        assertThat(e.arguments()).contains("farbe", "code, name");
    }

    @Test
    void rejectsPositionalValueBeyondTheLastColumn() {
        InvalidInputException e = rejected(list("<Row><Value><SimpleValue>1</SimpleValue></Value>"
                + "<Value><SimpleValue>a</SimpleValue></Value><Value><SimpleValue>x</SimpleValue></Value></Row>"));

        assertThat(e.code()).isEqualTo(CodeListError.VALUE_UNKNOWN_COLUMN);
        assertThat(e.arguments()).contains("#3");
    }

    @Test
    void rejectsTwoValuesForOneColumn() {
        InvalidInputException e = rejected(list("<Row><Value ColumnRef=\"code\"><SimpleValue>1</SimpleValue></Value>"
                + "<Value ColumnRef=\"code\"><SimpleValue>2</SimpleValue></Value></Row>"));

        assertThat(e.code()).isEqualTo(CodeListError.DUPLICATE_CELL);
    }

    @Test
    void rejectsDuplicateColumnId() {
        InvalidInputException e = rejected(document("""
                <Column Id="code"><ShortName>c</ShortName><Data Type="string"/></Column>
                <Column Id="code"><ShortName>c</ShortName><Data Type="string"/></Column>
                <Key Id="codeKey"><ShortName>k</ShortName><ColumnRef Ref="code"/></Key>""", ""));

        assertThat(e.code()).isEqualTo(CodeListError.DUPLICATE_COLUMN);
    }

    @Test
    void rejectsColumnSetWithoutKey() {
        InvalidInputException e = rejected(document(
                "<Column Id=\"code\"><ShortName>c</ShortName><Data Type=\"string\"/></Column>", ""));

        assertThat(e.code()).isEqualTo(CodeListError.NO_KEY);
        assertThat(e.userMessage(Locale.GERMAN)).contains("codeKey");
    }

    @Test
    void rejectsCompositeCodeKey() {
        InvalidInputException e = rejected(document("""
                <Column Id="a"><ShortName>a</ShortName><Data Type="string"/></Column>
                <Column Id="b"><ShortName>b</ShortName><Data Type="string"/></Column>
                <Key Id="codeKey"><ShortName>k</ShortName><ColumnRef Ref="a"/><ColumnRef Ref="b"/></Key>""", ""));

        assertThat(e.code()).isEqualTo(CodeListError.COMPOSITE_KEY);
    }

    @Test
    void rejectsColumnWithoutId() {
        InvalidInputException e = rejected(document(
                "<Column><ShortName>c</ShortName><Data Type=\"string\"/></Column>", ""));

        assertThat(e.code()).isEqualTo(CodeListError.MISSING_ATTRIBUTE);
        assertThat(e.arguments()).contains("Id", "Column");
    }

    @Test
    void rejectsListWithoutSimpleCodeList() {
        InvalidInputException e = rejected("""
                <CodeList xmlns="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
                <Identification><ShortName>t</ShortName></Identification>
                <ColumnSet><Column Id="c"><ShortName>c</ShortName><Data Type="string"/></Column>
                <Key Id="codeKey"><ShortName>k</ShortName><ColumnRef Ref="c"/></Key></ColumnSet></CodeList>""");

        assertThat(e.code()).isEqualTo(CodeListError.MISSING_ELEMENT);
        assertThat(e.arguments()).contains("SimpleCodeList");
    }

    @Test
    void rejectsExternalColumnSetReference() {
        InvalidInputException e = rejected("""
                <CodeList xmlns="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
                <Identification><ShortName>t</ShortName></Identification>
                <ColumnSetRef><CanonicalVersionUri>urn:x</CanonicalVersionUri></ColumnSetRef></CodeList>""");

        assertThat(e.code()).isEqualTo(CodeListError.UNSUPPORTED_CONSTRUCT);
    }

    @Test
    void reportsUnreadableFile(@TempDir Path directory) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> reader.read(directory.resolve("fehlt.gc")));

        assertThat(e.code()).isEqualTo(CodeListError.READ_FAILED);
    }

    @Test
    void refusesDoctypeWithExternalEntity() {
        String xml = list("<Row><Value><SimpleValue>1</SimpleValue></Value>"
                + "<Value><SimpleValue>&e;</SimpleValue></Value></Row>")
                .replace("<CodeList ", "<!DOCTYPE CodeList [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>\n<CodeList ");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(xml));

        assertThat(e).as("a DOCTYPE must be refused").isNotNull();
        assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED);
    }

    @Test
    void refusesDoctypeWithInternalEntityExpansion() {
        String xml = list("<Row><Value><SimpleValue>1</SimpleValue></Value>"
                + "<Value><SimpleValue>&b;</SimpleValue></Value></Row>")
                .replace("<CodeList ", "<!DOCTYPE CodeList [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n"
                        + "<CodeList ");

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> read(xml)).code())
                .isEqualTo(XmlError.DTD_NOT_ALLOWED);
    }

    @Test
    void honoursTheXmlLimitsItIsGiven() {
        GenericodeReader small = GenericodeReader.create(SecureXml.builder().maxDocumentBytes(100).build());
        String xml = list(row("1", "a"));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> small.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "gross.gc"));

        assertThat(e.code()).isEqualTo(XmlError.DOCUMENT_TOO_LARGE);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String row(String code, String name) {
        return "<Row><Value><SimpleValue>" + code + "</SimpleValue></Value><Value><SimpleValue>" + name
                + "</SimpleValue></Value></Row>";
    }

    /** A list with columns code and name and the given rows. */
    private static String list(String rows) {
        return document("""
                <Column Id="code" Use="required"><ShortName>c</ShortName><Data Type="string"/></Column>
                <Column Id="name"><ShortName>n</ShortName><Data Type="string"/></Column>
                <Key Id="codeKey"><ShortName>k</ShortName><ColumnRef Ref="code"/></Key>""", rows);
    }

    private static String document(String columnSet, String rows) {
        return "<CodeList xmlns=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">"
                + "<Identification><ShortName>t</ShortName><Version>1</Version><CanonicalUri>urn:t</CanonicalUri>"
                + "</Identification>\n<ColumnSet>\n" + columnSet + "\n</ColumnSet>\n<SimpleCodeList>\n" + rows
                + "\n</SimpleCodeList></CodeList>";
    }

    private InvalidInputException rejected(String xml) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(xml));
        assertThat(e).as("expected rejection").isNotNull();
        return e;
    }

    private CodeList read(String xml) {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.gc");
    }

    private CodeList fixture(String name) {
        try (InputStream in = resource(name)) {
            return reader.read(in, name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = GenericodeReaderTest.class.getResourceAsStream("dialects/" + name);
        assertThat(in).as("fixture %s", name).isNotNull();
        return in;
    }

}
