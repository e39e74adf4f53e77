package de.ozgsdk.xoev.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlEscapingTest {

    @Test
    void escapesMarkupQuotesAndWhiteSpaceThatAParserWouldNormalise() {
        assertThat(XmlEscaping.escape("a&b<c>d\"e\tf\ng\rh'i"))
                .isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#9;f&#10;g&#13;h'i");
    }

    @Test
    void keepsQuoteTabAndLineFeedInElementContent() {
        assertThat(XmlEscaping.reference('"', false)).isNull();
        assertThat(XmlEscaping.reference('\t', false)).isNull();
        assertThat(XmlEscaping.reference('\n', false)).isNull();
        assertThat(XmlEscaping.reference('\r', false)).isEqualTo("&#13;");
    }

    @Test
    void xmlCharsRefuseControlCharactersAndUnpairedSurrogates() {
        assertThat(XmlChars.isXmlText("tab\t and emoji \uD83D\uDE00")).isTrue();
        assertThat(XmlChars.firstIllegal("ab\u0001")).isEqualTo(2);
        assertThat(XmlChars.firstIllegal("a\uD83Db")).isEqualTo(1);
        assertThat(XmlChars.isXmlChar(0x1F600)).isTrue();
        assertThat(XmlChars.isXmlChar(0xFFFE)).isFalse();
    }
}
