package de.ozgsdk.postbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlWhitelistTest {

    @Test
    void keepsTheAllowedElementsAndHttpsLinks() {
        String html = "<h1>Bescheid</h1><p>Ihr <b>Antrag</b> ist <i>bewilligt</i>."
                + " <a href=\"https://stadt.example/a?b=1&amp;c=2\">Details</a></p>";

        assertThat(HtmlWhitelist.sanitise(html)).isEqualTo(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<p onclick=\"x()\" class=c>Text</p>|<p>Text</p>",
        "<script>alert(1)</script><p>Text</p>|<p>Text</p>",
        "<STYLE>p{}</STYLE>Text|Text",
        "<a href=\"http://stadt.example\">Link</a>|Link",
        "<a href=\"javascript:alert(1)\">Link</a>|Link",
        "<a href=\"&#106;avascript:alert(1)\">Link</a>|Link",
        "<a href=\"//stadt.example\">Link</a>|Link",
        "<a>Link</a>|Link",
        "<a href=\"https://a.example\"><a href=\"https://b.example\">x</a></a>|<a href=\"https://a.example\">x</a>",
        "<div><span>Text</span></div>|Text",
        "<img src=x onerror=alert(1)>Bild|Bild",
        "<!-- Kommentar -->Text|Text",
        "<p>offen|<p>offen</p>",
        "</b>Text|Text",
        "<b><i>x</b>y</i>|<b><i>x</i></b>y",
        "1 < 2 & 3 > 2|1 &lt; 2 &amp; 3 &gt; 2",
        "&auml;&#228;&#xE4;|&auml;&#228;&#xE4;",
        "<iframe src=https://evil.example></iframe>Text|Text",
        "<p title='\"><script>'>x</p>|<p>x</p>",
        "<a href='https://stadt.example/\"onmouseover=\"x'>y</a>|y",
        "<a href='https://stadt.example/?q=<b>'>y</a>|y",
        "<a href=https://stadt.example/x>y</a>|<a href=\"https://stadt.example/x\">y</a>"
    })
    void removesWhatIsNotAllowed(String html, String expected) {
        assertThat(HtmlWhitelist.sanitise(html)).isEqualTo(expected);
    }

    @Test
    void escapesPlainText() {
        assertThat(HtmlWhitelist.escape("<b>\"Müller\" & Söhne</b>"))
                .isEqualTo("&lt;b&gt;&quot;Müller&quot; &amp; Söhne&lt;/b&gt;");
    }
}
