package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;

/**
 * Messages come from other systems: reading any bytes either succeeds or fails with {@link InvalidInputException}
 * (never another exception, never a hang), with and without schema validation.
 */
class ApplicationMessageReaderFuzzTest {

    private static final ApplicationMessageReader VALIDATING = ApplicationMessageReader.builder()
            .maxMessageBytes(1_000_000).build();
    private static final ApplicationMessageReader UNVALIDATED = ApplicationMessageReader.builder().validate(false)
            .maxMessageBytes(1_000_000).build();
    private static final AttachmentSink DISCARD = (number, name, mediaType) -> OutputStream.nullOutputStream();

    @FuzzTest(maxDuration = "10s")
    void validatingReaderReadsOrRefuses(byte[] input) {
        readOrRefuse(VALIDATING, input);
    }

    @FuzzTest(maxDuration = "10s")
    void unvalidatedReaderReadsOrRefuses(byte[] input) {
        readOrRefuse(UNVALIDATED, input);
    }

    private static void readOrRefuse(ApplicationMessageReader reader, byte[] input) {
        try {
            ReceivedApplication application = reader.read(new ByteArrayInputStream(input), "fuzz.xml", DISCARD);
            assertThat(application.fachdaten()).isNotNull();
            assertThat(application.submissionDigest()).hasSize(32);
        } catch (InvalidInputException expected) {
            assertThat(expected.code().code()).startsWith("OZG-");
        }
    }
}
