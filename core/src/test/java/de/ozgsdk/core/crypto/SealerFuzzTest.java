package de.ozgsdk.core.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;

class SealerFuzzTest {

    private static final Sealer SEALER = Sealer.builder().key("2026-11", SealerTest.key(1)).build();

    @FuzzTest(maxDuration = "10s")
    void openOnlyThrowsOzgException(byte[] data) {
        try {
            SEALER.open(data, new byte[0]);
        } catch (OzgException expected) {
            // the only acceptable failure: anything else (IndexOutOfBounds, NegativeArraySize...) fails the test
        }
    }
}
