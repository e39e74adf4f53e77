package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgsdk.xoev.types.Anschrift;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Kommunikation;
import de.ozgsdk.xoev.types.NameNatuerlichePerson;
import de.ozgsdk.xoev.types.NameOrganisation;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent checker agrees: libxml2's {@code xmllint} validates what the serializer writes against the basis XSD,
 * and refuses what the JDK validator refuses.
 */
class XmllintCrossCheckTest {

    private static final Path XMLLINT = Path.of("/usr/bin/xmllint");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsXmllint() {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(XMLLINT), "xmllint is not installed (apt-get install libxml2-utils);"
                    + " on CI this test fails instead of skipping");
        }
    }

    @Test
    void xmllintAcceptsEveryWrittenBuildingBlock() throws Exception {
        Path xsd = basisXsd();
        Code kanal = Code.of("email", "urn:ozgsdk:codeliste:kanal", "1.0");

        assertValid(xsd, write(Nachrichtenkopf.class, Samples.kopf().toBuilder()
                .referenzUUID(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7")).build()));
        assertValid(xsd, write(Anschrift.class, Samples.anschrift().toBuilder().ortsteil("Altstadt").zusatz("c/o X")
                .staat(Code.of("000", "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat", "2024")).build()));
        assertValid(xsd, write(NameNatuerlichePerson.class, Samples.person().withGeburtsname("Schmitz")));
        assertValid(xsd, write(NameOrganisation.class, NameOrganisation.of("Müller & Söhne").withKurzbezeichnung("M")));
        assertValid(xsd, write(Kommunikation.class, Kommunikation.of(kanal, "anna@example.org")));
    }

    @Test
    void xmllintRefusesWhatTheSerializerRefuses() throws Exception {
        String withoutLeser = new String(Samples.kopfSerializer().toBytes(Samples.kopf()), StandardCharsets.UTF_8)
                .replaceFirst("<leser>.*</leser>", "");

        assertThat(xmllint(basisXsd(), withoutLeser.getBytes(StandardCharsets.UTF_8))).isNotZero();
    }

    private <T> byte[] write(Class<T> type, T value) {
        return XoevSerializer.builder(type).schemaSet(XoevSchemaSet.basis()).build().toBytes(value);
    }

    private void assertValid(Path xsd, byte[] document) throws Exception {
        assertThat(xmllint(xsd, document)).as(new String(document, StandardCharsets.UTF_8)).isZero();
    }

    private int xmllint(Path xsd, byte[] document) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "doc", ".xml");
        Files.write(file, document);
        Process process = new ProcessBuilder(XMLLINT.toString(), "--noout", "--nonet", "--schema", xsd.toString(),
                file.toString()).redirectErrorStream(true).start();
        process.getInputStream().transferTo(System.out);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private Path basisXsd() throws IOException {
        Path xsd = dir.resolve("ozg-xoev-basis-1.0.xsd");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(XoevSchemaSet.BASIS_RESOURCE)) {
            Files.write(xsd, in.readAllBytes());
        }
        return xsd;
    }
}
