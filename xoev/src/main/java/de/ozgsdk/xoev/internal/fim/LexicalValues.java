package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.forms.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of form data in XML: written as the typed JSON form of {@code FormDataJson} holds them (the same
 * {@code ValueParser} of forms decides, so XML and JSON agree on every value), read back into the text {@code FormDataJson} would read from that JSON. Time and date-time carry
 * seconds in XML ({@code xs:time} requires them) and lose zero seconds on the way back, as the JSON form does.
 */
public final class LexicalValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,40}([.,][0-9]{1,40})?");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern GERMAN_DATE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}");
    private static final Pattern SHORT_TIME = Pattern.compile("[0-9]{2}:[0-9]{2}");
    private static final Pattern LOCAL_TIME = Pattern.compile("[0-9]{2}:[0-9]{2}(:[0-9]{2})?");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu", Locale.GERMANY)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private LexicalValues() {
    }

    /**
     * The XML text of a value as entered: the value of the JSON form of {@code FormDataJson} (typed where the text
     * parses as the Datentyp: plain decimals, integers, booleans, ISO dates and times; else the text as entered), with
     * the seconds {@code xs:time} and {@code xs:dateTime} require.
     */
    public static String toXml(DataType type, String entered) {
        String raw = asValidated(type, entered);
        switch (type) {
            case TEXT, TEXT_LATIN, FILE, OBJ -> {
                return raw; // as entered, stripped (Latin text in NFC)
            }
            case NUM, NUM_CURRENCY, NUM_INT -> {
                if (isCanonicalNumber(raw, type != DataType.NUM_INT)) {
                    return raw;
                }
            }
            case DATE -> {
                if (hasShape(raw, "0000-00-00")) {
                    return raw; // a valid date reads back as it is, an invalid one stays as entered
                }
            }
            case TIME -> {
                if (hasShape(raw, "00:00")) {
                    return raw + ":00";
                }
                if (hasShape(raw, "00:00:00")) {
                    return raw;
                }
            }
            case DATETIME -> {
                if (hasShape(raw, "0000-00-00T00:00")) {
                    return raw + ":00";
                }
                if (hasShape(raw, "0000-00-00T00:00:00") || raw.length() == 20 && raw.charAt(19) == 'Z'
                        && hasShape(raw.substring(0, 19), "0000-00-00T00:00:00")
                        || hasShape(raw, "0000-00-00T00:00:00+00:00") && !raw.endsWith("00:00")) {
                    return raw; // with seconds (and a non-zero offset, which stays as written): as it reads back
                }
            }
            default -> {
                // the general way
            }
        }
        return typedToXml(type, raw);
    }

    /** Written as the validator checks it: stripped (XML Schema keeps the white space of strings), Latin in NFC. */
    private static String asValidated(DataType type, String entered) {
        String text = entered.strip();
        return type == DataType.TEXT_LATIN ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
    }

    /**
     * Whether the text is a number in the form its {@code BigDecimal} or {@code BigInteger} writes it: digits without
     * a leading zero (or one zero), with {@code fraction} a point and 1 to 20 digits; at most 30 integer digits.
     */
    private static boolean isCanonicalNumber(String text, boolean fraction) {
        int length = text.length();
        int point = fraction ? text.indexOf('.') : -1;
        int integerDigits = point < 0 ? length : point;
        if (integerDigits < 1 || integerDigits > 30 || integerDigits > 1 && text.charAt(0) == '0'
                || point >= 0 && (length - point - 1 < 1 || length - point - 1 > 20)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != point) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text has the shape: {@code 0} stands for any ASCII digit, {@code +} for a plus or minus sign, any
     * other character for itself.
     */
    private static boolean hasShape(String text, String shape) {
        if (text.length() != shape.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char c = text.charAt(i);
            char s = shape.charAt(i);
            boolean fits = s == '0' ? c >= '0' && c <= '9' : s == '+' ? c == '+' || c == '-' : c == s;
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /** The general way: parsed as {@code FormDataJson} parses it, written in the canonical form of the type. */
    private static String typedToXml(DataType type, String raw) {
        return withSeconds(type, raw.isBlank() ? raw : type.canonical(raw).orElse(raw));
    }

    private static String withSeconds(DataType type, String text) {
        if (type == DataType.TIME && SHORT_TIME.matcher(text).matches()) {
            return text + ":00";
        }
        if (type == DataType.DATETIME && text.length() >= 16 && text.charAt(10) == 'T'
                && SHORT_TIME.matcher(text.substring(11, 16)).matches()
                && (text.length() == 16 || text.charAt(16) != ':')) {
            return text.substring(0, 16) + ":00" + text.substring(16);
        }
        return text;
    }

    /** The form data text of an XML value: what {@code FormDataJson} reads from the JSON form of the same value. */
    public static String fromXml(DataType type, String text) {
        String stripped = text.strip();
        try {
            switch (type) {
                case NUM, NUM_CURRENCY -> {
                    if (DECIMAL.matcher(stripped).matches() || stripped.matches("[+-]?([0-9]+\\.?|\\.[0-9]+)")) {
                        BigDecimal d = new BigDecimal(stripped);
                        return d.scale() <= 0 && !stripped.contains(".") ? d.toBigInteger().toString()
                                : d.toPlainString();
                    }
                }
                case NUM_INT -> {
                    if (stripped.matches("[+-]?[0-9]{1,60}")) {
                        return new BigInteger(stripped).toString();
                    }
                }
                case BOOL -> {
                    if (stripped.equals("true") || stripped.equals("false")) {
                        return stripped;
                    }
                }
                case DATE -> {
                    if (ISO_DATE.matcher(stripped).matches()) {
                        return LocalDate.parse(stripped, ISO).toString();
                    }
                }
                case TIME -> {
                    if (LOCAL_TIME.matcher(stripped).matches()) {
                        return LocalTime.parse(stripped).toString();
                    }
                }
                case DATETIME -> {
                    return dateTime(stripped).orElse(text);
                }
                default -> {
                    return text;
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return text;
        }
        return text;
    }

    private static Optional<String> dateTime(String text) {
        try {
            if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
                return Optional.of(OffsetDateTime.parse(text).toString());
            }
            return Optional.of(LocalDateTime.parse(text).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A limit of the Präzisierung as a number (decimal point or comma). */
    public static Optional<BigDecimal> decimal(String text) {
        String stripped = text.strip();
        return DECIMAL.matcher(stripped).matches()
                ? Optional.of(new BigDecimal(stripped.replace(',', '.'))) : Optional.empty();
    }

    /** A limit of the Präzisierung as a date (ISO or German notation). */
    public static Optional<LocalDate> date(String text) {
        String stripped = text.strip();
        try {
            if (ISO_DATE.matcher(stripped).matches()) {
                return Optional.of(LocalDate.parse(stripped, ISO));
            }
            if (GERMAN_DATE.matcher(stripped).matches()) {
                return Optional.of(LocalDate.parse(stripped, GERMAN));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A limit of the Präzisierung as a time ({@code 14:30} or {@code 14:30:15}). */
    public static Optional<LocalTime> time(String text) {
        String stripped = text.strip();
        try {
            return LOCAL_TIME.matcher(stripped).matches() ? Optional.of(LocalTime.parse(stripped)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A limit of the Präzisierung as a local date-time, in ISO or German notation ({@code 31.12.2024 18:30}) as the
     * validator reads it; an offset is dropped, as the validator compares locally.
     */
    public static Optional<LocalDateTime> localDateTime(String text) {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        if (space > 0 && GERMAN_DATE.matcher(stripped.substring(0, space)).matches()) {
            Optional<LocalDate> day = date(stripped.substring(0, space));
            Optional<LocalTime> time = time(stripped.substring(space + 1));
            return day.flatMap(d -> time.map(d::atTime));
        }
        try {
            return Optional.of(OffsetDateTime.parse(stripped).toLocalDateTime());
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDateTime.parse(stripped));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }
}
