package de.ozgsdk.forms.internal.rules;

import java.util.Optional;

/** A comparison operator of the rule language. */
public enum Operator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the operator needs an order ({@code < <= > >=}) rather than only equality. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** Applies the operator to the result of {@code left.compareTo(right)}. */
    public boolean test(int comparison) {
        switch (this) {
            case EQ:
                return comparison == 0;
            case NE:
                return comparison != 0;
            case LT:
                return comparison < 0;
            case LE:
                return comparison <= 0;
            case GT:
                return comparison > 0;
            default:
                return comparison >= 0;
        }
    }

    static Optional<Operator> bySymbol(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
