package de.ozgsdk.forms.internal.fim;

/**
 * The lexical forms of XSD 1.0 {@code xs:date} and {@code xs:dateTime} ({@code -?yyyy-mm-dd}, then
 * {@code Thh:mm:ss(.s+)?} for a date-time, then an optional zone {@code Z} or {@code ±hh:mm} up to 14:00), with the
 * day checked against its month and leap year; read by hand, without a regular expression or a date parser.
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
        if (!number(value, at, 2, 23) || !is(value, at + 2, ':') || !number(value, at + 3, 2, 59)
                || !is(value, at + 5, ':') || !number(value, at + 6, 2, 59)) {
            return false;
        }
        at += 8;
        if (is(value, at, '.')) {
            int digits = at + 1;
            while (digits < value.length() && isDigit(value.charAt(digits))) {
                digits++;
            }
            if (digits == at + 1) {
                return false;
            }
            at = digits;
        }
        return zone(value, at);
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
        long astronomical = value.startsWith("-") ? 1 - year : year;
        boolean leap = Math.floorMod(astronomical, 4) == 0
                && (Math.floorMod(astronomical, 100) != 0 || Math.floorMod(astronomical, 400) == 0);
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
