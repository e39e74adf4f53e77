package de.ozgsdk.xoev;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.types.Nachrichtenkopf;

/**
 * Arbitrary bytes never make reading fail with anything but an SDK exception (no JAXB, StAX or SAX exception, no
 * runtime error of the binding). The seeds in {@code XoevSerializerFuzzTestInputs/} run in every build.
 */
class XoevSerializerFuzzTest {

    private static final XoevSerializer<Nachrichtenkopf> KOPF = Samples.kopfSerializer();
    private static final XoevSerializer<Meldung> MELDUNG = Samples.meldungSerializer();

    @FuzzTest(maxDuration = "10s")
    void readThrowsOnlySdkExceptions(byte[] input) {
        read(KOPF, input);
        read(KOPF.withoutValidation(), input);
        read(MELDUNG, input);
        read(MELDUNG.withoutValidation(), input);
    }

    private static void read(XoevSerializer<?> serializer, byte[] input) {
        try {
            serializer.read(input, "fuzz.xml");
        } catch (OzgException expected) {
            // Refused, malformed or invalid input is the expected outcome for most inputs.
        }
    }
}
