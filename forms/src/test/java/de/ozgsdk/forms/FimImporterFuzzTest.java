package de.ozgsdk.forms;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import java.io.ByteArrayInputStream;

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

    private static void tryImport(FimImporter importer, byte[] data) {
        try {
            importer.importSchema(new ByteArrayInputStream(data), "fuzz.xml");
        } catch (OzgException expected) {
            // the only allowed way to refuse input
        }
    }
}
