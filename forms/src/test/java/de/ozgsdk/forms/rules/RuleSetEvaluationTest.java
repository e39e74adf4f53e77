package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Evaluating rule sets against form data: typed comparisons, empty fields, functions, kinds and problems. */
class RuleSetEvaluationTest {

    /** 2024-06-15 in Berlin. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @Test
    void comparesCodesAsTexts() {
        MapRuleScope scope = MapRuleScope.builder().value("F1", "02").build();
        assertThat(holds("F1 == '02'", scope)).isTrue();
        assertThat(holds("F1 == '2'", scope)).isFalse();
        assertThat(holds("F1 != '01'", scope)).isTrue();
    }

    @Test
    void comparesNumbersByValueNotByScale() {
        MapRuleScope scope = MapRuleScope.builder().value("F1", new BigDecimal("18.0")).value("F2", 7).build();
        assertThat(holds("F1 == 18", scope)).isTrue();
        assertThat(holds("F1 > 17.99", scope)).isTrue();
        assertThat(holds("F2 < F1", scope)).isTrue();
    }

    @Test
    void comparesDatesTimesAndDateTimes() {
        MapRuleScope scope = MapRuleScope.builder()
                .value("F1", LocalDate.of(2024, 1, 31))
                .value("F2", LocalDate.of(2024, 2, 1))
                .value("F3", LocalTime.of(14, 30))
                .value("F4", LocalDateTime.of(2024, 1, 31, 8, 0))
                .build();
        assertThat(holds("F2 > F1", scope)).isTrue();
        assertThat(holds("F1 == date('2024-01-31')", scope)).isTrue();
        assertThat(holds("F3 >= time('14:30')", scope)).isTrue();
        assertThat(holds("F4 < dateTime('2024-01-31T08:00:01')", scope)).isTrue();
    }

    @Test
    void comparesBooleans() {
        MapRuleScope scope = MapRuleScope.builder().value("F1", true).build();
        assertThat(holds("F1 == true", scope)).isTrue();
        assertThat(holds("F1 == false", scope)).isFalse();
    }

    @Test
    void aComparisonWithAnEmptyFieldIsFalseEvenForInequality() {
        MapRuleScope scope = MapRuleScope.builder().value("F1", "  ").build();
        assertThat(holds("F1 == '02'", scope)).isFalse();
        assertThat(holds("F1 != '02'", scope)).isFalse();
        assertThat(holds("not F1 == '02'", scope)).isTrue();
        assertThat(holds("F9 < 3", scope)).isFalse();
    }

    @Test
    void filledAndEmptyLookAtFieldsAndGroups() {
        MapRuleScope scope = MapRuleScope.builder()
                .value("F1", "x").value("F2", "")
                .group("G1", 1, "F1").group("G2", 1, "F2")
                .build();
        assertThat(holds("filled(F1) and empty(F2)", scope)).isTrue();
        assertThat(holds("filled(G1) and empty(G2)", scope)).isTrue();
    }

    @Test
    void countsGroupInstancesAndOneOfFunctionsCountFilledElements() {
        MapRuleScope scope = MapRuleScope.builder()
                .value("F1", "x").group("G1", 3, "F1").group("G2", 0, "F2")
                .build();
        assertThat(holds("count(G1) == 3 and count(G2) == 0", scope)).isTrue();
        assertThat(holds("exactlyOne(G1, G2)", scope)).isTrue();
        assertThat(holds("atLeastOne(G2, F1)", scope)).isTrue();
        assertThat(holds("exactlyOne(G1, F1)", scope)).isFalse();
    }

    @Test
    void inMatchesAnyValueOfAMultipleChoice() {
        MapRuleScope scope = MapRuleScope.builder().value("F1", "03", "05").build();
        assertThat(holds("in(F1, '01', '05')", scope)).isTrue();
        assertThat(holds("in(F1, '01', '02')", scope)).isFalse();
    }

    @Test
    void lenCountsCharactersAndIsZeroForAnEmptyField() {
        MapRuleScope scope = MapRuleScope.builder().value("F1", "Müller").build();
        assertThat(holds("len(F1) == 6 and len(F2) == 0", scope)).isTrue();
    }

    @Test
    void dateArithmeticUsesTheInjectedClock() {
        MapRuleScope scope = MapRuleScope.builder()
                .value("F1", LocalDate.of(2006, 6, 15))
                .value("F2", LocalDate.of(2006, 6, 16))
                .build();
        assertThat(holds("age(F1) >= 18 and age(F2) < 18", scope)).isTrue();
        assertThat(holds("addYears(F1, 18) == today()", scope)).isTrue();
        assertThat(holds("addMonths(today(), -1) == date('2024-05-15')", scope)).isTrue();
        assertThat(holds("addDays(F2, -1) == F1", scope)).isTrue();
    }

    @Test
    void requiredRuleMakesItsTargetRequiredOnlyWhileTheConditionHolds() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F05001047 == '02'", "G05000499")));
        assertThat(rules.evaluate(MapRuleScope.builder().value("F05001047", "02").build(), CLOCK).required())
                .containsExactly("G05000499");
        assertThat(rules.evaluate(MapRuleScope.builder().value("F05001047", "01").build(), CLOCK).required())
                .isEmpty();
    }

    @Test
    void hiddenElementsAreIgnoredByOtherRulesAlongAChain() {
        RuleSet rules = RuleSet.of(List.of(
                rule("V1", RuleKind.VISIBLE, "F1 == true", "F2"),
                rule("V2", RuleKind.VISIBLE, "F2 == true", "F3"),
                rule("R1", RuleKind.REQUIRED, "F2 == true", "F4")));
        MapRuleScope staleData = MapRuleScope.builder().value("F1", false).value("F2", true).build();

        RuleOutcome outcome = rules.evaluate(staleData, CLOCK);

        assertThat(outcome.hidden()).containsExactlyInAnyOrder("F2", "F3");
        assertThat(outcome.required()).isEmpty();
        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void elementsInsideAHiddenGroupAreNeitherRequiredNorChecked() {
        RuleSet rules = RuleSet.of(List.of(
                rule("V1", RuleKind.VISIBLE, "F1 == true", "G1"),
                rule("R1", RuleKind.REQUIRED, "true", "F2"),
                constraint("C1", "filled(F2)", "F2")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", false).group("G1", 1, "F2").build();

        RuleOutcome outcome = rules.evaluate(scope, CLOCK);

        assertThat(outcome.isHidden("G1")).isTrue();
        assertThat(outcome.required()).isEmpty();
        assertThat(outcome.violations()).isEmpty();
    }

    @Test
    void aViolatedConstraintReportsItsMessageAtItsTargets() {
        RuleSet rules = RuleSet.of(List.of(constraint("C1", "F2 > F1", "F2")));
        MapRuleScope scope = MapRuleScope.builder()
                .value("F1", LocalDate.of(2024, 2, 1)).value("F2", LocalDate.of(2024, 1, 1)).build();

        RuleOutcome outcome = rules.evaluate(scope, CLOCK);

        assertThat(outcome.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("C1");
            assertThat(v.targets()).containsExactly("F2");
            assertThat(v.message().get(Locale.ENGLISH)).isEqualTo("End after start.");
        });
    }

    @Test
    void aTypeMismatchIsAReportedProblemNotAnException() {
        RuleSet rules = RuleSet.of(List.of(
                constraint("C1", "F1 > date('2024-01-01')", "F1"),
                rule("R1", RuleKind.REQUIRED, "F1 == 'x'", "F2"),
                rule("V1", RuleKind.VISIBLE, "F1 < 3", "F3")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", "2024-05-01").build();

        RuleOutcome outcome = rules.evaluate(scope, CLOCK);

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.hidden()).isEmpty();
        assertThat(outcome.problems()).extracting(RuleFinding::ruleId).containsExactlyInAnyOrder("V1", "C1");
        RuleFinding problem = outcome.problems().stream().filter(p -> p.ruleId().equals("C1")).findFirst().get();
        assertThat(problem.code()).isEqualTo(RuleError.EVAL_TYPE_MISMATCH);
        assertThat(problem.message(Locale.ENGLISH))
                .contains("Rule C1, column 4").contains("F1 (type TEXT)").contains("type DATE")
                .doesNotContain("2024-05-01");
    }

    @Test
    void orderingOfTextsIsAReportedProblem() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 < F2", "F3")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", "a").value("F2", "b").build();
        assertThat(rules.evaluate(scope, CLOCK).problems()).extracting(RuleFinding::code)
                .containsExactly(RuleError.EVAL_ORDERING_NOT_SUPPORTED);
    }

    @Test
    void severalValuesWhereOneIsExpectedIsAReportedProblem() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 == 'a'", "F3")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", "a", "b").build();
        assertThat(rules.evaluate(scope, CLOCK).problems()).extracting(RuleFinding::code)
                .containsExactly(RuleError.EVAL_MULTIPLE_VALUES);
    }

    @Test
    void anUnsupportedJavaValueIsAReportedProblem() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 == 'a'", "F3")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", new StringBuilder("a")).build();
        assertThat(rules.evaluate(scope, CLOCK).problems()).extracting(RuleFinding::code)
                .containsExactly(RuleError.EVAL_UNSUPPORTED_VALUE);
    }

    @Test
    void dateArithmeticOutOfRangeIsAReportedProblem() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "addYears(F1, 999999999999) > F1", "F3")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", LocalDate.of(2024, 1, 1)).build();
        assertThat(rules.evaluate(scope, CLOCK).problems()).extracting(RuleFinding::code)
                .containsExactly(RuleError.EVAL_ARITHMETIC);
    }

    @Test
    void visibilityRulesThatSwitchEachOtherAreReportedAsACycle() {
        RuleSet rules = RuleSet.of(List.of(rule("V1", RuleKind.VISIBLE, "empty(F1)", "F1")));
        MapRuleScope scope = MapRuleScope.builder().value("F1", "x").build();
        assertThat(rules.evaluate(scope, CLOCK).problems()).extracting(RuleFinding::code)
                .containsExactly(RuleError.EVAL_VISIBILITY_CYCLE);
    }

    @Test
    void checkTypesRejectsAComparisonOfADateFieldWithAText() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "filled(F9) and F1 == 'heute'", "F2")));
        assertThatThrownBy(() -> rules.checkTypes(Map.of("F1", ValueType.DATE)))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.code()).isEqualTo(RuleError.TYPE_MISMATCH);
                    assertThat(e.column()).isEqualTo(19);
                    assertThat(e.where()).contains("R1");
                });
    }

    @Test
    void checkTypesAcceptsCodesComparedWithTextsAndLeavesUnknownElementsAlone() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 == '02' and F7 > 3", "F2")));
        assertThat(rules.checkTypes(Map.of("F1", ValueType.CODE))).isSameAs(rules);
    }

    @Test
    void checkTypesRejectsOrderingOfCodesAndComparingGroups() {
        RuleSet ordering = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 < F3", "F2")));
        assertThatThrownBy(() -> ordering.checkTypes(Map.of("F1", ValueType.CODE)))
                .hasFieldOrPropertyWithValue("code", RuleError.ORDERING_NOT_SUPPORTED);
        RuleSet group = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "G1 == 'x'", "F2")));
        assertThatThrownBy(() -> group.checkTypes(Map.of("G1", ValueType.GROUP)))
                .hasFieldOrPropertyWithValue("code", RuleError.TYPE_MISMATCH);
    }

    @Test
    void checkTypesRejectsAgeOfANumber() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "age(F1) > 18", "F2")));
        assertThatThrownBy(() -> rules.checkTypes(Map.of("F1", ValueType.NUMBER)))
                .hasFieldOrPropertyWithValue("code", RuleError.ARGUMENT_TYPE);
    }

    @Test
    void checkElementsSuggestsTheClosestKnownId() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F05001074 == '02'", "G05000499")));
        assertThatThrownBy(() -> rules.checkElements(Set.of("F05001047", "G05000499")))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.code()).isEqualTo(RuleError.UNKNOWN_ELEMENT);
                    assertThat(e.userMessage(Locale.ENGLISH)).contains("did you mean F05001047?");
                });
    }

    @Test
    void checkElementsRejectsAnUnknownTarget() {
        RuleSet rules = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 == '02'", "G9")));
        assertThatThrownBy(() -> rules.checkElements(Set.of("F1")))
                .hasFieldOrPropertyWithValue("code", RuleError.UNKNOWN_TARGET);
    }

    @Test
    void ruleSetsRejectDuplicateIds() {
        ExecutableRule rule = rule("R1", RuleKind.REQUIRED, "true", "F1");
        assertThatThrownBy(() -> RuleSet.of(List.of(rule, rule)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", RuleError.DUPLICATE_RULE_ID);
    }

    @Test
    void aSideFileRuleOverridesARecognisedRuleWithTheSameId() {
        RuleSet recognised = RuleSet.of(List.of(rule("R1", RuleKind.REQUIRED, "F1 == '02'", "G1"),
                rule("R2", RuleKind.REQUIRED, "F1 == '03'", "G2")));
        RuleSet sideFile = RuleSet.of("S1", List.of(rule("R1", RuleKind.REQUIRED, "F1 == '04'", "G1")));

        RuleSet merged = recognised.overriddenBy(sideFile);

        assertThat(merged.rules()).extracting(ExecutableRule::id).containsExactly("R1", "R2");
        assertThat(merged.rule("R1").orElseThrow().condition().canonical()).isEqualTo("F1 == \"04\"");
        assertThat(merged.schemaId()).contains("S1");
    }

    @Test
    void aConstraintWithoutTargetsReportsAtTheElementsItNames() {
        ExecutableRule rule = ExecutableRule.builder("C1", RuleKind.CONSTRAINT, RuleExpression.parse("F2 > F1"))
                .message(LocalizedText.of("Ende nach Beginn.")).build();
        assertThat(rule.targets()).containsExactly("F2", "F1");
    }

    @Test
    void builderRejectsBadIdsTargetsAndMissingParts() {
        RuleExpression condition = RuleExpression.parse("true");
        assertThatThrownBy(() -> ExecutableRule.builder("R 1", RuleKind.REQUIRED, condition))
                .hasFieldOrPropertyWithValue("code", RuleError.RULE_ID_INVALID);
        assertThatThrownBy(() -> ExecutableRule.builder("R1", RuleKind.REQUIRED, condition).target("f1"))
                .hasFieldOrPropertyWithValue("code", RuleError.RULE_TARGET_INVALID);
        assertThatThrownBy(() -> ExecutableRule.builder("R1", RuleKind.VISIBLE, condition).build())
                .hasFieldOrPropertyWithValue("code", RuleError.RULE_NO_TARGET);
        assertThatThrownBy(() -> ExecutableRule.builder("R1", RuleKind.CONSTRAINT, condition).target("F1").build())
                .hasFieldOrPropertyWithValue("code", RuleError.RULE_CONSTRAINT_WITHOUT_MESSAGE);
    }

    @Test
    void mapsFimDatentypenToValueTypes() {
        assertThat(ValueType.ofFimDatentyp("num_currency")).contains(ValueType.NUMBER);
        assertThat(ValueType.ofFimDatentyp("string.latin")).contains(ValueType.TEXT);
        assertThat(ValueType.ofFimDatentyp("datetime")).contains(ValueType.DATE_TIME);
        assertThat(ValueType.ofFimDatentyp("unbekannt")).isEmpty();
    }

    private static boolean holds(String expression, RuleScope scope) {
        RuleSet rules = RuleSet.of(List.of(rule("R", RuleKind.REQUIRED, expression, "X1")));
        RuleOutcome outcome = rules.evaluate(scope, CLOCK);
        assertThat(outcome.problems()).as("problems of %s", expression).isEmpty();
        return outcome.isRequired("X1");
    }

    private static ExecutableRule rule(String id, RuleKind kind, String expression, String target) {
        return ExecutableRule.builder(id, kind, RuleExpression.parse(expression)).target(target).build();
    }

    private static ExecutableRule constraint(String id, String expression, String target) {
        return ExecutableRule.builder(id, RuleKind.CONSTRAINT, RuleExpression.parse(expression))
                .target(target)
                .message(LocalizedText.builder("Ende nach Beginn.").put(Locale.ENGLISH, "End after start.").build())
                .build();
    }
}
