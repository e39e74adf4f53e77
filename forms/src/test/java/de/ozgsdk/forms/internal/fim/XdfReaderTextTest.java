package de.ozgsdk.forms.internal.fim;

import static org.assertj.core.api.Assertions.assertThat;

import com.ctc.wstx.stax.WstxInputFactory;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.XdfVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link XdfReader#text()} takes the text of simple values from the XSD check, which keeps it anyway; it must give
 * exactly what gathering the text itself gives, for every element of the real files and for texts split into
 * several events (entities, CDATA, comments) or broken by a nested element.
 */
class XdfReaderTextTest {

    private static final SecureXml JDK = SecureXml.defaults();
    private static final SecureXml WOODSTOX = SecureXml.defaults().toBuilder().staxFactory(WstxInputFactory::new)
            .build();
    private static final String SPLIT = """
            <xdf:datenfeld xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">
              <xdf:identifikation><xdf:id> F1 </xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
              <xdf:name>a &amp; b<!-- c --><![CDATA[ <d> ]]>&#x2003;\u3000</xdf:name>
              <xdf:beschreibung> x <xdf:nested>skipped</xdf:nested> y &lt; z </xdf:beschreibung>
              <xdf:definition>\u2003 eins\u00A0</xdf:definition>
              <xdf:bezug>  </xdf:bezug>
              <xdf:bezug/>
            </xdf:datenfeld>
            """;

    @Test
    void textOfSimpleValuesIsTheSameWithAndWithoutTheXsdCheck() throws IOException {
        List<byte[]> documents = new ArrayList<>();
        documents.add(SPLIT.getBytes(StandardCharsets.UTF_8));
        SharedFixtures.fim().ifPresent(dir -> {
            try (Stream<Path> files = Files.list(dir.resolve("xdf2"))) {
                files.forEach(file -> documents.add(read(file)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.list(dir.resolve("xdf3"))) {
                files.forEach(file -> documents.add(read(file)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        int compared = 0;
        for (SecureXml xml : List.of(JDK, WOODSTOX)) {
            for (byte[] document : documents) {
                for (long seed = 0; seed < 4; seed++) {
                    List<String> plain = texts(xml, document, false, seed);
                    List<String> checked = texts(xml, document, true, seed);
                    assertThat(checked).isEqualTo(plain);
                    compared += plain.size();
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void textSplitIntoSeveralEventsIsJoinedAndStripped() {
        for (SecureXml xml : List.of(JDK, WOODSTOX)) {
            for (boolean check : new boolean[] {false, true}) {
                assertThat(texts(xml, SPLIT.getBytes(StandardCharsets.UTF_8), check, -1)).containsExactly(
                        "identifikation=", "name=a & b <d>", "beschreibung=x  y < z", "definition=eins\u00A0",
                        "bezug=", "bezug=");
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the document, reading the text of a random half of the elements (the same half for the same seed). */
    private static List<String> texts(SecureXml xml, byte[] document, boolean check, long seed) {
        XdfReader reader = new XdfReader(xml.newXmlStreamReader(new ByteArrayInputStream(document), "test.xml"),
                "test.xml", 64);
        reader.openRoot();
        if (check) {
            XdfVersion version = XdfVersion.ofNamespace(reader.namespace()).orElseThrow();
            reader.checkConformance(version, (deviation, element, location) -> { });
        }
        List<String> texts = new ArrayList<>();
        if (seed < 0) {
            while (reader.nextChild()) {
                texts.add(reader.name() + "=" + reader.text());
            }
        } else {
            walk(reader, new Random(seed), texts);
        }
        return texts;
    }

    private static void walk(XdfReader reader, Random random, List<String> texts) {
        while (reader.nextChild()) {
            if (random.nextBoolean()) {
                texts.add(reader.name() + "=" + reader.text());
            } else {
                walk(reader, random, texts);
            }
        }
    }
}
