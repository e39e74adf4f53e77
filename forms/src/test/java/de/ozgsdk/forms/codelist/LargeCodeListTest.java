package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A code list of 50,000 rows (more than the Gemeindeverzeichnis has) loads fast and is looked up in constant time.
 * The time limits are generous upper bounds, robust on a busy CI machine, that still catch a quadratic import
 * (billions of steps) or a linear lookup (a million lookups times 50,000 comparisons); they are not benchmarks.
 */
class LargeCodeListTest {

    private static final int ROWS = 50_000;
    private static CodeList list;
    private static Duration readTime;

    @BeforeAll
    static void generateDocument() {
        StringBuilder xml = new StringBuilder(ROWS * 160);
        xml.append("<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">")
                .append("<Identification><ShortName>gross</ShortName><Version>1</Version>")
                .append("<CanonicalUri>urn:de:ozgsdk:test:gross</CanonicalUri></Identification><ColumnSet>")
                .append("<Column Id=\"code\" Use=\"required\"><ShortName>c</ShortName><Data Type=\"string\"/></Column>")
                .append("<Column Id=\"name\" Use=\"required\"><ShortName>n</ShortName><Data Type=\"string\"/></Column>")
                .append("<Column Id=\"hinweis\"><ShortName>h</ShortName><Data Type=\"string\"/></Column>")
                .append("<Key Id=\"codeKey\"><ShortName>k</ShortName><ColumnRef Ref=\"code\"/></Key>")
                .append("</ColumnSet><SimpleCodeList>");
        for (int i = 0; i < ROWS; i++) {
            xml.append("<Row><Value ColumnRef=\"code\"><SimpleValue>").append(code(i))
                    .append("</SimpleValue></Value><Value ColumnRef=\"name\"><SimpleValue>Gemeinde ").append(i)
                    .append("</SimpleValue></Value>");
            if (i % 3 == 0) {
                xml.append("<Value ColumnRef=\"hinweis\"><SimpleValue>gebietsfrei</SimpleValue></Value>");
            }
            xml.append("</Row>\n");
        }
        xml.append("</SimpleCodeList></gc:CodeList>");
        byte[] document = xml.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        list = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> GenericodeReader.create().read(new ByteArrayInputStream(document), "gross.gc"));
        readTime = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("read %,d rows (%,d bytes) in %d ms%n", list.size(), document.length, readTime.toMillis());
    }

    @Test
    void loadsFiftyThousandRowsWithinSeconds() {
        assertThat(readTime).isLessThan(Duration.ofSeconds(20));
        assertThat(list.size()).isEqualTo(ROWS);
        assertThat(list.name(code(ROWS - 1))).contains("Gemeinde " + (ROWS - 1));
        assertThat(list.row(code(3))).hasValueSatisfying(
                row -> assertThat(row).containsEntry("hinweis", "gebietsfrei"));
        assertThat(list.row(code(4))).hasValueSatisfying(row -> assertThat(row).doesNotContainKey("hinweis"));
    }

    @Test
    void looksUpAMillionCodesInConstantTimeEach() {
        String[] probes = new String[ROWS * 2];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = code(i);
        }

        int found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            int hits = 0;
            for (int i = 0; i < 1_000_000; i++) {
                if (list.contains(probes[i % probes.length])) {
                    hits++;
                }
            }
            return hits;
        });

        assertThat(found).isEqualTo(500_000);
    }

    private static String code(int i) {
        return String.format("%08d", i);
    }
}
