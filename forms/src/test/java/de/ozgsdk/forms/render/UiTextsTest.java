package de.ozgsdk.forms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language has every UI text and every error message. */
class UiTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ui_de", "ui_en", "ui_tr", "ui_uk", "ui_ar"})
    void hasEveryUiTextOfTheGermanBase(String bundle) throws IOException {
        Properties base = load("ui");
        Properties translated = load(bundle);

        assertThat(translated.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
        for (String key : base.stringPropertyNames()) {
            assertThat(translated.getProperty(key)).as(key).isNotBlank();
            assertThat(placeholders(translated.getProperty(key))).as(key)
                    .isEqualTo(placeholders(base.getProperty(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_de", "messages_en"})
    void hasAMessageForEveryErrorCode(String bundle) throws IOException {
        Properties messages = load(bundle);

        for (RenderError error : RenderError.values()) {
            assertThat(messages.getProperty(error.code())).as(error.code()).isNotBlank();
        }
    }

    private static Set<String> placeholders(String text) {
        return Set.copyOf(java.util.regex.Pattern.compile("\\{\\d}").matcher(text).results()
                .map(java.util.regex.MatchResult::group).toList());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UiTextsTest.class.getResourceAsStream("/de/ozgsdk/forms/render/" + name
                + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
