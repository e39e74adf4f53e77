package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    private final LocalizedText label = LocalizedText.builder("Familienname")
            .put(Locale.ENGLISH, "Surname")
            .put(Locale.forLanguageTag("tr"), "Soyadı")
            .build();

    @Test
    void returnsTheExactLanguage() {
        assertThat(label.get(Locale.forLanguageTag("tr"))).isEqualTo("Soyadı");
    }

    @Test
    void fallsBackFromRegionToLanguage() {
        assertThat(label.get(Locale.UK)).isEqualTo("Surname");
    }

    @Test
    void fallsBackToGermanForMissingLanguages() {
        assertThat(label.get(Locale.forLanguageTag("ar"))).isEqualTo("Familienname");
        assertThat(label.find(Locale.forLanguageTag("ar"))).isEmpty();
    }

    @Test
    void prefersARegionalVariantWhenPresent() {
        LocalizedText text = LocalizedText.builder("Jänner?").put(Locale.forLanguageTag("de-AT"), "Jänner").build();
        assertThat(text.get(Locale.forLanguageTag("de-AT"))).isEqualTo("Jänner");
        assertThat(text.get(Locale.GERMANY)).isEqualTo("Jänner?");
    }

    @Test
    void requiresAGermanText() {
        assertThatThrownBy(() -> LocalizedText.of(" ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void isUnchangedByLaterBuilderCalls() {
        LocalizedText.Builder builder = LocalizedText.builder("Ort");
        LocalizedText built = builder.build();
        builder.put(Locale.ENGLISH, "Place");
        assertThat(built.find(Locale.ENGLISH)).isEmpty();
        assertThat(built.toBuilder().put(Locale.ENGLISH, "Place").build().get(Locale.ENGLISH)).isEqualTo("Place");
    }

    @Test
    void listsItsLocales() {
        assertThat(label.locales()).containsExactly(Locale.GERMAN, Locale.ENGLISH, Locale.forLanguageTag("tr"));
    }
}
