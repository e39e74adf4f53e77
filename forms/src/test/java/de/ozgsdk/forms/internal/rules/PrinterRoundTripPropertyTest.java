package de.ozgsdk.forms.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing a syntax tree and parsing the text again gives the same tree, for any tree the language can express. */
class PrinterRoundTripPropertyTest {

    @Property(tries = 500)
    void printedTreesParseBackToTheSameTree(@ForAll("conditions") Node.Condition tree) {
        String text = Printer.print(tree);
        assertThat(Parser.parse(text, "property").root()).as(text).isEqualTo(tree);
    }

    @Property(tries = 200)
    void printingIsStableAfterOneRoundTrip(@ForAll("conditions") Node.Condition tree) {
        String once = Printer.print(tree);
        assertThat(Printer.print(Parser.parse(once, "property").root())).isEqualTo(once);
    }

    @Provide
    Arbitrary<Node.Condition> conditions() {
        return condition(3);
    }

    private Arbitrary<Node.Condition> condition(int depth) {
        Arbitrary<Node.Condition> leaf = Arbitraries.oneOf(comparison(), conditionCall(),
                Arbitraries.of(true, false).map(Node.Constant::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Node.Condition> inner = Arbitraries.lazy(() -> condition(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, inner.list().ofMinSize(2).ofMaxSize(3).map(Node.And::new)),
                net.jqwik.api.Tuple.of(1, inner.list().ofMinSize(2).ofMaxSize(3).map(Node.Or::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Node.Not::new)));
    }

    private Arbitrary<Node.Condition> comparison() {
        return Combinators.combine(Arbitraries.of(Operator.values()), value(), value()).as(Node.Comparison::new);
    }

    private Arbitrary<Node.Condition> conditionCall() {
        Arbitrary<List<Node.Value>> two = element().list().ofMinSize(2).ofMaxSize(4);
        return Arbitraries.oneOf(
                element().map(e -> new Node.ConditionCall(Function.FILLED, List.of(e))),
                element().map(e -> new Node.ConditionCall(Function.EMPTY, List.of(e))),
                two.map(es -> new Node.ConditionCall(Function.EXACTLY_ONE, es)),
                two.map(es -> new Node.ConditionCall(Function.AT_LEAST_ONE, es)),
                Combinators.combine(value(), literal().list().ofMinSize(1).ofMaxSize(3)).as((v, ls) -> {
                    List<Node.Value> arguments = new java.util.ArrayList<>();
                    arguments.add(v);
                    arguments.addAll(ls);
                    return new Node.ConditionCall(Function.IN, arguments);
                }));
    }

    private Arbitrary<Node.Value> value() {
        return Arbitraries.oneOf(element(), literal(), valueCall());
    }

    private Arbitrary<Node.Value> valueCall() {
        Arbitrary<Node.Value> simple = Arbitraries.oneOf(element(), literal());
        return Arbitraries.oneOf(
                element().map(e -> new Node.ValueCall(Function.COUNT, List.of(e))),
                simple.map(v -> new Node.ValueCall(Function.LEN, List.of(v))),
                simple.map(v -> new Node.ValueCall(Function.AGE, List.of(v))),
                Arbitraries.just(new Node.ValueCall(Function.TODAY, List.of())),
                Combinators.combine(Arbitraries.of(Function.ADD_DAYS, Function.ADD_MONTHS, Function.ADD_YEARS),
                        simple, simple).as((f, a, b) -> new Node.ValueCall(f, List.of(a, b))));
    }

    private Arbitrary<Node.Value> element() {
        Arbitrary<String> fim = Combinators.combine(Arbitraries.of("F", "G"),
                Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(11)).as(String::concat);
        Arbitrary<String> workingCopy = Arbitraries.strings().withCharRange('a', 'f').numeric().ofLength(8)
                .map(s -> "F00-" + s + "-629c");
        return Arbitraries.oneOf(fim, workingCopy, Arbitraries.of("F_end", "Xa")).map(Node.ElementRef::new);
    }

    private Arbitrary<Node.Value> literal() {
        Arbitrary<Object> text = Arbitraries.strings().withCharRange(' ', '~').withChars('ä', 'ß', '€')
                .ofMaxLength(12).map(s -> s);
        Arbitrary<Object> number = Arbitraries.bigDecimals().between(new BigDecimal("-99999"), new BigDecimal("99999"))
                .ofScale(2).map(n -> n);
        Arbitrary<Object> integer = Arbitraries.integers().between(-1000, 1000).map(i -> new BigDecimal(i));
        Arbitrary<Object> bool = Arbitraries.of(true, false).map(b -> b);
        Arbitrary<Object> date = Arbitraries.integers().between(-50000, 50000)
                .map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Arbitrary<Object> time = Arbitraries.integers().between(0, 86399)
                .map(s -> LocalTime.ofSecondOfDay(s));
        Arbitrary<Object> dateTime = Arbitraries.longs().between(0, 4_000_000_000L)
                .map(s -> LocalDateTime.of(1970, 1, 1, 0, 0).plusSeconds(s));
        return Arbitraries.oneOf(text, number, integer, bool, date, time, dateTime).map(Node.Literal::new);
    }
}
