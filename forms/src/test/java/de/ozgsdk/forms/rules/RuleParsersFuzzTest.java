package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The parsers of the rules take author input (expressions, side files) and FIM free texts from the XRepository:
 * whatever they get, they return a result or throw their documented exception, never anything else, and never
 * overflow the stack.
 */
class RuleParsersFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "10s")
    void expressionsParseOrFailWithASyntaxException(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        RuleExpression expression;
        try {
            expression = RuleExpression.parse(text);
        } catch (RuleSyntaxException expected) {
            assertThat(expected.column()).isBetween(1, text.length() + 1);
            return;
        }
        assertThat(RuleExpression.parse(expression.canonical())).isEqualTo(expression);
        ExecutableRule rule = ExecutableRule.builder("R", RuleKind.REQUIRED, expression).target("X1").build();
        RuleSet.of(List.of(rule)).evaluate(MapRuleScope.builder().value("F1", "02").build(), CLOCK);
    }

    @FuzzTest(maxDuration = "10s")
    void sideFilesLoadOrFailWithInvalidInput(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            RuleFiles.read(new ByteArrayInputStream(bytes), "fuzz.json");
        } catch (InvalidInputException expected) {
            // the only allowed way to refuse a file
        }
    }

    @FuzzTest(maxDuration = "10s")
    void freeTextsAreRecognisedOrExplainedNeverThrown(FuzzedDataProvider data) {
        String script = data.consumeString(100);
        String text = data.consumeRemainingAsString();
        Recognition recognition = new FreeTextRecognizer().recognize("R1", "", text, script);
        assertThat(recognition.rule().isPresent()).isNotEqualTo(recognition.reason().isPresent());
        assertThat(recognition.rules().isEmpty()).isEqualTo(recognition.reason().isPresent());
    }
}
