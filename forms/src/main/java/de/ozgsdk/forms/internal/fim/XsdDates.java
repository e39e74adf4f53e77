package de.ozgsdk.forms.internal.fim;

/**
 * The lexical forms of XSD 1.0 {@code xs:date} and {@code xs:dateTime} ({@code -?yyyy-mm-dd}, then
 * {@code Thh:mm:ss(.s+)?} for a date-time, then an optional zone {@code Z} or {@code ±hh:mm} up to 14:00), with the
 * day checked against its month and leap year; read by hand, without a regular expression or a date parser. White
 * space is treated as libxml2 treats it (refused but after the zone of a date-time), see {@link #isDateTime}.
 */
final class XsdDates {

    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private XsdDates() {
    }

    static boolean isDate(String value) {
        int end = date(value);
        return end > 0 && zone(value, end);
    }

    static boolean isDateTime(String value) {
        int at = date(value);
        if (at < 0 || at >= value.length() || value.charAt(at) != 'T') {
            return false;
        }
        at++;
        if (!number(value, at, 2, 24) || !is(value, at + 2, ':') || !number(value, at + 3, 2, 59)
                || !is(value, at + 5, ':') || !number(value, at + 6, 2, 59)) {
            return false;
        }
        // XSD 1.0 allows 24:00:00 (the end of the day), nothing later
        boolean endOfDay = value.startsWith("24", at);
        if (endOfDay && !value.startsWith("00:00", at + 3)) {
            return false;
        }
        at += 8;
        if (is(value, at, '.')) {
            int digits = at + 1;
            while (digits < value.length() && isDigit(value.charAt(digits))) {
                if (endOfDay && value.charAt(digits) != '0') {
                    return false;
                }
                digits++;
            }
            if (digits == at + 1) {
                return false;
            }
            at = digits;
        }
        // libxml2 (xmllint, the reference of XsdDifferentialTest) takes white space after the zone of a date-time
        // and nowhere else; XSD 1.0 would collapse it everywhere
        int end = value.length();
        if (at < end && (value.charAt(at) == 'Z' || value.charAt(at) == '+' || value.charAt(at) == '-')) {
            while (end > at && isSpace(value.charAt(end - 1))) {
                end--;
            }
        }
        return zone(value.substring(0, end), at);
    }

    /** The index after {@code -?yyyy-mm-dd}, or -1. */
    private static int date(String value) {
        int at = value.startsWith("-") ? 1 : 0;
        int yearStart = at;
        while (at < value.length() && isDigit(value.charAt(at))) {
            at++;
        }
        int yearDigits = at - yearStart;
        if (yearDigits < 4 || yearDigits > 4 && value.charAt(yearStart) == '0') {
            return -1;
        }
        long year = yearDigits > 15 ? 1 : Long.parseLong(value.substring(yearStart, at));
        if (year == 0 || !is(value, at, '-') || !number(value, at + 1, 2, 12) || !is(value, at + 3, '-')
                || !number(value, at + 4, 2, 31)) {
            return -1;
        }
        int month = Integer.parseInt(value.substring(at + 1, at + 3));
        int day = Integer.parseInt(value.substring(at + 4, at + 6));
        if (month == 0 || day == 0 || day > DAYS[month - 1]) {
            return -1;
        }
        // the leap rule on the year as written (-0004 is a leap year), as libxml2 applies it
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (month == 2 && day == 29 && !leap) {
            return -1;
        }
        return at + 6;
    }

    /** Whether the rest from {@code at} is empty, {@code Z} or {@code ±hh:mm} (at most 14:00). */
    private static boolean zone(String value, int at) {
        if (at == value.length()) {
            return true;
        }
        if (value.charAt(at) == 'Z') {
            return at + 1 == value.length();
        }
        if ((value.charAt(at) != '+' && value.charAt(at) != '-') || value.length() != at + 6
                || !number(value, at + 1, 2, 14) || !is(value, at + 3, ':') || !number(value, at + 4, 2, 59)) {
            return false;
        }
        return value.charAt(at + 1) != '1' || value.charAt(at + 2) != '4' || value.startsWith("00", at + 4);
    }

    /** Whether {@code length} ASCII digits stand at {@code at} with a value of at most {@code max}. */
    private static boolean number(String value, int at, int length, int max) {
        if (at + length > value.length()) {
            return false;
        }
        int number = 0;
        for (int i = at; i < at + length; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
            number = number * 10 + value.charAt(i) - '0';
        }
        return number <= max;
    }

    private static boolean is(String value, int at, char c) {
        return at < value.length() && value.charAt(at) == c;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
