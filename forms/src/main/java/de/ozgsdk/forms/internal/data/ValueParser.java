package de.ozgsdk.forms.internal.data;

import de.ozgsdk.forms.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the values of a Datentyp from what a user typed or a system sent, and writes them in canonical form.
 *
 * <p>Accepted input (surrounding white space ignored): {@code bool} {@code true}/{@code false} (any case);
 * {@code date} ISO {@code 2024-01-31} or German {@code 31.01.2024} / {@code 1.2.2024} with a four-digit year;
 * {@code time} {@code 14:30} or {@code 14:30:15}; {@code datetime} ISO {@code 2024-01-31T14:30[:15]} with an optional
 * offset ({@code Z}, {@code +01:00}) or German {@code 31.01.2024 14:30[:15]}; numbers with a decimal point or a
 * decimal comma and no grouping separators ({@code 1.250} is a decimal, never a thousand), at most 30 integer and 20
 * fraction digits. Impossible dates ({@code 31.02.2024}) are refused. Canonical output: ISO dates and times, plain
 * decimals with a point.
 */
public final class ValueParser {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,30}([.,][0-9]{1,20})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,30}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern GERMAN_DATE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}");
    private static final Pattern TIME = Pattern.compile("[0-9]{2}:[0-9]{2}(:[0-9]{2})?");
    private static final DateTimeFormatter GERMAN_DATE_FORMAT =
            DateTimeFormatter.ofPattern("d.M.uuuu", Locale.GERMANY).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ValueParser() {
    }

    /**
     * The typed value of a text for a Datentyp: Boolean, LocalDate, LocalTime, LocalDateTime or OffsetDateTime,
     * BigDecimal (num, num_currency), BigInteger (num_int), or the stripped text for text, file and obj; empty when
     * the text is not a value of that type.
     */
    public static Optional<Object> parse(DataType type, String raw) {
        String text = raw.strip();
        return switch (type) {
            case BOOL -> bool(text).map(Object.class::cast);
            case DATE -> date(text).map(Object.class::cast);
            case TIME -> time(text).map(Object.class::cast);
            case DATETIME -> dateTime(text);
            case NUM, NUM_CURRENCY -> decimal(text).map(Object.class::cast);
            case NUM_INT -> integer(text).map(Object.class::cast);
            case TEXT, TEXT_LATIN, FILE, OBJ -> Optional.of(text);
        };
    }

    /** The canonical text of a typed value from {@link #parse}: ISO dates and times, plain decimals. */
    public static String canonical(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    public static Optional<Boolean> bool(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Optional.of(Boolean.TRUE);
        }
        return "false".equalsIgnoreCase(text) ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    public static Optional<LocalDate> date(String text) {
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text, ISO_DATE_FORMAT));
            }
            if (GERMAN_DATE.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text, GERMAN_DATE_FORMAT));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static Optional<LocalTime> time(String text) {
        if (!TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text, TIME_FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A LocalDateTime, or an OffsetDateTime when the text carries an offset. */
    public static Optional<Object> dateTime(String text) {
        int t = text.indexOf('T');
        if (t > 0) {
            Optional<LocalDate> day = ISO_DATE.matcher(text.substring(0, t)).matches()
                    ? date(text.substring(0, t)) : Optional.empty();
            String rest = text.substring(t + 1);
            int offsetStart = offsetStart(rest);
            Optional<LocalTime> time = time(rest.substring(0, offsetStart));
            if (day.isEmpty() || time.isEmpty()) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.of(day.get(), time.get());
            if (offsetStart == rest.length()) {
                return Optional.of(local);
            }
            try {
                return Optional.of(OffsetDateTime.of(local, java.time.ZoneOffset.of(rest.substring(offsetStart))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        int space = text.indexOf(' ');
        if (space > 0 && GERMAN_DATE.matcher(text.substring(0, space)).matches()) {
            Optional<LocalDate> day = date(text.substring(0, space));
            Optional<LocalTime> time = time(text.substring(space + 1).strip());
            if (day.isPresent() && time.isPresent()) {
                return Optional.of(LocalDateTime.of(day.get(), time.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the text is a {@code date} (or the date part of a {@code datetime}) in the form of a date, ISO or
     * German, with a day 1..31 and a month 1..12, that the calendar does not have ({@code 31.02.1985},
     * {@code 2023-02-29}): a citizen who typed it needs to hear that the day does not exist, not the format again.
     */
    public static boolean isNonexistentDate(DataType type, String raw) {
        String text = raw.strip();
        String day = switch (type) {
            case DATE -> text;
            case DATETIME -> datePart(text);
            default -> "";
        };
        int[] parts;
        if (ISO_DATE.matcher(day).matches()) {
            parts = new int[] {Integer.parseInt(day.substring(8, 10)), Integer.parseInt(day.substring(5, 7))};
        } else if (GERMAN_DATE.matcher(day).matches()) {
            String[] split = day.split("\\.");
            parts = new int[] {Integer.parseInt(split[0]), Integer.parseInt(split[1])};
        } else {
            return false;
        }
        boolean plausible = parts[0] >= 1 && parts[0] <= 31 && parts[1] >= 1 && parts[1] <= 12;
        return plausible && date(day).isEmpty();
    }

    private static String datePart(String dateTime) {
        int t = dateTime.indexOf('T');
        int space = dateTime.indexOf(' ');
        int end = t > 0 ? t : space > 0 ? space : -1;
        return end > 0 ? dateTime.substring(0, end) : "";
    }

    private static int offsetStart(String timeAndOffset) {
        for (int i = 0; i < timeAndOffset.length(); i++) {
            char c = timeAndOffset.charAt(i);
            if (c == 'Z' || c == '+' || c == '-') {
                return i;
            }
        }
        return timeAndOffset.length();
    }

    public static Optional<BigDecimal> decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.replace(',', '.')));
    }

    public static Optional<BigInteger> integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(text));
    }
}
