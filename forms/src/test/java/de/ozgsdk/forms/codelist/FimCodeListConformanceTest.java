package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conformance against the real FIM material in {@code shared/fixtures/fim} next to the repository (see its
 * SOURCES.md): every genericode file there loads, and the code list references of the XDatenfelder 2 schema that
 * ships its code lists all resolve. Skipped when the folder is absent.
 */
class FimCodeListConformanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(FimCodeListConformanceTest.class);
    private static final String XDF2 = "urn:xoev-de:fim:standard:xdatenfelder_2";

    private static Path fixtures;

    @BeforeAll
    static void locateFixtures() {
        fixtures = SharedFixtures.requireFim();
    }

    @Test
    void loadsEveryGenericodeFileAndListsWhatItImported() throws IOException {
        List<Path> files = codeListFiles();
        assertThat(files).as("genericode files under " + fixtures.resolve("codelists")).isNotEmpty();
        GenericodeReader reader = GenericodeReader.create();
        List<String> report = new ArrayList<>();

        for (Path file : files) {
            CodeList list = reader.read(file);
            report.add(String.format("%-32s uri=%s version=%s rows=%d key=%s name=%s%s", file.getFileName(),
                    list.canonicalUri().isEmpty() ? "(empty)" : list.canonicalUri(), list.version().orElse("-"),
                    list.size(), list.keyColumnId(), list.nameColumnId().orElse("-"),
                    list.nameColumnInferred() ? " (inferred)" : ""));
            assertThat(list.size()).as("rows of %s", file).isPositive();
            assertThat(list.codes()).allSatisfy(code -> assertThat(list.row(code)).isPresent());
        }

        String summary = "imported " + files.size() + " code lists:\n  " + String.join("\n  ", report);
        LOG.info(summary);
        System.out.println(summary);
        assertThat(report).hasSize(files.size());
    }

    @Test
    void infersTheNameColumnOfTheNewestXRepositoryFormat() {
        Path vertretungsart = SharedFixtures.requireFimFile("codelists/Vertretungsart_1.gc");

        CodeList list = GenericodeReader.create().read(vertretungsart);

        assertThat(list.keyColumnId()).isEqualTo("Key");
        assertThat(list.nameColumnId()).contains("Vertretungsart");
        assertThat(list.nameColumnInferred()).isTrue();
        assertThat(list.name("2")).contains("Gesetzlicher Vertreter");
    }

    @Test
    void usesTheDeclaredNameKeyEvenWhenItIsNotTheFirstNameColumn() {
        Path staat = SharedFixtures.requireFimFile("codelists/C60000016_genericode.gc");

        CodeList list = GenericodeReader.create().read(staat);

        assertThat(list.nameColumnId()).contains("suchbegriff");
        assertThat(list.name("000")).contains("Deutschland");
    }

    @Test
    void resolvesEveryCodeListReferenceOfTheBewohnerparkenSchema() throws IOException {
        Path schema = SharedFixtures.requireFimFile("xdf2/S05000058V1.0_xdf2.xml");
        CodeListRegistry registry = CodeListRegistry.builder().addDirectory(fixtures.resolve("codelists")).build();

        List<CodeListQuery> references = genericodeReferences(schema);

        assertThat(references).hasSizeGreaterThanOrEqualTo(7);
        for (CodeListQuery reference : references) {
            assertThat(registry.find(reference)).as("reference %s", reference).isPresent();
        }
    }

    private static List<Path> codeListFiles() throws IOException {
        Path directory = fixtures.resolve("codelists");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gc")).sorted().toList();
        }
    }

    /** The {@code xdf:genericodeIdentification} parts of every {@code xdf:codelisteReferenz}, read with StAX. */
    private static List<CodeListQuery> genericodeReferences(Path schema) throws IOException {
        List<CodeListQuery> references = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(schema)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String uri = null;
            String version = null;
            String versionUri = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && XDF2.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "canonicalIdentification" -> uri = reader.getElementText();
                        case "version" -> version = reader.getElementText();
                        case "canonicalVersionUri" -> versionUri = reader.getElementText();
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && XDF2.equals(reader.getNamespaceURI())) {
                    if ("genericodeIdentification".equals(reader.getLocalName())) {
                        references.add(CodeListQuery.of(uri, version, versionUri));
                    }
                    if ("genericodeIdentification".equals(reader.getLocalName())
                            || "identifikation".equals(reader.getLocalName())) {
                        uri = null;
                        version = null;
                        versionUri = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return references;
    }
}
