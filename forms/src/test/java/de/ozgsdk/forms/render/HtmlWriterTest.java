package de.ozgsdk.forms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ProcessingException;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

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
