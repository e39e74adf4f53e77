package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.message.AttachmentSource;
import de.ozgsdk.xoev.message.ReceivedApplication;
import de.ozgsdk.xoev.types.Behoerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sections 2 and 3 together: the Fachdaten XML of a FIM schema inside the application message, validated strictly
 * against the generated XSD by the SDK on write and read and, independently, by xmllint over the whole message.
 */
class FachdatenInApplicationMessageTest {

    @TempDir
    Path dir;

    static Stream<Arguments> schemas() {
        List<Arguments> all = new ArrayList<>();
        ExampleSchemas.all().forEach(s -> all.add(Arguments.of(s.id().toString(), s, ExampleSchemas.CODES)));
        ExampleSchemas.fixtureRoot().ifPresent(root -> {
            CodeValues codes = CodeValues.of(CodeListRegistry.builder().addDirectory(root.resolve("codelists")).build());
            FimImporter importer = FimImporter.builder().lenient(true).build();
            for (Path file : ExampleSchemas.fixtureSchemas()) {
                all.add(Arguments.of(file.getFileName().toString(), importer.importSchema(file), codes));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void formDataTravelInsideTheMessageAndComeBackEqual(String name, FormSchema schema, CodeValues codes)
            throws Exception {
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(codes).build().generate(schema);
        FormDataXml xml = FormDataXml.builder(schema).xsd(xsd).build();
        FormData data = new ValidData(new Random(name.hashCode()), codes).instance(schema.children(), false);
        ApplicationMessage message = message(out -> xml.write(data, out));

        byte[] written = write(message, xsd.schemaSet());
        ReceivedApplication received = ApplicationMessageReader.builder()
                .fachdatenSchemas(xsd.schemaSet()).spoolDirectory(dir).build()
                .read(new ByteArrayInputStream(written), name);

        assertThat(xml.read(received.fachdaten())).isEqualTo(data);
        assertThat(received.submissionDigest()).isEqualTo(message.submissionDigest());
        assertThat(received.attachments()).singleElement()
                .satisfies(a -> assertThat(Files.readString(a.file().orElseThrow())).isEqualTo("Anlage"));
        xmllintAcceptsTheWholeMessage(xsd, written);
    }

    @Test
    void fachdatenThatBreakTheGeneratedXsdAreRefusedOnWrite() {
        FormSchema schema = ExampleSchemas.wohnsitzanmeldung();
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build().generate(schema);
        FormDataXml unchecked = FormDataXml.builder(schema).xsd(xsd).validation(false).build();
        ApplicationMessage message = message(out -> unchecked.write(FormData.empty(), out));

        assertThatThrownBy(() -> write(message, xsd.schemaSet())).isInstanceOf(InvalidInputException.class);
        // Without the Fachdaten XSD the message schema's lax wildcard lets the same content through.
        assertThat(write(message, XoevSchemaSet.basis())).isNotEmpty();
    }

    static ApplicationMessage message(de.ozgsdk.xoev.message.XmlFragment fachdaten) {
        ApplicationMetadata metadata = ApplicationMetadata.builder()
                .leikaKey(LeikaKey.parse("99123456760000"))
                .tenant(RegionalKey.parse("053150000000"))
                .service("beispiel", "1.0.0")
                .submissionId(UUID.fromString("1d6e4c2a-8b3f-4a90-9e7d-5c4b3a2f1e0d"))
                .submittedAt(Instant.parse("2026-11-23T09:00:00Z"))
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .build();
        byte[] content = "Anlage".getBytes(StandardCharsets.UTF_8);
        return ApplicationMessage.builder()
                .sender(Behoerde.dvdv("ozg-portal"))
                .recipient(Behoerde.dvdv("05315000"))
                .clock(Clock.fixed(Instant.parse("2026-11-23T09:00:01Z"), ZoneOffset.UTC))
                .metadata(metadata).fachdaten(fachdaten)
                .addAttachment(AttachmentSource.of("Nachweis.txt", "text/plain",
                        () -> new ByteArrayInputStream(content)))
                .build();
    }

    static byte[] write(ApplicationMessage message, XoevSchemaSet fachdatenSchemas) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApplicationMessageWriter.builder().fachdatenSchemas(fachdatenSchemas).build().write(message, out);
        return out.toByteArray();
    }

    /** libxml2 sees the message XSD and the generated XSD through one driver schema, so the lax wildcard is strict. */
    private void xmllintAcceptsTheWholeMessage(GeneratedXsd xsd, byte[] message)
            throws IOException, InterruptedException {
        FimXmlTestSupport.requireXmllint();
        copyResource("ozg-antrag-1.0.xsd");
        copyResource("ozg-xoev-basis-1.0.xsd");
        Files.writeString(dir.resolve("fachdaten.xsd"), xsd.text());
        Path driver = Files.writeString(dir.resolve("driver.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:import namespace="urn:ozgsdk:xoev:antrag:1.0" schemaLocation="ozg-antrag-1.0.xsd"/>
                  <xs:import namespace="%s" schemaLocation="fachdaten.xsd"/>
                </xs:schema>
                """.formatted(xsd.targetNamespace()));
        Path written = Files.write(dir.resolve("message.xml"), message);
        FimXmlTestSupport.Result result = FimXmlTestSupport.xmllint(driver, written);
        assertThat(result.exitCode()).as(result.output()).isZero();

        String broken = new String(message, StandardCharsets.UTF_8)
                .replaceFirst("(<[^>]*" + xsd.rootElement() + "[^>]*>)", "$1<Unbekannt/>");
        Path brokenFile = Files.writeString(dir.resolve("broken.xml"), broken);
        assertThat(FimXmlTestSupport.xmllint(driver, brokenFile).exitCode()).isNotZero();
    }

    private void copyResource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/de/ozgsdk/xoev/schema/" + name)) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }
}
