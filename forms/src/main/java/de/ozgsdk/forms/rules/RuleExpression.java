package de.ozgsdk.forms.rules;

import de.ozgsdk.forms.internal.rules.Echo;
import de.ozgsdk.forms.internal.rules.Evaluator;
import de.ozgsdk.forms.internal.rules.ParsedExpression;
import de.ozgsdk.forms.internal.rules.Parser;
import de.ozgsdk.forms.internal.rules.Printer;
import de.ozgsdk.forms.internal.rules.TypeChecker;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed, immutable condition of the rule language, such as {@code F05001047 == "02"} or
 * {@code exactlyOne(G60000086, G60000087)}; the grammar is in the package documentation.
 *
 * <pre>{@code
 * RuleExpression when = RuleExpression.parse("F05001047 == '02' and not filled(F05001048)");
 * when.canonical();  // F05001047 == "02" and not filled(F05001048)
 * when.elementIds(); // [F05001047, F05001048]
 * }</pre>
 */
public final class RuleExpression {

    private final String text;
    private final ParsedExpression parsed;

    private RuleExpression(String text, ParsedExpression parsed) {
        this.text = text;
        this.parsed = parsed;
    }

    /**
     * Parses an expression and checks what can be checked without a schema (e.g. that two fixed values are
     * comparable).
     *
     * @throws RuleSyntaxException with column, offending token and a hint if the text is no valid condition
     */
    public static RuleExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, Echo.quote(text));
    }

    /** Parses an expression whose errors name {@code where} (e.g. a place in a rule file) as their location. */
    static RuleExpression parse(String text, String where) {
        ParsedExpression parsed = Parser.parse(text, where);
        TypeChecker.checkTypes(parsed, where, Map.of());
        return new RuleExpression(text, parsed);
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** The canonical text: normalised spacing and quotes, the fewest parentheses; parses to the same expression. */
    public String canonical() {
        return Printer.print(parsed.root());
    }

    /** The ids of the Datenfelder and Datenfeldgruppen the expression refers to, in order of first appearance. */
    public Set<String> elementIds() {
        return TypeChecker.elementIds(parsed.root());
    }

    /** The texts each element is compared with for equality ({@code ==}, {@code !=}, {@code in}), by element id. */
    Map<String, Set<String>> comparedTexts() {
        return TypeChecker.comparedTexts(parsed.root());
    }

    /** Evaluates the condition; throws the internal evaluation problem, which {@link RuleSet} reports. */
    boolean test(RuleScope scope, Clock clock) {
        return Evaluator.test(parsed, scope, clock);
    }

    void checkElements(Collection<String> knownIds, String where) {
        TypeChecker.checkElements(parsed, where, knownIds);
    }

    void checkTypes(Map<String, ValueType> types, String where) {
        TypeChecker.checkTypes(parsed, where, types);
    }

    /** Two expressions are equal when they parse to the same tree, however they were spaced or quoted. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RuleExpression other && parsed.root().equals(other.parsed.root());
    }

    @Override
    public int hashCode() {
        return parsed.root().hashCode();
    }

    /** The canonical text. */
    @Override
    public String toString() {
        return canonical();
    }
}
