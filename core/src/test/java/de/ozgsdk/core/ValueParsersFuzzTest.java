package de.ozgsdk.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The parsers of the value types take untrusted input (form fields, SAML attributes, interface payloads): whatever
 * they get, they either return a value or throw an {@link InvalidInputException}, never anything else.
 */
class ValueParsersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void valueParsersRejectBadInputOnlyWithInvalidInputException(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        tryParse(() -> LeikaKey.parse(text));
        tryParse(() -> RegionalKey.parse(text));
        tryParse(() -> RegionalKey.fromAgs(text));
        tryParse(() -> TenantId.parse(text));
        tryParse(() -> Money.parse(text));
        tryParse(() -> TrustLevel.parse(text));
        tryParse(() -> LocalizedText.of(text));
    }

    private static void tryParse(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInputException expected) {
            // the only allowed way to refuse input
        }
    }
}
