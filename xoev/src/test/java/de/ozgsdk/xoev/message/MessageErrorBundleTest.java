package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code of {@link MessageError} is unique, well-formed and has a German and an English message. */
class MessageErrorBundleTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyCodeIsUniqueAndHasAGermanAndAnEnglishMessage() {
        Set<String> seen = new HashSet<>();
        for (MessageError error : MessageError.values()) {
            assertThat(error.code()).matches("OZG-XMSG-1[0-9]{2}");
            assertThat(seen.add(error.code())).as(error.code()).isTrue();
            for (Locale locale : List.of(Locale.ROOT, Locale.GERMAN, Locale.ENGLISH)) {
                assertThat(ResourceBundle.getBundle(error.bundleBaseName(), locale, NO_FALLBACK)
                        .getString(error.code())).as("%s %s", error.code(), locale).isNotBlank();
            }
        }
    }

    @Test
    void bundlesHoldNoCodeThatIsNotDefined() {
        Set<String> defined = new HashSet<>();
        for (MessageError error : MessageError.values()) {
            defined.add(error.code());
        }
        for (Locale locale : List.of(Locale.ROOT, Locale.GERMAN, Locale.ENGLISH)) {
            assertThat(ResourceBundle.getBundle("de.ozgsdk.xoev.message.messages", locale, NO_FALLBACK).keySet())
                    .as("%s", locale).containsExactlyInAnyOrderElementsOf(defined);
        }
    }
}
