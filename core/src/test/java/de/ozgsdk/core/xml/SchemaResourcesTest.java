package de.ozgsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-file schema set (a message schema importing a base schema and including a code-list schema) compiles from
 * local resources only: the network is never asked (a MockWebServer stands where the published schemas would be) and
 * a location outside the set is refused, also when the file exists.
 */
class SchemaResourcesTest {

    private static final String PUBLISHED = "http://127.0.0.1:1/schemata/basis.xsd";
    private static final String VALID = """
            <meldung.0001 xmlns="urn:ozg-sdk:test:nachricht" xmlns:b="urn:ozg-sdk:test:basis">
              <kopf><b:nachrichtenUUID>0f8fad5b-d9cb-469f-a165-70867728950e</b:nachrichtenUUID></kopf>
              <anlass>zuzug</anlass>
            </meldung.0001>
            """;

    @TempDir
    Path directory;

    private final MockWebServer server = new MockWebServer();
    private String published;

    @BeforeEach
    void copySchemaSetPointingAtTheServer() throws Exception {
        server.start();
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().body(Files.readString(resources().resolve(
                    "basis/basis.xsd"))).build());
        }
        published = server.url("/schemata/basis.xsd").toString();
        Path source = resources();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = directory.resolve("set").resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file).replace(PUBLISHED, published));
            }
        }
        Files.copy(source.resolveSibling("outside.xsd"), directory.resolve("outside.xsd"));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void compilesAMessageSchemaWithImportAndIncludesFromADirectory() {
        SchemaResources set = SchemaResources.inDirectory(directory.resolve("set"))
                .location(published, "basis/basis.xsd")
                .build();

        Schema schema = SecureXml.defaults().newSchema(set, "nachricht.xsd");

        assertThatCode(() -> SecureXml.defaults().validate(schema, TestDocuments.in(VALID), "meldung.xml"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SecureXml.defaults().validate(schema,
                TestDocuments.in(VALID.replace("zuzug", "umzug")), "meldung.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.NOT_SCHEMA_VALID));
        assertThatThrownBy(() -> SecureXml.defaults().validate(schema,
                TestDocuments.in(VALID.replace("0f8fad5b", "NOT-A-UUID")), "meldung.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.NOT_SCHEMA_VALID));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void resolvesAnImportByNamespaceToo() {
        SchemaResources set = SchemaResources.inDirectory(directory.resolve("set"))
                .namespace("urn:ozg-sdk:test:basis", "basis/basis.xsd")
                .build();

        assertThatCode(() -> SecureXml.defaults().newSchema(set, "nachricht.xsd")).doesNotThrowAnyException();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void compilesFromTheClassPath() {
        SchemaResources set = SchemaResources.onClassPath(getClass().getClassLoader(),
                        "de/ozgsdk/core/xml/schemaset")
                .location(PUBLISHED, "basis/basis.xsd")
                .build();

        Schema schema = SecureXml.defaults().newSchema(set, "nachricht.xsd");

        assertThatCode(() -> SecureXml.defaults().validate(schema, TestDocuments.in(VALID), "meldung.xml"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnUnmappedNetworkLocationWithoutAskingTheNetwork() {
        SchemaResources set = SchemaResources.inDirectory(directory.resolve("set")).build();

        assertThatThrownBy(() -> SecureXml.defaults().newSchema(set, "nachricht.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.SCHEMA_RESOURCE_NOT_ALLOWED);
                    assertThat(e.arguments()).containsExactly("nachricht.xsd", published, "urn:ozg-sdk:test:basis");
                    assertThat(e.getMessage()).contains("SchemaResources").contains(published);
                });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesAPathOutOfTheFolderAlthoughTheFileExists() {
        SchemaResources set = SchemaResources.inDirectory(directory.resolve("set")).build();
        assertThat(directory.resolve("set/hostile/../../outside.xsd").normalize()).exists();

        assertThatThrownBy(() -> SecureXml.defaults().newSchema(set, "hostile/traversal.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.SCHEMA_RESOURCE_NOT_ALLOWED);
                    assertThat(e.arguments()).containsExactly("hostile/traversal.xsd", "../../outside.xsd",
                            "urn:ozg-sdk:test:nachricht");
                });
        assertThatThrownBy(() -> SecureXml.defaults().newSchema(set, "../outside.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.SCHEMA_RESOURCE_NOT_ALLOWED));
    }

    @Test
    void refusesAnAbsoluteFileLocation() {
        SchemaResources set = SchemaResources.inDirectory(directory.resolve("set")).build();

        assertThatThrownBy(() -> SecureXml.defaults().newSchema(set, "hostile/absolute-file.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.SCHEMA_RESOURCE_NOT_ALLOWED);
                    assertThat(e.arguments().get(1)).isEqualTo("file:///etc/hostname");
                });
    }

    @Test
    void refusesASymbolicLinkOutOfTheFolder() throws IOException {
        Files.createSymbolicLink(directory.resolve("set/link.xsd"), directory.resolve("outside.xsd"));
        Files.writeString(directory.resolve("set/via-link.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ozg-sdk:test:nachricht">
                  <xs:include schemaLocation="link.xsd"/>
                </xs:schema>
                """, StandardCharsets.UTF_8);
        SchemaResources set = SchemaResources.inDirectory(directory.resolve("set")).build();

        assertThatThrownBy(() -> SecureXml.defaults().newSchema(set, "via-link.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.SCHEMA_RESOURCE_NOT_ALLOWED));
    }

    @Test
    void mappingsMustStayInsideTheFolder() {
        SchemaResources.Builder builder = SchemaResources.inDirectory(directory.resolve("set"));

        for (String location : List.of("../outside.xsd", "/etc/hostname", "file:///etc/hostname")) {
            assertThatThrownBy(() -> builder.namespace("urn:x", location))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Path resources() throws URISyntaxException {
        return Path.of(SchemaResourcesTest.class.getResource("schemaset").toURI());
    }
}
