package de.ozgsdk.forms.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of an element's value as the rule language sees it, used to reject ill-typed comparisons when a rule set
 * is loaded ({@link RuleSet#checkTypes}) rather than when a citizen fills the form.
 */
public enum ValueType {
    /** Free text (FIM Datentyp {@code text}, {@code string.latin}); compared with texts in quotes. */
    TEXT,
    /** A code of a text field with a Codeliste or inline values, such as {@code "02"}; compared like {@link #TEXT}. */
    CODE,
    /** A number (FIM {@code num}, {@code num_int}, {@code num_currency}). */
    NUMBER,
    /** Yes/no (FIM {@code bool}); compared with {@code true} and {@code false}. */
    BOOLEAN,
    /** A calendar date (FIM {@code date}); compared with {@code date("2024-01-31")}, {@code today()}. */
    DATE,
    /** A time of day (FIM {@code time}); compared with {@code time("14:30")}. */
    TIME,
    /** A date with time of day (FIM {@code datetime}); compared with {@code dateTime("2024-01-31T14:30")}. */
    DATE_TIME,
    /** An attachment or static object (FIM {@code file}, {@code obj}): only {@code filled}/{@code empty} apply. */
    FILE,
    /** A Datenfeldgruppe: only {@code filled}, {@code empty}, {@code count} and the one-of functions apply. */
    GROUP;

    /**
     * The type for a FIM Datentyp code ({@code text}, {@code text_latin}, {@code string.latin}, {@code date},
     * {@code time}, {@code datetime}, {@code bool}, {@code num}, {@code num_int}, {@code num_currency}, {@code file},
     * {@code obj}).
     * A text field with a Codeliste is {@link #CODE}; the caller decides that ({@link FormRules#elementTypes}).
     */
    public static Optional<ValueType> ofFimDatentyp(String code) {
        switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "text":
            case "text_latin":
            case "string.latin":
                return Optional.of(TEXT);
            case "date":
                return Optional.of(DATE);
            case "time":
                return Optional.of(TIME);
            case "datetime":
                return Optional.of(DATE_TIME);
            case "bool":
                return Optional.of(BOOLEAN);
            case "num":
            case "num_int":
            case "num_currency":
                return Optional.of(NUMBER);
            case "file":
            case "obj":
                return Optional.of(FILE);
            default:
                return Optional.empty();
        }
    }

    /** Whether values of the two types can be tested for equality. */
    public boolean isComparableWith(ValueType other) {
        if (!hasValue() || !other.hasValue()) {
            return false;
        }
        return textual() == other.textual() && (textual() || this == other);
    }

    /** Whether {@code < <= > >=} apply: numbers, dates, times and date-times. */
    public boolean isOrdered() {
        return this == NUMBER || this == DATE || this == TIME || this == DATE_TIME;
    }

    /**
     * The type of a value as delivered by a {@link RuleScope} or written as literal; empty for a Java type the rule
     * language does not know (numbers other than {@link BigDecimal} must be converted first).
     */
    public static Optional<ValueType> ofValue(Object value) {
        if (value instanceof String) {
            return Optional.of(TEXT);
        }
        if (value instanceof BigDecimal) {
            return Optional.of(NUMBER);
        }
        if (value instanceof Boolean) {
            return Optional.of(BOOLEAN);
        }
        if (value instanceof LocalDate) {
            return Optional.of(DATE);
        }
        if (value instanceof LocalTime) {
            return Optional.of(TIME);
        }
        if (value instanceof LocalDateTime) {
            return Optional.of(DATE_TIME);
        }
        return Optional.empty();
    }

    private boolean hasValue() {
        return this != FILE && this != GROUP;
    }

    private boolean textual() {
        return this == TEXT || this == CODE;
    }
}
