package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule error code is unique, well-formed and has a German and an English message that formats. */
class RuleErrorCatalogueTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (RuleError code : RuleError.values()) {
            assertThat(code.code()).as("code of %s", code).matches("OZG-RULE-[0-9]{3}");
            assertThat(seen.add(code.code())).as("%s is used twice", code.code()).isTrue();
        }
    }

    @Test
    void everyCodeHasAGermanAndAnEnglishMessageThatFormats() {
        for (RuleError code : RuleError.values()) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                String template = template(code, locale);
                assertThat(template).as("%s in %s", code.code(), locale).isNotBlank();
                String formatted = new MessageFormat(template, locale).format(new Object[] {"a", "b", "c", "d", "e",
                    "f"});
                assertThat(formatted).as("%s in %s", code.code(), locale).doesNotContain("{");
            }
            assertThat(template(code, Locale.ROOT)).as("German base message of %s", code.code())
                    .isEqualTo(template(code, Locale.GERMAN));
            assertThat(template(code, Locale.GERMAN)).isNotEqualTo(template(code, Locale.ENGLISH));
        }
    }

    private static String template(RuleError code, Locale locale) {
        try {
            return ResourceBundle.getBundle(code.bundleBaseName(), locale, NO_FALLBACK).getString(code.code());
        } catch (MissingResourceException e) {
            return "";
        }
    }
}
