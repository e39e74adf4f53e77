package de.ozgsdk.xoev.fim;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.InvalidInputException;
import java.io.ByteArrayInputStream;

/** Untrusted XML read as form data: data or an {@link InvalidInputException}, never anything else. */
class FormDataXmlFuzzTest {

    private static final FormDataXml XML = FormDataXml.builder(ExampleSchemas.hundesteuer())
            .generator(FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()).build();

    @FuzzTest(maxDuration = "10s")
    void untrustedXmlReadsOrFailsWithInvalidInput(byte[] input) {
        try {
            XML.read(new ByteArrayInputStream(input));
        } catch (InvalidInputException expected) {
            // refused input is the expected outcome for most inputs
        }
    }
}
