package de.ozgsdk.forms.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every JSON Schema export code is unique, well-formed and has a German and an English message. */
class JsonSchemaErrorCatalogueTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void codesAreUniqueAndCarryThePrefix() {
        Set<String> seen = new HashSet<>();
        for (JsonSchemaError error : JsonSchemaError.values()) {
            assertThat(error.code()).matches("OZG-JSCH-[0-9]{3}");
            assertThat(seen.add(error.code())).as("%s used twice", error.code()).isTrue();
        }
    }

    @Test
    void everyCodeHasAGermanAndAnEnglishMessage() {
        for (JsonSchemaError error : JsonSchemaError.values()) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                assertThat(template(error, locale)).as("%s in %s", error.code(), locale).isNotBlank();
            }
            assertThat(template(error, Locale.ROOT)).isEqualTo(template(error, Locale.GERMAN));
            assertThat(template(error, Locale.ENGLISH)).isNotEqualTo(template(error, Locale.GERMAN));
        }
    }

    @Test
    void notesNameTheElementInBothLanguages() {
        ExportNote note = new ExportNote(JsonSchemaError.PATTERN_NOT_PORTABLE, "F60000001V1.0",
                List.of("(?i)ab", "inline flags (?i"));

        assertThat(note.message(Locale.GERMAN)).contains("F60000001V1.0", "(?i)ab").doesNotContain("{");
        assertThat(note.message(Locale.ENGLISH)).contains("F60000001V1.0", "Java syntax");
        assertThat(note.toString()).startsWith("[OZG-JSCH-103]");
    }

    private static String template(JsonSchemaError error, Locale locale) {
        try {
            return ResourceBundle.getBundle(error.bundleBaseName(), locale, NO_FALLBACK).getString(error.code());
        } catch (MissingResourceException e) {
            return "";
        }
    }
}
