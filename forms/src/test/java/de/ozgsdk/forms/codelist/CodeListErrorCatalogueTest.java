package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code list error code is unique, well-formed and has a German and an English message. */
class CodeListErrorCatalogueTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void codesAreUniqueAndCarryThePrefix() {
        Set<String> seen = new HashSet<>();
        for (CodeListError error : CodeListError.values()) {
            assertThat(error.code()).matches("OZG-CL-[0-9]{3}");
            assertThat(seen.add(error.code())).as("%s used twice", error.code()).isTrue();
        }
    }

    @Test
    void everyCodeHasAGermanAndAnEnglishMessage() {
        for (CodeListError error : CodeListError.values()) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                assertThat(template(error, locale)).as("%s in %s", error.code(), locale).isNotBlank();
            }
            assertThat(template(error, Locale.ROOT)).isEqualTo(template(error, Locale.GERMAN));
            assertThat(template(error, Locale.ENGLISH)).isNotEqualTo(template(error, Locale.GERMAN));
        }
    }

    private static String template(CodeListError error, Locale locale) {
        try {
            return ResourceBundle.getBundle(error.bundleBaseName(), locale, NO_FALLBACK).getString(error.code());
        } catch (MissingResourceException e) {
            return "";
        }
    }
}
