package de.ozgsdk.forms.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTemplateTest {

    private static final List<Object[]> ARGUMENTS = List.of(new Object[0], new Object[] {"Anschrift"},
            new Object[] {"Anschrift", "2"}, new Object[] {"{1}", "'x'", "3"}, new Object[] {"a", "b", "c", "d"});

    @ParameterizedTest
    @ValueSource(strings = {"{0} {1}", "Eintrag {1} „{0}“ entfernen", "It''s {0}", "'{0}' is {0}", "{1}{0}{1}",
        "no arguments", "{2} after {0}", "'quoted '' text' {0}", "{0,number} Euro", "{0,date,short}", ""})
    void formatsAsMessageFormatDoes(String pattern) {
        MessageTemplate template = MessageTemplate.of(pattern, Locale.GERMAN);
        for (Object[] arguments : ARGUMENTS) {
            if (pattern.contains(",number") || pattern.contains(",date")) {
                continue; // typed elements need typed arguments: see below
            }
            assertThat(template.format(arguments))
                    .isEqualTo(new MessageFormat(pattern, Locale.GERMAN).format(arguments));
        }
    }

    @Test
    void formatsTypedElementsAndArgumentsThatAreNoTextsThroughMessageFormat() {
        Object[] number = {new BigDecimal("1234.5")};

        assertThat(MessageTemplate.of("{0,number} Euro", Locale.GERMAN).format(number)).isEqualTo("1.234,5 Euro");
        assertThat(MessageTemplate.of("{0} Euro", Locale.GERMAN).format(number)).isEqualTo("1.234,5 Euro");
        assertThat(MessageTemplate.of("{0} Euro", Locale.GERMAN).format((Object) null)).isEqualTo("null Euro");
    }

    @Test
    void formatsEveryUiTextOfEveryLanguageAsMessageFormatDoes() {
        for (String language : List.of("de", "en", "tr", "uk", "ar")) {
            Locale locale = Locale.forLanguageTag(language);
            ResourceBundle bundle = ResourceBundle.getBundle("de.ozgsdk.forms.render.ui", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                Object[] arguments = {"Anschrift „A“", "2"};
                assertThat(MessageTemplate.of(pattern, locale).format(arguments)).as(language + " " + key)
                        .isEqualTo(new MessageFormat(pattern, locale).format(arguments));
            }
        }
    }
}
