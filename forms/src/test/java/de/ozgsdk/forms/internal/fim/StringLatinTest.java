package de.ozgsdk.forms.internal.fim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass String.Latin check gives the result of the official pattern of {@code latinchars.xsd}. */
class StringLatinTest {

    /** The official facet as a Java regular expression (the XSD regex uses only syntax Java reads alike). */
    private static final Pattern OFFICIAL = Pattern.compile(officialFacet());

    @Test
    void agreesWithTheOfficialPatternOnEveryCharacterOfTheBasicPlane() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            assertThat(StringLatin.matches(text)).as("U+%04X", c).isEqualTo(OFFICIAL.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheOfficialPatternOnCombiningSequencesAndRandomTexts() {
        for (String text : new String[] {"", "M\u0302", "N\u0302x", "\u0302", "J\u030C", "J\u0302", "l\u0302\u0302",
            "Straße 1 ≤ 2", "Müller-Lüdenscheidt", "€ 12,50", "„Zitat“", "x\u030C"}) {
            assertThat(StringLatin.matches(text)).as(text).isEqualTo(OFFICIAL.matcher(text).matches());
        }
        Random random = new Random(4711);
        char[] alphabet = "aMmNnDdJLl\u0302\u030C€ßäÄ≤\t\n\r\u00A0\u00AD\u1E9E\u2264\u201E".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(StringLatin.matches(text)).as(text.toString())
                    .isEqualTo(OFFICIAL.matcher(text).matches());
        }
    }

    @Test
    void schemaWithoutPatternKeepsEverythingElse() throws IOException {
        byte[] xsd = latinchars().getBytes(StandardCharsets.UTF_8);
        String stripped = new String(StringLatin.withoutPattern(xsd), StandardCharsets.UTF_8);
        assertThat(stripped).doesNotContain("xs:pattern").contains("<xs:simpleType name=\"String.Latin\">",
                "<xs:restriction base=\"xs:string\">");
        assertThat(latinchars()).isEqualTo(resource("/de/ozgsdk/forms/xsd/xdatenfelder-2.0/latinchars.xsd"));
    }

    private static String officialFacet() {
        try {
            Matcher facet = Pattern.compile("<xs:pattern value=\"([^\"]*)\"").matcher(latinchars());
            assertThat(facet.find()).isTrue();
            Matcher entity = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(facet.group(1));
            StringBuilder regex = new StringBuilder();
            while (entity.find()) {
                entity.appendReplacement(regex, Matcher.quoteReplacement(
                        String.format("\\x{%s}", entity.group(1))));
            }
            entity.appendTail(regex);
            return regex.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String latinchars() throws IOException {
        return resource("/de/ozgsdk/forms/xsd/xdatenfelder-3.0.0/latinchars.xsd");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StringLatinTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
