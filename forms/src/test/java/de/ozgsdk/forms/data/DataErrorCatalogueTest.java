package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.forms.validation.ViolationCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every data error and violation code is unique, well-formed and has a German (base = de) and English message. */
class DataErrorCatalogueTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyCodeIsUniqueAndHasGermanAndEnglishMessages() {
        List<ErrorCode> codes = new ArrayList<>(List.of(DataError.values()));
        codes.addAll(List.of(ViolationCode.values()));
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : codes) {
            assertThat(code.code()).matches("OZG-(DATA|VAL)-[0-9]{3}");
            assertThat(seen.add(code.code())).as("%s twice", code.code()).isTrue();
            for (Locale locale : List.of(Locale.ROOT, Locale.GERMAN, Locale.ENGLISH)) {
                assertThat(ResourceBundle.getBundle(code.bundleBaseName(), locale, NO_FALLBACK)
                        .getString(code.code())).as("%s %s", code, locale).isNotBlank();
            }
            assertThat(ResourceBundle.getBundle(code.bundleBaseName(), Locale.ROOT, NO_FALLBACK)
                    .getString(code.code())).isEqualTo(ResourceBundle.getBundle(code.bundleBaseName(),
                    Locale.GERMAN, NO_FALLBACK).getString(code.code()));
        }
    }
}
