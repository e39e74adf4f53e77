package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.KeyError;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorBundlesTest {

    static Stream<ErrorCode> keyCodes() {
        return Stream.of(KeyError.values());
    }

    @ParameterizedTest
    @MethodSource("keyCodes")
    void everyKeyCodeHasGermanAndEnglishTemplate(ErrorCode code) {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMAN, Locale.ENGLISH}) {
            ResourceBundle bundle = ResourceBundle.getBundle(code.bundleBaseName(), locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.containsKey(code.code())).as("%s in %s", code.code(), locale).isTrue();
        }
        ConfigurationException e = new ConfigurationException(code, "a", "b", "c");
        assertThat(e.userMessage(Locale.ENGLISH)).isNotEqualTo(e.userMessage(Locale.GERMAN)).doesNotContain("{");
    }

    @ParameterizedTest
    @MethodSource("keyCodes")
    void codesHaveTheirAreaPrefix(ErrorCode code) {
        assertThat(code.code()).matches("OZG-KEY-1\\d\\d");
    }
}
