package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.internal.fim.JavaRegex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaRegexTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^[0-9]{5}$;[0-9]{5}",
        "\\d{5};[0-9]{5}",
        "(?:ab|cd)+?;(ab|cd)+",
        "[\\w.-]+@[\\w-]+;[a-zA-Z0-9_\\.\\-]+@[a-zA-Z0-9_\\-]+",
        "\\p{L}+( \\p{L}+)*;\\p{L}+( \\p{L}+)*",
        "a.b;a[^\\n\\r\u0085\u2028-\u2029]b",
        "\\u0041\\$;A$"})
    void translatesWhatXmlSchemaCanState(String java, String xsd) {
        assertThat(JavaRegex.translate(java).xsd()).contains(xsd);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"\\bx", "(?i)abc", "a(?=b)", "(a)\\1", "a*+", "[a-z&&[^b]]", "\\Qa\\E",
        "a^b"})
    void refusesWhatXmlSchemaCannotState(String java) {
        assertThat(JavaRegex.translate(java).refusal()).isPresent();
    }
}
