package de.ozgsdk.forms.internal.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The functions of the rule language, with what they yield and what arguments they take. */
public enum Function {
    FILLED("filled", Yields.CONDITION, 1, 1, Argument.ELEMENT, Argument.ELEMENT),
    EMPTY("empty", Yields.CONDITION, 1, 1, Argument.ELEMENT, Argument.ELEMENT),
    EXACTLY_ONE("exactlyOne", Yields.CONDITION, 2, Integer.MAX_VALUE, Argument.ELEMENT, Argument.ELEMENT),
    AT_LEAST_ONE("atLeastOne", Yields.CONDITION, 2, Integer.MAX_VALUE, Argument.ELEMENT, Argument.ELEMENT),
    IN("in", Yields.CONDITION, 2, Integer.MAX_VALUE, Argument.VALUE, Argument.LITERAL),
    COUNT("count", Yields.VALUE, 1, 1, Argument.ELEMENT, Argument.ELEMENT),
    LEN("len", Yields.VALUE, 1, 1, Argument.VALUE, Argument.VALUE),
    TODAY("today", Yields.VALUE, 0, 0, Argument.VALUE, Argument.VALUE),
    ADD_DAYS("addDays", Yields.VALUE, 2, 2, Argument.VALUE, Argument.VALUE),
    ADD_MONTHS("addMonths", Yields.VALUE, 2, 2, Argument.VALUE, Argument.VALUE),
    ADD_YEARS("addYears", Yields.VALUE, 2, 2, Argument.VALUE, Argument.VALUE),
    AGE("age", Yields.VALUE, 1, 1, Argument.VALUE, Argument.VALUE),
    DATE("date", Yields.LITERAL, 1, 1, Argument.TEXT_LITERAL, Argument.TEXT_LITERAL),
    TIME("time", Yields.LITERAL, 1, 1, Argument.TEXT_LITERAL, Argument.TEXT_LITERAL),
    DATE_TIME("dateTime", Yields.LITERAL, 1, 1, Argument.TEXT_LITERAL, Argument.TEXT_LITERAL);

    /** What a call of the function is. */
    public enum Yields {
        /** True or false: usable where a condition stands. */
        CONDITION,
        /** A value: usable in comparisons and as argument. */
        VALUE,
        /** A fixed value computed while parsing ({@code date("2024-01-31")}). */
        LITERAL
    }

    /** What an argument must be. */
    public enum Argument {
        /** An element id. */
        ELEMENT,
        /** Any value. */
        VALUE,
        /** A fixed value (text, number, true/false, date(...)). */
        LITERAL,
        /** A text in quotes. */
        TEXT_LITERAL
    }

    private final String functionName;
    private final Yields yields;
    private final int minArguments;
    private final int maxArguments;
    private final Argument first;
    private final Argument rest;

    Function(String functionName, Yields yields, int minArguments, int maxArguments, Argument first, Argument rest) {
        this.functionName = functionName;
        this.yields = yields;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.first = first;
        this.rest = rest;
    }

    /** The name as written in expressions. */
    public String functionName() {
        return functionName;
    }

    public Yields yields() {
        return yields;
    }

    public int minArguments() {
        return minArguments;
    }

    public int maxArguments() {
        return maxArguments;
    }

    /** What the argument at the 0-based index must be. */
    public Argument argument(int index) {
        return index == 0 ? first : rest;
    }

    /** The number of arguments in the notation of the messages: {@code 1}, {@code 2}, {@code 2..n}. */
    public String arity() {
        if (minArguments == maxArguments) {
            return Integer.toString(minArguments);
        }
        return minArguments + "..n";
    }

    /** The function with the name as written (case-sensitive). */
    public static Optional<Function> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    /** All names, comma-separated, for messages. */
    public static String allNames() {
        return Arrays.stream(values()).map(Function::functionName).collect(Collectors.joining(", "));
    }
}
