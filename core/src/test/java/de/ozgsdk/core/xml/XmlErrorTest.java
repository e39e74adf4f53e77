package de.ozgsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every XML error code is stable in form and has a German and an English message. */
class XmlErrorTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void codesAreUniqueAndPrefixed() {
        assertThat(Arrays.stream(XmlError.values()).map(XmlError::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("OZG-XML-1\\d\\d"));
    }

    @ParameterizedTest
    @EnumSource(XmlError.class)
    void everyCodeHasAGermanAndAnEnglishMessage(XmlError error) {
        String german = ResourceBundle.getBundle(error.bundleBaseName(), Locale.GERMAN, NO_FALLBACK)
                .getString(error.code());
        String english = ResourceBundle.getBundle(error.bundleBaseName(), Locale.ENGLISH, NO_FALLBACK)
                .getString(error.code());
        String base = ResourceBundle.getBundle(error.bundleBaseName(), Locale.ROOT, NO_FALLBACK)
                .getString(error.code());

        assertThat(german).isEqualTo(base).isNotEqualTo(english);
    }
}
