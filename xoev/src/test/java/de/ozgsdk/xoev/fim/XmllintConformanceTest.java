package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * xmllint (libxml2) as an independent validator: for every example schema and every FIM schema of
 * shared/fixtures/fim, the generated XSD compiles in libxml2, generated valid data written by the SDK pass it, and
 * a document with an unknown element fails it (so the check can fail).
 */
class XmllintConformanceTest {

    @TempDir
    Path dir;

    static Stream<Arguments> schemas() {
        List<Arguments> all = new ArrayList<>();
        ExampleSchemas.all().forEach(s -> all.add(Arguments.of(s.id().toString(), s, ExampleSchemas.CODES)));
        ExampleSchemas.fixtureRoot().ifPresent(root -> {
            CodeListRegistry registry = CodeListRegistry.builder().addDirectory(root.resolve("codelists")).build();
            FimImporter importer = FimImporter.builder().lenient(true).build();
            for (Path file : ExampleSchemas.fixtureSchemas()) {
                all.add(Arguments.of(file.getFileName().toString(), importer.importSchema(file),
                        CodeValues.of(registry)));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void xmllintAcceptsTheXmlTheSdkWritesAndRejectsABrokenDocument(String name, FormSchema schema,
                                                                   CodeValues codes) throws Exception {
        FimXmlTestSupport.requireXmllint();
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(codes).build().generate(schema);
        FormDataXml xml = FormDataXml.builder(schema).xsd(xsd).build();
        Path xsdFile = Files.writeString(dir.resolve("schema.xsd"), xsd.text());
        // the XSD states no rules (note OZG-XFIM-108): compare with the validator's own checks
        FormValidator validator = FormValidator.builder(schema).codeValues(codes).fimRules(false).build();
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 3; i++) {
            FormData data = new ValidData(random, codes).instance(schema.children(), false);
            assertThat(validator.validate(data).violations()).as("generated data are valid").isEmpty();
            Path dataFile = Files.writeString(dir.resolve("data" + i + ".xml"), xml.write(data));
            FimXmlTestSupport.Result result = FimXmlTestSupport.xmllint(xsdFile, dataFile);
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<" + xsd.rootElement() + " xmlns=\""
                + xsd.targetNamespace() + "\"><Unbekannt>1</Unbekannt></" + xsd.rootElement() + ">");
        assertThat(FimXmlTestSupport.xmllint(xsdFile, broken).exitCode()).isNotZero();
    }
}
