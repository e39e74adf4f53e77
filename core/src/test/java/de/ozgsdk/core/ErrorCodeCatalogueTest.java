package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The error codes of core: unique, well-formed, German and English; other languages fall back to German. */
class ErrorCodeCatalogueTest extends ErrorCodeCatalogueContract {

    @Override
    protected String rootPackage() {
        return "de.ozgsdk.core";
    }

    @Override
    protected ErrorCode knownCode() {
        return CoreError.LEIKA_KEY_INVALID;
    }

    @Test
    void messagesOfOtherLanguagesFallBackToGerman() {
        InvalidInputException e = new InvalidInputException(CoreError.TENANT_ID_INVALID, "\"X\"");
        assertThat(e.userMessage(Locale.forLanguageTag("tr"))).isEqualTo(e.userMessage(Locale.GERMAN));
        assertThat(e.userMessage(Locale.GERMAN)).isNotEqualTo(e.userMessage(Locale.ENGLISH));
    }

}
