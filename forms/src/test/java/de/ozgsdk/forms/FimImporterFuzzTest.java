package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;

/**
 * FIM files are untrusted input (uploaded by service authors, fetched from repositories): whatever bytes the importer
 * gets, it returns a schema or throws an {@link OzgException}, never anything else (no NullPointerException, no
 * XMLStreamException, no StackOverflowError). The seeds next to this class run in every build.
 */
class FimImporterFuzzTest {

    private static final FimImporter STRICT = FimImporter.builder().build();
    private static final FimImporter LENIENT = FimImporter.builder().lenient(true).codeLists(ref -> false).build();

    @FuzzTest(maxDuration = "10s")
    void importerRefusesBadInputOnlyWithOzgException(byte[] data) {
        tryImport(STRICT, data);
        tryImport(LENIENT, data);
    }

    /**
     * The importer's own scanner (the default for UTF-8) and core's StAX path (Woodstox) accept the same inputs and
     * build the same schema from them (their errors are compared on real files in {@code FimScannerEquivalenceTest}).
     */
    @FuzzTest(maxDuration = "10s")
    void scannerAndStaxPathAcceptTheSameInputs(byte[] data) {
        for (boolean lenient : new boolean[] {false, true}) {
            FormSchema scanned = importOrNull(FimImporter.builder().lenient(lenient).build(), data);
            FormSchema streamed = importOrNull(FimImporter.builder().lenient(lenient).scanner(false).build(), data);
            assertThat(scanned == null).as("scanner refused / StAX refused").isEqualTo(streamed == null);
            if (scanned != null) {
                assertThat(scanned).usingRecursiveComparison()
                        .withEqualsForType((a, b) -> a.pattern().equals(b.pattern()), Pattern.class)
                        .isEqualTo(streamed);
            }
        }
    }

    private static FormSchema importOrNull(FimImporter importer, byte[] data) {
        try {
            return importer.importSchema(new ByteArrayInputStream(data), "fuzz.xml");
        } catch (OzgException refused) {
            return null;
        }
    }

    private static void tryImport(FimImporter importer, byte[] data) {
        try {
            importer.importSchema(new ByteArrayInputStream(data), "fuzz.xml");
        } catch (OzgException expected) {
            // the only allowed way to refuse input
        }
    }
}
