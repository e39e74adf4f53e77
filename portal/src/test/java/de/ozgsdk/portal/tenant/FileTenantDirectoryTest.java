package de.ozgsdk.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.portal.service.ChannelKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FileTenantDirectoryTest {

    static final String KOELN_ARS = "053150000000";
    static final String BONN_ARS = "053140000000";

    @TempDir
    Path dir;

    static Path koelnDirectory() {
        try {
            return Path.of(FileTenantDirectoryTest.class.getResource("/de/ozgsdk/portal/tenant/koeln").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid tenant file of Bonn without logo, with {@code replace} applied to its text. */
    static String bonn(String... replace) {
        String json = """
                {
                  "regionalKey": "053140000000",
                  "name": {"de": "Bundesstadt Bonn"},
                  "branding": {"primaryColour": "#004F9F", "accentColour": "#004F9F"},
                  "services": ["anwohnerparkausweis"],
                  "backOffice": {"anwohnerparkausweis": {"channel": "HTTPS", "destination": "bonn-parken"}}
                }
                """;
        for (int i = 0; i < replace.length; i += 2) {
            json = json.replace(replace[i], replace[i + 1]);
        }
        return json;
    }

    @Test
    void loadsATenantWithLogoColoursServicesAccountsAndBackOffice() {
        FileTenantDirectory tenants = FileTenantDirectory.load(koelnDirectory());

        PortalTenant koeln = tenants.findByRegionalKey(RegionalKey.parse(KOELN_ARS)).orElseThrow();
        assertThat(koeln.tenant().id()).isEqualTo(TenantId.parse(KOELN_ARS));
        assertThat(koeln.tenant().name().get(Locale.ENGLISH)).isEqualTo("City of Cologne");
        assertThat(koeln.branding().primaryColour()).isEqualTo("#C8102E");
        Branding.Logo logo = koeln.branding().logo().orElseThrow();
        assertThat(logo.mediaType()).isEqualTo("image/svg+xml");
        assertThat(new String(logo.content(), StandardCharsets.UTF_8)).contains("<svg");
        assertThat(logo.alt().german()).isEqualTo("Wappen der Stadt Köln");
        assertThat(koeln.languages()).containsExactly(Locale.GERMAN, Locale.ENGLISH);
        assertThat(koeln.paymentAccount("anwohnerparkausweis").orElseThrow().objektnummer()).contains("P-4711");
        assertThat(koeln.paymentAccount("hundesteuer").orElseThrow().haushaltsstelle()).isEqualTo("1.1200.431000");
        assertThat(koeln.postboxSender()).contains("Stadt Köln, Bürgeramt");
        assertThat(koeln.backOffice("anwohnerparkausweis").orElseThrow())
                .isEqualTo(new BackOfficeDestination(ChannelKind.FIT_CONNECT, "koeln-parken"));
    }

    @Test
    void reportsEveryProblemOfAFileWithLineColumnAndPointer() throws IOException {
        Files.writeString(dir.resolve("bonn.json"), bonn(
                "\"name\"", "\"nmae\"",
                "\"accentColour\": \"#004F9F\"", "\"accentColour\": \"#FFD700\"",
                "\"destination\": \"bonn-parken\"", "\"destination\": \"bonn parken\""));

        TenantFileException e = catchThrowableOfType(TenantFileException.class,
                () -> FileTenantDirectory.load(dir));

        assertThat(e.problems()).extracting(TenantFileProblem::toString).containsExactlyInAnyOrder(
                "bonn.json:3:11 (/nmae): unknown key \"nmae\"; allowed here: $schema, id, regionalKey, name, branding,"
                        + " services, languages, paymentAccount, servicePaymentAccounts, postboxSender, backOffice",
                "bonn.json:1:1 (/name): \"name\" is missing: give an object of texts by language, at least"
                        + " {\"de\": \"...\"}",
                "bonn.json:4:60 (/branding/accentColour): The accent colour #FFD700 has a contrast ratio of only"
                        + " 1.40:1 on white; as link colour it needs at least 4.5:1 (WCAG 2.1 AA). Choose a darker"
                        + " shade.",
                "bonn.json:6:77 (/backOffice/anwohnerparkausweis/destination): the destination \"bonn parken\" is not"
                        + " 1 to 200 characters of A-Z, a-z, 0-9, . _ : / -");
        assertThat(e.getMessage()).startsWith("[OZG-PORTAL-501] The tenant configuration has 4 problem(s): ");
    }

    @Test
    void reportsTheProblemsOfAllFilesAtOnce() throws IOException {
        Files.writeString(dir.resolve("a.json"), bonn("\"#004F9F\", \"accentColour\"", "\"blue\", \"accentColour\""));
        Files.writeString(dir.resolve("b.json"), bonn("\"services\": [\"anwohnerparkausweis\"]",
                "\"services\": [\"anwohnerparkausweis\", \"hundesteuer\"]"));
        Files.writeString(dir.resolve("c.json"), "{\"regionalKey\": \"0531400\n");

        TenantFileException e = catchThrowableOfType(TenantFileException.class,
                () -> FileTenantDirectory.load(dir));

        assertThat(e.problems()).extracting(TenantFileProblem::source).containsExactly("a.json", "b.json", "c.json");
        assertThat(e.problems().get(0).pointer()).isEqualTo("/branding");
        assertThat(e.problems().get(0).message()).contains("\"blue\" is not #RRGGBB");
        assertThat(e.problems().get(1).message()).isEqualTo(
                "the service hundesteuer is enabled but has no back-office destination");
        assertThat(e.problems().get(2).message()).startsWith("not well-formed JSON");
        assertThat(e.problems().get(2).line()).isEqualTo(1);
    }

    @Test
    void refusesTwoFilesForTheSameMunicipality() throws IOException {
        Files.writeString(dir.resolve("bonn.json"), bonn());
        Files.writeString(dir.resolve("bonn-copy.json"), bonn("\"regionalKey\"", "\"id\": \"bonn\", \"regionalKey\""));

        TenantFileException e = catchThrowableOfType(TenantFileException.class,
                () -> FileTenantDirectory.load(dir));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("bonn.json");
            assertThat(p.message()).contains("already used by bonn-copy.json");
        });
    }

    @Test
    void readsALogoOnlyFromBesideTheTenantFile() throws IOException {
        Path tenants = Files.createDirectory(dir.resolve("tenants"));
        Files.writeString(dir.resolve("secret.png"), "not for tenants");
        Files.writeString(tenants.resolve("bonn.json"), bonn("\"branding\": {",
                "\"branding\": {\"logo\": {\"file\": \"../secret.png\", \"alt\": {\"de\": \"Wappen\"}}, "));

        TenantFileException e = catchThrowableOfType(TenantFileException.class,
                () -> FileTenantDirectory.load(tenants));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/branding/logo/file");
            assertThat(p.message()).contains("is not a plain file name beside the tenant file");
        });
    }

    @Test
    void refusesAnSvgLogoWithScriptAndAPngThatIsNone() throws IOException {
        Files.writeString(dir.resolve("bad.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        Files.writeString(dir.resolve("bad.png"), "<svg/>");
        Files.writeString(dir.resolve("bonn.json"), bonn("\"branding\": {",
                "\"branding\": {\"logo\": {\"file\": \"bad.svg\", \"alt\": {\"de\": \"Wappen\"}}, "));
        Files.writeString(dir.resolve("bonn2.json"), bonn("\"branding\": {",
                "\"branding\": {\"logo\": {\"file\": \"bad.png\", \"alt\": {\"de\": \"Wappen\"}}, ",
                "053140000000", "053160000000"));

        TenantFileException e = catchThrowableOfType(TenantFileException.class,
                () -> FileTenantDirectory.load(dir));

        assertThat(e.problems()).extracting(TenantFileProblem::message).containsExactly(
                "the SVG logo contains script, event handlers, entities or foreignObject; export it as a plain picture",
                "the logo is not a PNG image (its first bytes are not the PNG signature)");
    }

    @Test
    void aWrittenTenantFileReadsBackTheSame() throws IOException {
        PortalTenant koeln = FileTenantDirectory.read(koelnDirectory().resolve("koeln.json"));
        Files.copy(koelnDirectory().resolve("koeln-wappen.svg"), dir.resolve("wappen.svg"));
        String written = FileTenantDirectory.write(koeln, "wappen.svg");
        Files.writeString(dir.resolve("koeln.json"), written);

        PortalTenant again = FileTenantDirectory.read(dir.resolve("koeln.json"));

        assertThat(FileTenantDirectory.write(again, "wappen.svg")).isEqualTo(written);
        assertThat(again.branding().logo().orElseThrow().content())
                .isEqualTo(koeln.branding().logo().orElseThrow().content());
    }

    @Test
    void reportsAMissingDirectoryAsUnreadable() {
        assertThatThrownBy(() -> FileTenantDirectory.load(dir.resolve("nowhere")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-PORTAL-503");
    }

    @Test
    void thePublishedSchemaAcceptsTheSampleAndNamesExactlyTheKeysTheLoaderReads() throws IOException {
        Schema schema = schema();
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(schema.validate(mapper.readTree(Files.readString(koelnDirectory().resolve("koeln.json")))))
                .isEmpty();
        assertThat(schema.validate(mapper.readTree(bonn("\"name\"", "\"nmae\"")))).isNotEmpty();

        JsonNode published = mapper.readTree(schemaText());
        assertThat(names(published.get("properties"))).isEqualTo(new TreeSet<>(TenantJson.ROOT_KEYS));
        assertThat(names(published.at("/properties/branding/properties")))
                .isEqualTo(new TreeSet<>(TenantJson.BRANDING_KEYS));
        assertThat(names(published.at("/properties/branding/properties/logo/properties")))
                .isEqualTo(new TreeSet<>(TenantJson.LOGO_KEYS));
        assertThat(names(published.at("/$defs/paymentAccount/properties")))
                .isEqualTo(new TreeSet<>(TenantJson.ACCOUNT_KEYS));
        assertThat(names(published.at("/properties/backOffice/additionalProperties/properties")))
                .isEqualTo(new TreeSet<>(TenantJson.BACK_OFFICE_KEYS));
    }

    @Test
    void aWrittenTenantIsValidAgainstThePublishedSchema() throws IOException {
        PortalTenant koeln = FileTenantDirectory.read(koelnDirectory().resolve("koeln.json"));
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(schema().validate(mapper.readTree(FileTenantDirectory.write(koeln, "wappen.svg")))).isEmpty();
        assertThat(schema().validate(mapper.readTree(TenantJson.write(koeln, java.util.Optional.empty()))))
                .isEmpty();
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static String schemaText() throws IOException {
        try (InputStream in = FileTenantDirectory.class.getResourceAsStream(FileTenantDirectory.SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Schema schema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText(), InputFormat.JSON);
        schema.initializeValidators();
        return schema;
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
