package de.ozgsdk.forms.internal.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The String.Latin table of {@link StringLatin} gives the result of the official pattern facet of
 * {@code latinchars.xsd} (read from {@code shared/fixtures/fim/xsd} at test time, never copied into the project).
 */
class StringLatinTest {

    private static Pattern official;

    @BeforeAll
    static void readTheOfficialFacet() {
        official = Pattern.compile(officialFacet());
    }

    @Test
    void agreesWithTheOfficialPatternOnEveryCharacterOfTheBasicPlane() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            assertThat(StringLatin.matches(text)).as("U+%04X", c).isEqualTo(official.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheOfficialPatternOnEveryCombiningPairAndOnSupplementaryCharacters() {
        for (int base = 0; base < 0x250; base++) {
            for (char mark : new char[] {0x300, 0x301, 0x302, 0x303, 0x308, 0x30C}) {
                String text = "" + (char) base + mark;
                assertThat(StringLatin.matches(text)).as("U+%04X U+%04X", base, (int) mark)
                        .isEqualTo(official.matcher(text).matches());
            }
        }
        for (String text : new String[] {"\uD83D\uDE00", "x\uD835\uDC00", "\uD800"}) {
            assertThat(StringLatin.matches(text)).as(text).isEqualTo(official.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheOfficialPatternOnCombiningSequencesAndRandomTexts() {
        for (String text : new String[] {"", "M\u0302", "N\u0302x", "\u0302", "J\u030C", "J\u0302", "l\u0302\u0302",
            "Straße 1 ≤ 2", "Müller-Lüdenscheidt", "€ 12,50", "„Zitat“", "x\u030C"}) {
            assertThat(StringLatin.matches(text)).as(text).isEqualTo(official.matcher(text).matches());
        }
        Random random = new Random(4711);
        char[] alphabet = "aMmNnDdJLl\u0302\u030C€ßäÄ≤\t\n\r\u00A0\u00AD\u1E9E\u2264\u201E".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(StringLatin.matches(text)).as(text.toString())
                    .isEqualTo(official.matcher(text).matches());
        }
    }

    /** The official facet as a Java regular expression (the XSD regex uses only syntax Java reads alike). */
    private static String officialFacet() {
        try {
            String xsd = Files.readString(SharedFixtures.requireFimFile("xsd/xdatenfelder-3.0.0/latinchars.xsd"),
                    StandardCharsets.UTF_8);
            Matcher facet = Pattern.compile("<xs:pattern value=\"([^\"]*)\"").matcher(xsd);
            assertThat(facet.find()).as("pattern facet in latinchars.xsd").isTrue();
            Matcher entity = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(facet.group(1));
            StringBuilder regex = new StringBuilder();
            while (entity.find()) {
                entity.appendReplacement(regex, Matcher.quoteReplacement(String.format("\\x{%s}", entity.group(1))));
            }
            entity.appendTail(regex);
            return regex.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
