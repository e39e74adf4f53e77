package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FimImporterTest {

    private static final FimImporter STRICT = FimImporter.builder().build();
    private static final FimImporter LENIENT = FimImporter.builder().lenient(true).build();

    private static FormSchema load(FimImporter importer, String resource) {
        try (InputStream in = FimImporterTest.class.getResourceAsStream("fim/" + resource)) {
            return importer.importSchema(in, resource);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- XDatenfelder 2 ----------------------------------------------------------------------------------------

    @Test
    void importsXdf2SchemaMetadata() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        assertThat(schema.xdfVersion()).isEqualTo(XdfVersion.XDF2);
        assertThat(schema.messageKind()).isEqualTo(MessageKind.STAMMDATENSCHEMA);
        assertThat(schema.id()).isEqualTo(FimId.of("S99000001", "1.0"));
        assertThat(schema.metadata().label().german()).isEqualTo("Antrag auf Test");
        assertThat(schema.metadata().status()).get().extracting(ReleaseStatus::code).isEqualTo("aktiv");
        assertThat(schema.metadata().validFrom()).contains(LocalDate.of(2024, 1, 1));
        assertThat(schema.metadata().validUntil()).contains(LocalDate.of(2030, 12, 31));
        assertThat(schema.metadata().legalBasis()).containsExactly("§ 1 TestG");
        assertThat(schema.metadata().definition()).isEmpty();
        assertThat(schema.root()).isEmpty();
    }

    @Test
    void sharesAGroupReusedAtTwoPlacesWithEachPlacesMultiplicity() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        ElementRef first = schema.children().get(0);
        ElementRef second = schema.children().get(1);
        assertThat(first.element()).isSameAs(second.element());
        assertThat(first.multiplicity()).hasToString("1:1");
        assertThat(second.multiplicity().isUnbounded()).isTrue();
        assertThat(schema.groups()).hasSize(1);
        assertThat(schema.fields()).extracting(f -> f.id().id()).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void readsEveryXdf2FieldKindAndDataType() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        assertThat(schema.fields()).extracting(Field::kind).contains(FieldKind.INPUT, FieldKind.SELECT,
                FieldKind.LABEL);
        assertThat(schema.fields()).extracting(Field::dataType).containsExactlyInAnyOrder(DataType.TEXT,
                DataType.TEXT, DataType.BOOL, DataType.TEXT, DataType.DATE, DataType.NUM_INT, DataType.FILE,
                DataType.NUM, DataType.NUM_CURRENCY, DataType.OBJ);
        assertThat(schema.field("F99000004").orElseThrow().content())
                .contains("Bitte füllen Sie alle Pflichtfelder aus.");
    }

    @Test
    void readsJsonLikePrecisionWithRegexPattern() {
        Precision street = load(STRICT, "xdf2-schema.xml").field("F99000001").orElseThrow().precision();
        assertThat(street.minLength()).hasValue(1);
        assertThat(street.maxLength()).hasValue(55);
        assertThat(street.pattern()).contains("[\\p{L}0-9. ]*");
        assertThat(street.compiledPattern()).isPresent();
    }

    @Test
    void keepsADescriptionInPlaceOfAPatternAndWarnsEvenInStrictMode() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        Precision municipality = schema.field("F99000002").orElseThrow().precision();
        assertThat(municipality.pattern()).contains("Codeliste Regionalschlüssel");
        assertThat(municipality.compiledPattern()).isEmpty();
        assertThat(schema.warnings()).filteredOn(w -> w.code() == FimError.PATTERN_NOT_REGEX).singleElement()
                .satisfies(w -> assertThat(w.location().elementId()).contains(FimId.of("F99000002", "1.0")));
    }

    @Test
    void readsValueRangeAsNumbers() {
        Precision year = load(STRICT, "xdf2-schema.xml").field("F99000006").orElseThrow().precision();
        assertThat(year.minNumber()).contains(new BigDecimal("1850"));
        assertThat(year.maxNumber()).contains(new BigDecimal("2025"));
    }

    @Test
    void readsCodeListReferencesIncludingNonUrnOnes() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        assertThat(schema.codeListReferences()).extracting(CodeListReference::canonicalUri).containsExactly(
                "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs", "Halterdaten");
        CodeListReference rs = schema.field("F99000002").orElseThrow().codeList().orElseThrow();
        assertThat(rs.version()).contains("2024-01-31");
        assertThat(rs.canonicalVersionUri())
                .contains("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs_2024-01-31");
        assertThat(rs.fimId()).contains("C99000001");
        assertThat(rs.isUrn()).isTrue();
        assertThat(schema.field("F99000003").orElseThrow().codeList().orElseThrow().isUrn()).isFalse();
    }

    @Test
    void importsRulesWithTheElementTheyBelongTo() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        assertThat(schema.rules()).extracting(r -> r.rule().id().id() + "@" + r.owner().id())
                .containsExactly("R99000001@S99000001", "R99000002@F99000007");
        FormRule schemaRule = schema.ownRules().get(0);
        assertThat(schemaRule.freeText()).get().asString().startsWith("Wenn bei F99000003");
        assertThat(schemaRule.hasScriptBody()).isFalse();
        assertThat(schemaRule.type()).isEmpty();
    }

    @Test
    void warnsOnceAboutAWorkingCopyIdWithoutVersion() {
        FormSchema schema = load(STRICT, "xdf2-schema.xml");
        assertThat(schema.element("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07")).isPresent();
        assertThat(schema.warnings()).extracting(ImportWarning::code)
                .containsOnlyOnce(FimError.ID_SHAPE, FimError.VERSION_MISSING);
    }

    @Test
    void warningsSayWhereInGermanAndEnglish() {
        ImportWarning warning = load(STRICT, "xdf2-schema.xml").warnings().stream()
                .filter(w -> w.code() == FimError.PATTERN_NOT_REGEX).findFirst().orElseThrow();
        assertThat(warning.location().line()).isPositive();
        assertThat(warning.location().path()).isEqualTo(
                "/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur[1]/enthaelt/datenfeldgruppe"
                        + "/struktur[2]/enthaelt/datenfeld/praezisierung");
        assertThat(warning.message(Locale.GERMAN)).contains("kein regulärer Ausdruck", "xdf2-schema.xml");
        assertThat(warning.message(Locale.ENGLISH)).contains("not a regular expression");
    }

    // ---- XDatenfelder 3 ----------------------------------------------------------------------------------------

    @Test
    void importsXdf3SchemaWithLabelAndHelpOfTheSchema() {
        FormSchema schema = load(STRICT, "xdf3-schema.xml");
        assertThat(schema.xdfVersion()).isEqualTo(XdfVersion.XDF3);
        assertThat(schema.metadata().label().german()).isEqualTo("Antrag auf Test (XDF3)");
        assertThat(schema.metadata().inputHelp()).get().hasToString("Hilfe zum Antrag");
        assertThat(schema.metadata().status().orElseThrow().isActive()).isTrue();
        assertThat(schema.warnings()).isEmpty();
    }

    @Test
    void readsXdf3OnlyKindsAndTypes() {
        FormSchema schema = load(STRICT, "xdf3-schema.xml");
        assertThat(schema.field("F99000000001").orElseThrow().dataType()).isEqualTo(DataType.TEXT_LATIN);
        assertThat(schema.field("F99000000003").orElseThrow().dataType()).isEqualTo(DataType.TIME);
        Field locked = schema.field("F99000000004").orElseThrow();
        assertThat(locked.kind()).isEqualTo(FieldKind.LOCKED);
        assertThat(locked.dataType()).isEqualTo(DataType.DATETIME);
        assertThat(locked.prefill()).contains("verpflichtend");
        assertThat(schema.field("F99000000005").orElseThrow().kind()).isEqualTo(FieldKind.HIDDEN);
    }

    @Test
    void readsAttributePrecisionLabelsAndHelpOfAField() {
        Field name = load(STRICT, "xdf3-schema.xml").field("F99000000001").orElseThrow();
        assertThat(name.precision().minLength()).hasValue(1);
        assertThat(name.precision().maxLength()).hasValue(120);
        assertThat(name.precision().compiledPattern()).get()
                .satisfies(p -> assertThat(p.matcher("Müller-Lüdenscheidt").matches()).isTrue());
        assertThat(name.metadata().outputLabel()).get().hasToString("Name");
        assertThat(name.metadata().inputHelp()).get().hasToString("Wie im Ausweis");
        assertThat(name.metadata().outputHelp()).get().hasToString("Name laut Ausweis");
    }

    @Test
    void readsInlineValuesAndRuleType() {
        Field kind = load(STRICT, "xdf3-schema.xml").field("F99000000002").orElseThrow();
        assertThat(kind.values()).containsExactly(
                new InlineValue("neu", "Erstantrag", java.util.Optional.of("Zum ersten Mal")),
                new InlineValue("verl", "Verlängerung", java.util.Optional.empty()));
        FormRule rule = kind.rules().get(0);
        assertThat(rule.type()).contains(RuleType.VALIDATION);
        assertThat(rule.freeText()).get().asString().contains("zur Pflichtangabe");
        assertThat(rule.hasScriptBody()).isFalse();
    }

    @Test
    void readsChoiceGroupFileLimitsAndCodeListColumns() {
        FormSchema schema = load(STRICT, "xdf3-schema.xml");
        assertThat(schema.group("G99000000001").orElseThrow().isChoice()).isTrue();
        Precision file = schema.field("F99000000006").orElseThrow().precision();
        assertThat(file.maxSize()).hasValue(5_000_000L);
        assertThat(file.mediaTypes()).containsExactly("application/pdf", "image/jpeg");
        Field nationality = schema.field("F99000000007").orElseThrow();
        assertThat(nationality.codeList().orElseThrow().version()).contains("2020-05-11");
        assertThat(nationality.codeListColumns().nameKey()).contains("suchbegriff");
        assertThat(schema.field("F99000000004").orElseThrow().precision().minDate())
                .contains(LocalDate.of(2024, 1, 1));
    }

    @Test
    void importsAGroupMessageAsSchemaWithThatGroupAsRoot() {
        FormSchema schema = load(STRICT, "xdf3-group.xml");
        assertThat(schema.messageKind()).isEqualTo(MessageKind.DATENFELDGRUPPE);
        assertThat(schema.id()).isEqualTo(FimId.of("G99000000010", "1.0.0"));
        assertThat(schema.root()).get().isInstanceOf(FieldGroup.class);
        assertThat(schema.children()).singleElement().extracting(ElementRef::multiplicity)
                .isEqualTo(Multiplicity.EXACTLY_ONE);
        assertThat(schema.groups()).extracting(g -> g.id().id()).containsExactly("G99000000010", "G99000000011");
        assertThat(schema.group("G99000000011").orElseThrow().children().get(0).multiplicity())
                .hasToString("1:3");
        assertThat(schema.rules()).singleElement().satisfies(r -> {
            assertThat(r.owner().id()).isEqualTo("G99000000010");
            assertThat(r.rule().type()).contains(RuleType.MULTIPLICITY);
        });
    }

    @Test
    void importsAFieldMessageAsSchemaWithThatFieldAsRoot() {
        FormSchema schema = load(STRICT, "xdf3-field.xml");
        assertThat(schema.messageKind()).isEqualTo(MessageKind.DATENFELD);
        assertThat(schema.root()).get().isInstanceOf(Field.class);
        assertThat(schema.fields()).singleElement().satisfies(f -> {
            assertThat(f.dataType()).isEqualTo(DataType.NUM_INT);
            assertThat(f.precision().maxNumber()).contains(new BigDecimal("12"));
        });
    }

    // ---- code list availability ----------------------------------------------------------------------------------

    @Test
    void strictImportFailsOnAMissingCodeList() {
        FimImporter importer = FimImporter.builder().codeLists(ref -> !ref.canonicalUri().equals("Halterdaten"))
                .build();
        assertThatThrownBy(() -> load(importer, "xdf2-schema.xml"))
                .isInstanceOfSatisfying(FimImportException.class, e -> {
                    assertThat(e.code()).isEqualTo(FimError.CODE_LIST_MISSING);
                    assertThat(e.location().elementId()).contains(FimId.of("F99000003", "1.0"));
                    assertThat(e.getMessage()).contains("Halterdaten 0.1");
                });
    }

    @Test
    void lenientImportWarnsOnceAboutAMissingCodeList() {
        FimImporter importer = FimImporter.builder().lenient(true).codeLists(ref -> false).build();
        FormSchema schema = load(importer, "xdf2-schema.xml");
        assertThat(schema.warnings()).filteredOn(w -> w.code() == FimError.CODE_LIST_MISSING).hasSize(2);
    }

    // ---- shared helpers for the broken inputs --------------------------------------------------------------------

    static FormSchema importText(FimImporter importer, String xml) {
        return importer.importSchema(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

}
