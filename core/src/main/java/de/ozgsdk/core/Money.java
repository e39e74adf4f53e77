package de.ozgsdk.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in euro with exactly two decimal places, such as a fee (Gebühr) of a service; never a
 * {@code double}, so that 0.10 + 0.20 is 0.30.
 *
 * <pre>{@code
 * Money fee = Money.parse("12,50");
 * String total = fee.times(2).format(Locale.GERMANY); // "25,00 €" (with a no-break space before the sign)
 * }</pre>
 */
public final class Money implements Comparable<Money> {

    /** The only currency of OZG fees. */
    public static final Currency EURO = Currency.getInstance("EUR");

    /** Zero euro. */
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,13}([.,][0-9]{1,2})?");
    private static final char NO_BREAK_SPACE = '\u00A0';

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /**
     * An amount with at most two decimal places; more are refused rather than rounded, because a fee that was
     * computed with more precision must be rounded by an explicit rule of the caller ({@link #of(BigDecimal,
     * RoundingMode)}).
     */
    public static Money of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new InvalidInputException(CoreError.MONEY_INVALID, amount.toPlainString());
        }
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** An amount rounded to cents with the given rule (e.g. {@link RoundingMode#HALF_UP} for fee schedules). */
    public static Money of(BigDecimal amount, RoundingMode rounding) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(amount.setScale(2, rounding));
    }

    /** An amount in cents, e.g. {@code ofCents(1250)} is 12,50 €. */
    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    /**
     * Parses an amount as it is written in forms and interfaces: digits with a point or comma before at most two
     * decimals, e.g. {@code 12.50}, {@code 12,5}, {@code -3}. Grouping separators and currency signs are refused,
     * because "1.250" is ambiguous between German and English notation.
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new InvalidInputException(CoreError.MONEY_INVALID, Values.quoteForMessage(trimmed));
        }
        return new Money(new BigDecimal(trimmed.replace(',', '.')).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** The amount with scale 2. */
    public BigDecimal amount() {
        return amount;
    }

    /** The amount in cents. */
    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    /** Always euro. */
    public Currency currency() {
        return EURO;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** This amount times a whole quantity, e.g. the fee per copy times the number of copies. */
    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    /** This amount times a factor, rounded to cents with the given rule (e.g. a percentage surcharge). */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return new Money(amount.multiply(factor).setScale(2, rounding));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Formats for display: German {@code 1.234,50 €}, English {@code €1,234.50}; other languages use German
     * notation. A no-break space keeps amount and sign on one line.
     */
    public String format(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(
                english ? Locale.UK : Locale.GERMANY));
        String number = format.format(amount.abs());
        String sign = amount.signum() < 0 ? "-" : "";
        return english ? sign + "€" + number : sign + number + NO_BREAK_SPACE + "€";
    }

    /** The amount as a plain decimal with a point, as interfaces (ePayBL, XÖV) expect it: {@code 12.50}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** The plain amount with currency code, e.g. {@code 12.50 EUR}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " EUR";
    }
}
