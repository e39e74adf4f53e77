package de.ozgsdk.forms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ProcessingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    /** Every kind of character the escaping treats differently, and plain text around it. */
    private static final char[] ALPHABET = {'a', 'Z', ' ', '&', '<', '>', '"', '\'', '\n', '\t', '\r', '\u0000', '\u001F',
        '\u007F', '\u0085', '\u009F', '\u00A0', 'ü', '\u201E', '\uD7FF', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF',
        '\uE000', '\uFDCF', '\uFDD0', '\uFDEF', '\uFDF0', '\uFFFD', '\uFFFE', '\uFFFF'};

    @Property(tries = 2000)
    void escapesEveryTextLikeTheCharacterByCharacterRules(@ForAll("texts") String text) {
        StringBuilder escaped = new StringBuilder();
        HtmlWriter.escape(text, escaped);

        assertThat(escaped.toString()).isEqualTo(escapedCharByChar(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(ALPHABET).list().ofMaxSize(12).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    /** The rules one character at a time, as the class documents them (and as they were written first). */
    private static String escapedCharByChar(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if ((cp & 0xFFFE) != 0xFFFE) {
                    out.append(c).append(text.charAt(i + 1));
                    i++;
                }
                continue; // a noncharacter is dropped, its low surrogate becomes U+FFFD below
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\r' -> out.append('\n');
                case '\n', '\t' -> out.append(c);
                default -> out.append(c >= 0x20 && c < 0x7F || c >= 0xA0 && c < 0xD800 || c >= 0xE000 && c < 0xFDD0
                        || c > 0xFDEF && c < 0xFFFE ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    @Test
    void escapesTextAndAttributes() {
        String html = new HtmlWriter().open("p").attr("title", "a\"b'c<d>&").text("<script>&'\"").close("p")
                .toHtml();

        assertThat(html).isEqualTo("<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;\">&lt;script&gt;&amp;&#39;&quot;</p>");
    }

    @Test
    void replacesCharactersThatHtmlDocumentsMustNotContain() {
        String html = new HtmlWriter().open("p").text("a\u0000b\u0007c\uFFFEd\uD800e\uDC00f\r\n").close("p")
                .toHtml();

        assertThat(html).isEqualTo("<p>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\n\n</p>");
    }

    @Test
    void keepsValidSupplementaryCharacters() {
        assertThat(new HtmlWriter().open("p").text("𝔘😀").close("p").toHtml()).isEqualTo("<p>𝔘😀</p>");
    }

    @Test
    void writesVoidElementsSelfClosed() {
        assertThat(new HtmlWriter().open("input").attr("type", "text").attr("readonly", true)
                .attr("disabled", false).end().toHtml()).isEqualTo("<input type=\"text\" readonly=\"\" />");
    }

    @Test
    void marksTextsInAnotherLanguage() {
        Theme.Text german = new Theme.Text("Familienname", java.util.Optional.of("de"), java.util.Optional.of("ltr"));

        assertThat(new HtmlWriter().open("p").text(german).close("p").toHtml())
                .isEqualTo("<p><span lang=\"de\" dir=\"ltr\">Familienname</span></p>");
    }

    @Test
    void refusesUnbalancedElementsAndBadNames() {
        assertThatThrownBy(() -> new HtmlWriter().open("div").close("p")).isInstanceOf(ProcessingException.class)
                .hasMessageContaining("OZG-RENDER-109");
        assertThatThrownBy(() -> new HtmlWriter().open("div").toHtml()).hasMessageContaining("OZG-RENDER-109");
        assertThatThrownBy(() -> new HtmlWriter().open("p").text("x").attr("id", "y"))
                .hasMessageContaining("OZG-RENDER-109");
        assertThatThrownBy(() -> new HtmlWriter().open("p onclick")).hasMessageContaining("OZG-RENDER-109");
        assertThatThrownBy(() -> new HtmlWriter().open("p").attr("on\"click", "x"))
                .hasMessageContaining("OZG-RENDER-109");
    }
}
