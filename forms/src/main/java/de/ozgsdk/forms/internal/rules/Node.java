package de.ozgsdk.forms.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A node of the immutable syntax tree of a rule expression. Nodes carry no source positions, so that two parses of
 * equivalent text give equal trees; positions live beside the tree in {@link ParsedExpression}.
 */
public sealed interface Node permits Node.Condition, Node.Value {

    /** A node that yields true or false. */
    sealed interface Condition extends Node
            permits And, Or, Not, Comparison, ConditionCall, Constant {
    }

    /** A node that yields a value (or nothing, for an empty field). */
    sealed interface Value extends Node permits ElementRef, Literal, ValueCall {
    }

    /** {@code a and b and ...}, at least two operands. */
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
            requireAtLeastTwo(operands);
        }
    }

    /** {@code a or b or ...}, at least two operands. */
    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
            requireAtLeastTwo(operands);
        }
    }

    /** {@code not a}. */
    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code left op right}. */
    record Comparison(Operator operator, Value left, Value right) implements Condition {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A function that yields a condition, such as {@code filled(F1)}. */
    record ConditionCall(Function function, List<Value> arguments) implements Condition {
        public ConditionCall {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }

    /** The condition {@code true} or {@code false} on its own. */
    record Constant(boolean value) implements Condition {
    }

    /** A reference to a Datenfeld or Datenfeldgruppe by its id. */
    record ElementRef(String id) implements Value {
        public ElementRef {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A fixed value: {@link String}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate}, {@link LocalTime} or
     * {@link LocalDateTime}.
     */
    record Literal(Object value) implements Value {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (!(value instanceof String || value instanceof BigDecimal || value instanceof Boolean
                    || value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime)) {
                throw new IllegalArgumentException("unsupported literal " + value.getClass());
            }
        }
    }

    /** A function that yields a value, such as {@code count(G1)}. */
    record ValueCall(Function function, List<Value> arguments) implements Value {
        public ValueCall {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }

    private static void requireAtLeastTwo(List<?> operands) {
        if (operands.size() < 2) {
            throw new IllegalArgumentException("needs at least two operands");
        }
    }
}
