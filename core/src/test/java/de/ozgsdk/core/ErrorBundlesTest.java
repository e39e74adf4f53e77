package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.KeyError;
import de.ozgsdk.core.http.HttpError;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorBundlesTest {

    static Stream<ErrorCode> httpAndKeyCodes() {
        return Stream.concat(Arrays.stream(HttpError.values()), Arrays.stream(KeyError.values()));
    }

    @ParameterizedTest
    @MethodSource("httpAndKeyCodes")
    void everyHttpAndKeyCodeHasGermanAndEnglishTemplate(ErrorCode code) {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMAN, Locale.ENGLISH}) {
            ResourceBundle bundle = ResourceBundle.getBundle(code.bundleBaseName(), locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.containsKey(code.code())).as("%s in %s", code.code(), locale).isTrue();
        }
        ConfigurationException e = new ConfigurationException(code, "a", "b", "c");
        assertThat(e.userMessage(Locale.ENGLISH)).isNotEqualTo(e.userMessage(Locale.GERMAN)).doesNotContain("{");
    }

    @ParameterizedTest
    @MethodSource("httpAndKeyCodes")
    void codesHaveTheirAreaPrefix(ErrorCode code) {
        assertThat(code.code()).matches("OZG-(HTTP|KEY)-1\\d\\d");
    }
}
