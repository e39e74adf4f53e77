package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every FIM code is unique, well-formed and has a German (base = de) and an English message. */
class ErrorCatalogueTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyCodeIsUniqueAndHasGermanAndEnglishMessages() {
        Set<String> seen = new HashSet<>();
        for (FimError code : FimError.values()) {
            assertThat(code.code()).matches("OZG-FIM-[0-9]{3}");
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
