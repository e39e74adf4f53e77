package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleSyntaxException;
import de.ozgsdk.forms.rules.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed expression against what the schema knows: that the elements exist and that comparisons and
 * function arguments have fitting types. Elements of unknown type are let through; the evaluation reports them.
 */
public final class TypeChecker {

    private final ParsedExpression expression;
    private final String where;
    private final Map<String, ValueType> types;

    private TypeChecker(ParsedExpression expression, String where, Map<String, ValueType> types) {
        this.expression = expression;
        this.where = where;
        this.types = types;
    }

    /** The ids of the elements an expression refers to, in order of first appearance. */
    public static Set<String> elementIds(Node node) {
        Set<String> ids = new LinkedHashSet<>();
        collect(node, ids);
        return ids;
    }

    /**
     * The texts each element is compared with for equality: {@code F1 == "02"}, {@code F1 != "02"} and
     * {@code in(F1, "01", "02")}, by element id in order of appearance; for checking codes against code lists.
     */
    public static Map<String, Set<String>> comparedTexts(Node node) {
        Map<String, Set<String>> texts = new LinkedHashMap<>();
        collectComparedTexts(node, texts);
        return texts;
    }

    private static void collectComparedTexts(Node node, Map<String, Set<String>> texts) {
        if (node instanceof Node.And and) {
            and.operands().forEach(operand -> collectComparedTexts(operand, texts));
        } else if (node instanceof Node.Or or) {
            or.operands().forEach(operand -> collectComparedTexts(operand, texts));
        } else if (node instanceof Node.Not not) {
            collectComparedTexts(not.operand(), texts);
        } else if (node instanceof Node.Comparison comparison && !comparison.operator().isOrdering()) {
            addComparedText(comparison.left(), comparison.right(), texts);
            addComparedText(comparison.right(), comparison.left(), texts);
        } else if (node instanceof Node.ConditionCall call && call.function() == Function.IN) {
            for (Node.Value argument : call.arguments().subList(1, call.arguments().size())) {
                addComparedText(call.arguments().get(0), argument, texts);
            }
        }
    }

    private static void addComparedText(Node.Value element, Node.Value value, Map<String, Set<String>> texts) {
        if (element instanceof Node.ElementRef ref && value instanceof Node.Literal literal
                && literal.value() instanceof String text) {
            texts.computeIfAbsent(ref.id(), id -> new LinkedHashSet<>()).add(text);
        }
    }

    /**
     * Rejects references to elements that are not among the known ids.
     *
     * @throws RuleSyntaxException naming the first unknown element, with the closest known id as hint
     */
    public static void checkElements(ParsedExpression expression, String where, Collection<String> knownIds) {
        Set<String> known = Set.copyOf(knownIds);
        for (Node.ElementRef reference : references(expression.root())) {
            if (!known.contains(reference.id())) {
                int column = expression.column(reference);
                Optional<String> suggestion = Suggestions.nearest(reference.id(), known);
                if (suggestion.isPresent()) {
                    throw new RuleSyntaxException(RuleError.UNKNOWN_ELEMENT, where, column, reference.id(),
                            suggestion.get());
                }
                throw new RuleSyntaxException(RuleError.UNKNOWN_ELEMENT_NO_SUGGESTION, where, column, reference.id());
            }
        }
    }

    /**
     * Rejects comparisons and function arguments whose types cannot fit.
     *
     * @throws RuleSyntaxException naming the first ill-typed place
     */
    public static void checkTypes(ParsedExpression expression, String where, Map<String, ValueType> types) {
        new TypeChecker(expression, where, Map.copyOf(types)).condition(expression.root());
    }

    private void condition(Node.Condition node) {
        if (node instanceof Node.And) {
            ((Node.And) node).operands().forEach(this::condition);
        } else if (node instanceof Node.Or) {
            ((Node.Or) node).operands().forEach(this::condition);
        } else if (node instanceof Node.Not) {
            condition(((Node.Not) node).operand());
        } else if (node instanceof Node.Comparison) {
            comparison((Node.Comparison) node);
        } else if (node instanceof Node.ConditionCall && ((Node.ConditionCall) node).function() == Function.IN) {
            in((Node.ConditionCall) node);
        }
    }

    private void comparison(Node.Comparison node) {
        Optional<ValueType> left = type(node.left());
        Optional<ValueType> right = type(node.right());
        if (left.isPresent() && right.isPresent()) {
            requireComparable(node, node.left(), left.get(), node.right(), right.get());
        }
        if (node.operator().isOrdering()) {
            requireOrdered(node, node.left(), left);
            requireOrdered(node, node.right(), right);
        }
    }

    private void requireOrdered(Node at, Node.Value operand, Optional<ValueType> type) {
        if (type.isPresent() && !type.get().isOrdered()) {
            throw new RuleSyntaxException(RuleError.ORDERING_NOT_SUPPORTED, where, expression.column(at),
                    describe(operand), type.get().name());
        }
    }

    private void in(Node.ConditionCall node) {
        Node.Value subject = node.arguments().get(0);
        Optional<ValueType> subjectType = type(subject);
        if (subjectType.isEmpty()) {
            return;
        }
        for (Node.Value option : node.arguments().subList(1, node.arguments().size())) {
            type(option).ifPresent(t -> requireComparable(node, subject, subjectType.get(), option, t));
        }
    }

    private void requireComparable(Node at, Node.Value left, ValueType leftType, Node.Value right,
            ValueType rightType) {
        if (!leftType.isComparableWith(rightType)) {
            throw new RuleSyntaxException(RuleError.TYPE_MISMATCH, where, expression.column(at), describe(left),
                    leftType.name(), describe(right), rightType.name());
        }
    }

    private Optional<ValueType> type(Node.Value node) {
        if (node instanceof Node.ElementRef) {
            return Optional.ofNullable(types.get(((Node.ElementRef) node).id()));
        }
        if (node instanceof Node.Literal) {
            return ValueType.ofValue(((Node.Literal) node).value());
        }
        Node.ValueCall call = (Node.ValueCall) node;
        List<Node.Value> arguments = call.arguments();
        switch (call.function()) {
            case COUNT:
                return Optional.of(ValueType.NUMBER);
            case LEN:
                requireArgument(call, 0, type(arguments.get(0)), ValueType.TEXT, ValueType.CODE);
                return Optional.of(ValueType.NUMBER);
            case AGE:
                requireArgument(call, 0, type(arguments.get(0)), ValueType.DATE, ValueType.DATE_TIME);
                return Optional.of(ValueType.NUMBER);
            case TODAY:
                return Optional.of(ValueType.DATE);
            default:
                Optional<ValueType> base = type(arguments.get(0));
                requireArgument(call, 0, base, ValueType.DATE, ValueType.DATE_TIME);
                requireArgument(call, 1, type(arguments.get(1)), ValueType.NUMBER, ValueType.NUMBER);
                return base;
        }
    }

    private void requireArgument(Node.ValueCall call, int index, Optional<ValueType> actual, ValueType expected,
            ValueType alsoAccepted) {
        if (actual.isPresent() && actual.get() != expected && actual.get() != alsoAccepted) {
            throw new RuleSyntaxException(RuleError.ARGUMENT_TYPE, where, expression.column(call),
                    call.function().functionName(), Integer.toString(index + 1), actual.get().name(),
                    expected == alsoAccepted ? expected.name() : expected.name() + "/" + alsoAccepted.name());
        }
    }

    private static String describe(Node node) {
        return node instanceof Node.ElementRef ? ((Node.ElementRef) node).id() : Echo.shorten(Printer.print(node));
    }

    private static List<Node.ElementRef> references(Node node) {
        List<Node.ElementRef> references = new ArrayList<>();
        walk(node, references);
        return references;
    }

    private static void collect(Node node, Set<String> ids) {
        for (Node.ElementRef reference : references(node)) {
            ids.add(reference.id());
        }
    }

    private static void walk(Node node, List<Node.ElementRef> out) {
        if (node instanceof Node.ElementRef) {
            out.add((Node.ElementRef) node);
        } else if (node instanceof Node.And) {
            ((Node.And) node).operands().forEach(n -> walk(n, out));
        } else if (node instanceof Node.Or) {
            ((Node.Or) node).operands().forEach(n -> walk(n, out));
        } else if (node instanceof Node.Not) {
            walk(((Node.Not) node).operand(), out);
        } else if (node instanceof Node.Comparison) {
            walk(((Node.Comparison) node).left(), out);
            walk(((Node.Comparison) node).right(), out);
        } else if (node instanceof Node.ConditionCall) {
            ((Node.ConditionCall) node).arguments().forEach(n -> walk(n, out));
        } else if (node instanceof Node.ValueCall) {
            ((Node.ValueCall) node).arguments().forEach(n -> walk(n, out));
        }
    }
}
