package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleScope;
import de.ozgsdk.forms.rules.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a parsed condition against form data, by walking the tree: no reflection, no script engine. An empty
 * operand makes a comparison false; values that do not fit the rule raise an {@link EvaluationProblem}.
 */
public final class Evaluator {

    private final ParsedExpression expression;
    private final RuleScope scope;
    private final Clock clock;

    private Evaluator(ParsedExpression expression, RuleScope scope, Clock clock) {
        this.expression = expression;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * Whether the condition holds.
     *
     * @throws EvaluationProblem if the data do not fit the rule
     */
    public static boolean test(ParsedExpression expression, RuleScope scope, Clock clock) {
        return new Evaluator(expression, scope, clock).condition(expression.root());
    }

    private boolean condition(Node.Condition node) {
        if (node instanceof Node.And) {
            for (Node.Condition operand : ((Node.And) node).operands()) {
                if (!condition(operand)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Node.Or) {
            for (Node.Condition operand : ((Node.Or) node).operands()) {
                if (condition(operand)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof Node.Not) {
            return !condition(((Node.Not) node).operand());
        }
        if (node instanceof Node.Constant) {
            return ((Node.Constant) node).value();
        }
        if (node instanceof Node.Comparison) {
            return comparison((Node.Comparison) node);
        }
        return call((Node.ConditionCall) node);
    }

    private boolean comparison(Node.Comparison node) {
        Object left = value(node.left());
        Object right = value(node.right());
        if (left == null || right == null) {
            return false;
        }
        return node.operator().test(compare(node, node.left(), left, node.right(), right));
    }

    private int compare(Node at, Node leftNode, Object left, Node rightNode, Object right) {
        ValueType leftType = ValueType.ofValue(left).orElseThrow();
        ValueType rightType = ValueType.ofValue(right).orElseThrow();
        if (leftType != rightType) {
            throw problem(RuleError.EVAL_TYPE_MISMATCH, at, describe(leftNode), leftType.name(),
                    describe(rightNode), rightType.name());
        }
        boolean ordering = at instanceof Node.Comparison && ((Node.Comparison) at).operator().isOrdering();
        if (ordering && !leftType.isOrdered()) {
            throw problem(RuleError.EVAL_ORDERING_NOT_SUPPORTED, at, describe(leftNode), leftType.name());
        }
        return compareSameType(left, right);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareSameType(Object left, Object right) {
        if (left instanceof Boolean || left instanceof String) {
            return left.equals(right) ? 0 : 1;
        }
        return ((Comparable) left).compareTo(right);
    }

    private boolean call(Node.ConditionCall node) {
        List<Node.Value> arguments = node.arguments();
        switch (node.function()) {
            case FILLED:
                return scope.isFilled(id(arguments.get(0)));
            case EMPTY:
                return !scope.isFilled(id(arguments.get(0)));
            case EXACTLY_ONE:
                return filledCount(arguments) == 1;
            case AT_LEAST_ONE:
                return filledCount(arguments) >= 1;
            default:
                return in(node);
        }
    }

    private int filledCount(List<Node.Value> elements) {
        int filled = 0;
        for (Node.Value element : elements) {
            if (scope.isFilled(id(element))) {
                filled++;
            }
        }
        return filled;
    }

    /** {@code in(F, ...)} holds when any value of F (a multiple choice may have several) equals any listed value. */
    private boolean in(Node.ConditionCall node) {
        Node.Value subject = node.arguments().get(0);
        List<Object> candidates = subject instanceof Node.ElementRef
                ? elementValues((Node.ElementRef) subject) : singleton(value(subject));
        for (Object candidate : candidates) {
            for (Node.Value option : node.arguments().subList(1, node.arguments().size())) {
                if (compare(node, subject, candidate, option, value(option)) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Object> singleton(Object value) {
        List<Object> list = new ArrayList<>();
        if (value != null) {
            list.add(value);
        }
        return list;
    }

    /** The value of a value node, or {@code null} when it is empty. */
    private Object value(Node.Value node) {
        if (node instanceof Node.Literal) {
            return ((Node.Literal) node).value();
        }
        if (node instanceof Node.ElementRef) {
            List<Object> values = elementValues((Node.ElementRef) node);
            if (values.size() > 1) {
                throw problem(RuleError.EVAL_MULTIPLE_VALUES, node, ((Node.ElementRef) node).id(),
                        Integer.toString(values.size()));
            }
            return values.isEmpty() ? null : values.get(0);
        }
        return valueCall((Node.ValueCall) node);
    }

    private Object valueCall(Node.ValueCall node) {
        List<Node.Value> arguments = node.arguments();
        switch (node.function()) {
            case COUNT:
                return BigDecimal.valueOf(scope.count(id(arguments.get(0))));
            case LEN:
                return length(node, value(arguments.get(0)));
            case TODAY:
                return LocalDate.now(clock);
            case AGE:
                return age(node, value(arguments.get(0)));
            default:
                return add(node, value(arguments.get(0)), value(arguments.get(1)));
        }
    }

    private Object length(Node.ValueCall node, Object text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        if (!(text instanceof String)) {
            throw argumentProblem(node, 0, text, ValueType.TEXT);
        }
        return BigDecimal.valueOf(((String) text).codePointCount(0, ((String) text).length()));
    }

    private Object age(Node.ValueCall node, Object birth) {
        if (birth == null) {
            return null;
        }
        LocalDate date = asDate(node, birth);
        return BigDecimal.valueOf(Period.between(date, LocalDate.now(clock)).getYears());
    }

    private LocalDate asDate(Node.ValueCall node, Object value) {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalDate();
        }
        throw argumentProblem(node, 0, value, ValueType.DATE);
    }

    private Object add(Node.ValueCall node, Object base, Object amount) {
        if (base == null || amount == null) {
            return null;
        }
        if (!(base instanceof LocalDate) && !(base instanceof LocalDateTime)) {
            throw argumentProblem(node, 0, base, ValueType.DATE);
        }
        if (!(amount instanceof BigDecimal)) {
            throw argumentProblem(node, 1, amount, ValueType.NUMBER);
        }
        try {
            long n = ((BigDecimal) amount).longValueExact();
            switch (node.function()) {
                case ADD_DAYS:
                    return base instanceof LocalDate ? ((LocalDate) base).plusDays(n)
                            : ((LocalDateTime) base).plusDays(n);
                case ADD_MONTHS:
                    return base instanceof LocalDate ? ((LocalDate) base).plusMonths(n)
                            : ((LocalDateTime) base).plusMonths(n);
                default:
                    return base instanceof LocalDate ? ((LocalDate) base).plusYears(n)
                            : ((LocalDateTime) base).plusYears(n);
            }
        } catch (ArithmeticException | DateTimeException e) {
            throw problem(RuleError.EVAL_ARITHMETIC, node, node.function().functionName());
        }
    }

    private List<Object> elementValues(Node.ElementRef element) {
        List<?> raw = scope.values(element.id());
        List<Object> values = new ArrayList<>(raw == null ? 0 : raw.size());
        if (raw == null) {
            return values;
        }
        for (Object value : raw) {
            Object normalised = normalise(element, value);
            if (normalised != null) {
                values.add(normalised);
            }
        }
        return values;
    }

    private Object normalise(Node.ElementRef element, Object value) {
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            return null;
        }
        if (value instanceof BigDecimal || ValueType.ofValue(value).isPresent()) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        throw new EvaluationProblem(RuleError.EVAL_UNSUPPORTED_VALUE,
                List.of(element.id(), value.getClass().getSimpleName()));
    }

    private static String id(Node.Value element) {
        return ((Node.ElementRef) element).id();
    }

    private EvaluationProblem argumentProblem(Node.ValueCall node, int index, Object value, ValueType expected) {
        return problem(RuleError.EVAL_ARGUMENT_TYPE, node, node.function().functionName(),
                Integer.toString(index + 1), ValueType.ofValue(value).map(Enum::name).orElse("?"), expected.name());
    }

    private EvaluationProblem problem(RuleError code, Node at, String... details) {
        List<String> all = new ArrayList<>();
        all.add(Integer.toString(expression.column(at)));
        all.addAll(List.of(details));
        return new EvaluationProblem(code, all);
    }

    /** How an operand is named in a problem report: its id or its text, never a value from the form data. */
    private static String describe(Node node) {
        return node instanceof Node.ElementRef ? ((Node.ElementRef) node).id() : Echo.shorten(Printer.print(node));
    }
}
