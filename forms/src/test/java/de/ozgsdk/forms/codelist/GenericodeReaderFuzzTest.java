package de.ozgsdk.forms.codelist;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import java.io.ByteArrayInputStream;

/**
 * Code list files come from outside (XRepository downloads, files a service author drops into a directory): whatever
 * bytes the reader gets, it returns a code list or throws an {@link OzgException}, never anything else.
 */
class GenericodeReaderFuzzTest {

    private static final GenericodeReader READER = GenericodeReader.create();

    @FuzzTest(maxDuration = "10s")
    void readerRejectsBadInputOnlyWithOzgException(byte[] input) {
        try {
            READER.read(new ByteArrayInputStream(input), "fuzz.gc");
        } catch (OzgException expected) {
            // the only allowed way to refuse input
        }
    }
}
