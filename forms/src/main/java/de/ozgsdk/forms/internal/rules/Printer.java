package de.ozgsdk.forms.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Writes a syntax tree back as canonical text, with the fewest parentheses that make {@link Parser} build the same
 * tree again.
 */
public final class Printer {

    private Printer() {
    }

    /** The canonical text of a node. */
    public static String print(Node node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        if (node instanceof Node.Or) {
            joined(((Node.Or) node).operands(), " or ", Node.Or.class, out);
        } else if (node instanceof Node.And) {
            joined(((Node.And) node).operands(), " and ", Node.And.class, out);
        } else if (node instanceof Node.Not) {
            out.append("not ");
            Node.Condition operand = ((Node.Not) node).operand();
            writeParenthesisedIf(operand instanceof Node.And || operand instanceof Node.Or, operand, out);
        } else if (node instanceof Node.Comparison) {
            Node.Comparison comparison = (Node.Comparison) node;
            write(comparison.left(), out);
            out.append(' ').append(comparison.operator().symbol()).append(' ');
            write(comparison.right(), out);
        } else if (node instanceof Node.ConditionCall) {
            call(((Node.ConditionCall) node).function(), ((Node.ConditionCall) node).arguments(), out);
        } else if (node instanceof Node.ValueCall) {
            call(((Node.ValueCall) node).function(), ((Node.ValueCall) node).arguments(), out);
        } else if (node instanceof Node.Constant) {
            out.append(((Node.Constant) node).value());
        } else if (node instanceof Node.ElementRef) {
            out.append(((Node.ElementRef) node).id());
        } else {
            literal(((Node.Literal) node).value(), out);
        }
    }

    /**
     * Operands of an n-ary and/or: an operand of the same kind was parenthesised in the source (otherwise the parser
     * would have flattened it), and an or inside an and needs parentheses because and binds tighter.
     */
    private static void joined(List<Node.Condition> operands, String separator, Class<?> kind, StringBuilder out) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            Node.Condition operand = operands.get(i);
            boolean parenthesise = kind.isInstance(operand) || (kind == Node.And.class && operand instanceof Node.Or);
            writeParenthesisedIf(parenthesise, operand, out);
        }
    }

    private static void writeParenthesisedIf(boolean parenthesise, Node node, StringBuilder out) {
        if (parenthesise) {
            out.append('(');
            write(node, out);
            out.append(')');
        } else {
            write(node, out);
        }
    }

    private static void call(Function function, List<Node.Value> arguments, StringBuilder out) {
        out.append(function.functionName()).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(arguments.get(i), out);
        }
        out.append(')');
    }

    private static void literal(Object value, StringBuilder out) {
        if (value instanceof String) {
            string((String) value, out);
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toPlainString());
        } else if (value instanceof LocalDate) {
            out.append("date(");
            string(value.toString(), out);
            out.append(')');
        } else if (value instanceof LocalTime) {
            out.append("time(");
            string(value.toString(), out);
            out.append(')');
        } else if (value instanceof LocalDateTime) {
            out.append("dateTime(");
            string(value.toString(), out);
            out.append(')');
        } else {
            out.append(value);
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
