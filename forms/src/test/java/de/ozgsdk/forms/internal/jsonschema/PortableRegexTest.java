package de.ozgsdk.forms.internal.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortableRegexTest {

    @ParameterizedTest
    @ValueSource(strings = {"[0-9]{5}", "[A-Z]{2}[0-9]{2}( ?[0-9A-Z]{4}){4}", "(?:ab|cd)+", "(?<year>\\d{4})",
        "a(?=b)", "(?<!x)y", "[^\\]]", "\\x41", "\\u00e4+", "^a$", "[\\p{L}\\p{Zs}'.-]+", "\\P{Lu}"})
    void acceptsPatternsThatMeanTheSameInEcma262(String regex) {
        assertThat(PortableRegex.unportable(regex)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)abc", "a*+", "(?>ab)", "\\Aabc\\z", "\\pL", "\\p{IsLatin}", "\\p{javaLowerCase}",
        "[a-z&&[^e]]", "[a[b]]", "\\Qa.b\\E", "\\h", "\\R", "\\x{41}", "\\0101", "a{2}+"})
    void refusesJavaOnlySyntax(String regex) {
        assertThat(PortableRegex.unportable(regex)).isPresent();
    }

    /** Patterns come from FIM files: any text gets an answer, never an exception. */
    @Property(tries = 2000)
    void answersForAnyText(@ForAll @StringLength(max = 30) @CharRange(from = ' ', to = '~') String regex) {
        assertThat(PortableRegex.unportable(regex)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[0-9]{5}", "a|b"})
    void anchorsForAFullMatch(String regex) {
        assertThat(PortableRegex.anchored(regex)).isEqualTo("^(?:" + regex + ")$");
        assertThat(java.util.regex.Pattern.compile(PortableRegex.anchored("a|b")).matcher("ab").find()).isFalse();
    }
}
