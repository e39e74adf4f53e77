package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class XoevErrorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "de", "en"})
    void everyCodeHasATemplateInEveryBundle(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("de.ozgsdk.xoev.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        assertThat(Arrays.stream(XoevError.values()).map(XoevError::code))
                .allSatisfy(code -> assertThat(bundle.getString(code)).isNotBlank());
        assertThat(bundle.keySet()).hasSize(XoevError.values().length);
    }

    @ParameterizedTest
    @EnumSource(XoevError.class)
    void codesAreStableAndPrefixed(XoevError error) {
        assertThat(error.code()).matches("OZG-XOEV-1\\d\\d");
    }
}
