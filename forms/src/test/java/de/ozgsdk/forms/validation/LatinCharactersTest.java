package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.internal.validation.LatinCharacters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DIN SPEC 91379 datatype C, the character set of {@code text_latin}. */
class LatinCharactersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Łukasz Ñúñez", "Ðorđe", "Zoë", "Zoe\u0308", "Müller-Lüdenscheidt", "O'Brien",
        "Straße 12a, 50667 Köln", "Ærøskøbing", "Nguyễn Văn Ả", "Şəmsi", "ẞ", "Gebühr: 12,50 €", "L\u0325\u0304",
        "K\u035FH", "Ș Ț", "Zeile 1\nZeile 2\tTab", "½ ¼ ¾ § ©"})
    void acceptsLatinLettersSequencesAndCommonSigns(String text) {
        assertThat(LatinCharacters.firstDisallowed(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Иван", "Ξένια", "Smile 😀", "Hello\u0000", "a\u200Bb", "Zoe\u0301\u0301", "中文",
        "x\u0085", "\u00AD", "™"})
    void rejectsOtherScriptsEmojiControlCharactersAndStrayMarks(String text) {
        assertThat(LatinCharacters.firstDisallowed(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ab😀", "AbИ"})
    void namesThePositionOfTheFirstDisallowedCharacter(String text) {
        assertThat(LatinCharacters.firstDisallowed(text)).hasValue(3);
    }
}
