package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.crypto.SealError;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMessagesTest {

    static Stream<ErrorCode> codes() {
        List<ErrorCode> codes = new ArrayList<>(List.of(PersistenceError.values()));
        codes.addAll(List.of(SealError.values()));
        return codes.stream();
    }

    @ParameterizedTest
    @MethodSource("codes")
    void everyTemplateFormatsInGermanAndEnglish(ErrorCode code) {
        for (Locale locale : List.of(Locale.ROOT, Locale.GERMAN, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(code.bundleBaseName(), locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String template = bundle.getString(code.code());
            assertThat(new MessageFormat(template, locale).format(new Object[] {"a", "b", "c"})).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("codes")
    void codesCarryTheirAreaPrefix(ErrorCode code) {
        assertThat(code.code()).matches(code instanceof SealError ? "OZG-SEAL-\\d{3}" : "OZG-DB-\\d{3}");
    }
}
