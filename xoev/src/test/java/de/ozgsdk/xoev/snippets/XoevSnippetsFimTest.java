package de.ozgsdk.xoev.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.fim.FachdatenJson;
import de.ozgsdk.xoev.fim.FimDataException;
import de.ozgsdk.xoev.fim.FimXsdGenerator;
import de.ozgsdk.xoev.fim.FormDataXml;
import de.ozgsdk.xoev.fim.GeneratedXsd;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code samples of {@code de.ozgsdk.xoev.fim} and {@code xoev/FIMXML.md}, run on a real FIM schema and real code
 * lists ({@link Parkausweis}): each region is copied verbatim into the docs (checked by DocSnippetsTest in the
 * examples module), and the assertions after it prove what the sample's comments claim.
 */
class XoevSnippetsFimTest {

    private static final Logger log = LoggerFactory.getLogger(XoevSnippetsFimTest.class);

    @TempDir
    Path dir;

    private Path fimFile;
    private CodeListRegistry registry;
    private FormSchema schema;
    private final FormData data = Parkausweis.application();
    /** The application without the applicant's surname, which the schema requires. */
    private final FormData incomplete = data.toBuilder()
            .groups("G05000496", List.of(data.groups("G05000496").get(0).toBuilder().remove("F05000059").build()))
            .build();

    @BeforeEach
    void readTheRealFimMaterial() {
        fimFile = Parkausweis.fimFile();
        registry = Parkausweis.registry();
        schema = FimImporter.builder().build().importSchema(fimFile);
    }

    @Test
    void generatorWritesACompilingXsdWithTheCodesOfTheRegistryAndNotes() throws Exception {
        Path xsdFile = dir.resolve("S05000058.xsd");

        // @start region="fim-xsd-generator"
        FormSchema schema = FimImporter.builder().build().importSchema(fimFile);
        GeneratedXsd xsd = FimXsdGenerator.builder()
                .codeValues(CodeValues.of(registry))
                .build()
                .generate(schema);
        Files.writeString(xsdFile, xsd.text());
        xsd.notes().forEach(note -> log.info("{}", note)); // what the XSD cannot state
        // @end

        assertThat(xsd.rootElement()).isEqualTo("S05000058");
        assertThat(XoevSchemaSet.builder().xsd("S05000058.xsd", Files.readString(xsdFile)).build().namespaces())
                .containsExactly(xsd.targetNamespace());
        assertThat(xsd.text()).as("the codes of the registry's lists are enumerated")
                .isNotEqualTo(FimXsdGenerator.of().generate(schema).text());
        assertThat(xsd.notes()).isNotEmpty();
    }

    @Test
    void formDataXmlWritesAValidFileAndReadsItBack() throws Exception {
        Path file = dir.resolve("antrag.xml");

        // @start region="form-data-xml"
        FormDataXml xml = FormDataXml.builder(schema)
                .generator(FimXsdGenerator.builder().codeValues(CodeValues.of(registry)).build())
                .build();
        try (OutputStream out = Files.newOutputStream(file)) {
            xml.write(data, out);                  // validated against the XSD, else FimDataException
        }
        FormData back;
        try (InputStream in = Files.newInputStream(file)) {
            back = xml.read(in);
        }
        // @end

        assertThat(back).isEqualTo(data);
        assertThatThrownBy(() -> xml.write(incomplete, OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(FimDataException.class, e -> assertThat(e.violations()).isNotEmpty());
    }

    @Test
    void quickStartWritesAValidatedDocumentAndReadsAnotherOne() {
        InputStream inputStream = new ByteArrayInputStream(
                FormDataXml.of(schema).write(data).getBytes(StandardCharsets.UTF_8));

        // @start region="fimxml-quick-start"
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(CodeValues.of(registry)).build().generate(schema);
        FormDataXml xml = FormDataXml.builder(schema).xsd(xsd).build();
        String document = xml.write(data);          // validated, else FimDataException with violations
        FormData back = xml.read(inputStream);      // SecureXml StAX, validated, DataLimits applied
        // @end

        assertThat(document).contains("<S05000058 xmlns=\"" + xsd.targetNamespace() + "\"");
        assertThat(back).isEqualTo(data);
        assertThatThrownBy(() -> xml.write(incomplete))
                .isInstanceOfSatisfying(FimDataException.class, e -> assertThat(e.violations()).isNotEmpty());
        String invalid = document.replace("<F05000351>1985-02-28<", "<F05000351>28.02.1985<");
        assertThatThrownBy(() -> xml.read(new ByteArrayInputStream(invalid.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FimDataException.class);
    }

    @Test
    void fachdatenJsonRoundTripsValidDataAndRefusesInvalid() {
        // @start region="fachdaten-json"
        FachdatenJson fachdaten = FachdatenJson.builder(schema).codeValues(CodeValues.of(registry)).build();
        String json = fachdaten.write(data);     // FimDataException if not valid against the JSON Schema
        FormData back = fachdaten.read(json);
        // @end

        assertThat(json).contains("\"F05000059\":\"Mustermann\"");
        assertThat(back).isEqualTo(data);
        assertThatThrownBy(() -> fachdaten.write(incomplete))
                .isInstanceOfSatisfying(FimDataException.class, e -> assertThat(e.violations()).isNotEmpty());
    }
}
