package de.ozgsdk.forms.internal.fim;

import java.math.BigInteger;
import java.util.Set;

/**
 * A simple type of the XDatenfelder XSDs with its check, written out by hand (no regular expressions): XÖV
 * String.Latin, the XSD builtins the XSDs use, the enumerations of the code lists and the patterns of
 * {@code AnzahlString}, {@code VersionString}, {@code CountryCode}, {@code Language} and {@code PatternString}. Values
 * are whitespace-normalised the way the XSD type says before they are checked ({@code xs:token}: collapsed).
 */
final class XdfSimpleType {

    /** The kinds of checks. */
    enum Kind {
        /** XÖV String.Latin (restriction of xs:string). */
        LATIN("cvc-pattern-valid", false),
        /** xs:string, xs:normalizedString, xs:token and xs:anyURI: every XML text is valid. */
        ANY_TEXT("-", false),
        /** An xs:token restricted to an enumeration. */
        ENUMERATION("cvc-enumeration-valid", true),
        /** xs:date; white space is refused, as libxml2 does (XSD 1.0 would collapse it; FIM files never have it). */
        DATE("cvc-datatype-valid.1.2.1", false),
        /** xs:dateTime; white space is refused as in xs:date, except after a zone (libxml2 again). */
        DATE_TIME("cvc-datatype-valid.1.2.1", false),
        /** xs:boolean. */
        BOOLEAN("cvc-datatype-valid.1.2.1", true),
        /** xs:int. */
        INT("cvc-datatype-valid.1.2.1", true),
        /** xs:nonNegativeInteger. */
        NON_NEGATIVE_INTEGER("cvc-datatype-valid.1.2.1", true),
        /** xs:positiveInteger. */
        POSITIVE_INTEGER("cvc-datatype-valid.1.2.1", true),
        /** {@code \d+:(\*|\d+)} on xs:string (Multiplizität). */
        ANZAHL("cvc-pattern-valid", false),
        /** {@code \d+\.\d+} on xs:string (XDatenfelder 2.0 VersionString). */
        VERSION_2("cvc-pattern-valid", false),
        /** {@code \d+\.\d+\.\d+} on xs:string (XDatenfelder 3.0.0 VersionString). */
        VERSION_3("cvc-pattern-valid", false),
        /** {@code [A-Z]{2}} on xs:token. */
        COUNTRY("cvc-pattern-valid", true),
        /** {@code [a-z]{2,3}} on xs:token. */
        LANGUAGE("cvc-pattern-valid", true),
        /** {@code \w+/[-+.\w]+} on xs:token (PatternString of mediaType). */
        MEDIA_TYPE("cvc-pattern-valid", true);

        final String rule;
        final boolean collapse;

        Kind(String rule, boolean collapse) {
            this.rule = rule;
            this.collapse = collapse;
        }
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final XdfSimpleType LATIN = new XdfSimpleType("String.Latin", Kind.LATIN, Set.of(), false);
    private static final XdfSimpleType STRING = new XdfSimpleType("xs:string", Kind.ANY_TEXT, Set.of(), false);
    private static final XdfSimpleType TOKEN = new XdfSimpleType("xs:token", Kind.ANY_TEXT, Set.of(), true);
    private static final XdfSimpleType NORMALIZED = new XdfSimpleType("xs:normalizedString", Kind.ANY_TEXT, Set.of(),
            false);
    private static final XdfSimpleType URI = new XdfSimpleType("xs:anyURI", Kind.ANY_TEXT, Set.of(), true);

    final String name;
    final Kind kind;
    private final Set<String> values;
    private final boolean collapse;

    private XdfSimpleType(String name, Kind kind, Set<String> values, boolean collapse) {
        this.name = name;
        this.kind = kind;
        this.values = values;
        this.collapse = collapse;
    }

    /** A builtin of the table ({@code String.Latin}, {@code xs.date}, ...), or null. */
    static XdfSimpleType builtin(String name) {
        return switch (name) {
            case "String.Latin" -> LATIN;
            case "xs.string" -> STRING;
            case "xs.token" -> TOKEN;
            case "xs.normalizedString" -> NORMALIZED;
            case "xs.anyURI" -> URI;
            case "xs.date" -> of("xs:date", Kind.DATE);
            case "xs.dateTime" -> of("xs:dateTime", Kind.DATE_TIME);
            case "xs.boolean" -> of("xs:boolean", Kind.BOOLEAN);
            case "xs.int" -> of("xs:int", Kind.INT);
            case "xs.nonNegativeInteger" -> of("xs:nonNegativeInteger", Kind.NON_NEGATIVE_INTEGER);
            case "xs.positiveInteger" -> of("xs:positiveInteger", Kind.POSITIVE_INTEGER);
            default -> null;
        };
    }

    static XdfSimpleType of(String name, Kind kind) {
        return new XdfSimpleType(name, kind, Set.of(), kind.collapse);
    }

    static XdfSimpleType enumeration(String name, Set<String> values) {
        return new XdfSimpleType(name, Kind.ENUMERATION, Set.copyOf(values), true);
    }

    /** The XSD rule a value breaking this type violates, as the schema validators name it. */
    String rule() {
        return kind.rule;
    }

    /** Whether the text (as it stands in the file) is a valid value. */
    boolean accepts(CharSequence text) {
        return switch (kind) {
            case ANY_TEXT -> true;
            case LATIN -> StringLatin.matches(text);
            case ANZAHL -> anzahl(text);
            case VERSION_2 -> digitGroups(text, 2);
            case VERSION_3 -> digitGroups(text, 3);
            default -> acceptsCollapsed(collapse ? collapse(text) : text.toString());
        };
    }

    /** Whether an attribute value is valid and, where the XSD fixes it, equal to the fixed value. */
    boolean acceptsAttribute(String value, String fixed) {
        if (!accepts(value)) {
            return false;
        }
        if (fixed == null) {
            return true;
        }
        String normalised = collapse ? collapse(value) : this == NORMALIZED ? replace(value) : value;
        return normalised.equals(fixed);
    }

    private boolean acceptsCollapsed(String value) {
        return switch (kind) {
            case ENUMERATION -> values.contains(value);
            case DATE -> XsdDates.isDate(value);
            case DATE_TIME -> XsdDates.isDateTime(value);
            case BOOLEAN -> value.equals("true") || value.equals("false") || value.equals("1") || value.equals("0");
            case INT -> integer(value, INT_MIN, INT_MAX);
            case NON_NEGATIVE_INTEGER -> integer(value, BigInteger.ZERO, null);
            case POSITIVE_INTEGER -> integer(value, BigInteger.ONE, null);
            case COUNTRY -> letters(value, 'A', 'Z', 2, 2);
            case LANGUAGE -> letters(value, 'a', 'z', 2, 3);
            case MEDIA_TYPE -> mediaType(value);
            default -> throw new IllegalStateException(kind.name());
        };
    }

    /** XSD whitespace "collapse": runs of space, tab, CR, LF become one space, none at the ends. */
    static String collapse(CharSequence text) {
        String value = text.toString();
        int length = value.length();
        boolean plain = length == 0 || !isSpace(value.charAt(0)) && !isSpace(value.charAt(length - 1));
        for (int i = 0; plain && i < length; i++) {
            char c = value.charAt(i);
            plain = c != '\t' && c != '\n' && c != '\r' && !(c == ' ' && value.charAt(i + 1) == ' ');
        }
        if (plain) {
            return value;
        }
        StringBuilder out = new StringBuilder(length);
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String replace(String value) {
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean integer(String value, BigInteger min, BigInteger max) {
        int start = value.startsWith("+") || value.startsWith("-") ? 1 : 0;
        if (value.length() == start) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        BigInteger number = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
        return number.compareTo(min) >= 0 && (max == null || number.compareTo(max) <= 0);
    }

    private static boolean letters(String value, char from, char to, int min, int max) {
        if (value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < from || value.charAt(i) > to) {
                return false;
            }
        }
        return true;
    }

    /** {@code \d+:(\*|\d+)}; {@code \d} of XSD regular expressions is every Unicode decimal digit. */
    private static boolean anzahl(CharSequence text) {
        int colon = digits(text, 0);
        if (colon == 0 || colon >= text.length() || text.charAt(colon) != ':') {
            return false;
        }
        if (colon + 2 == text.length() && text.charAt(colon + 1) == '*') {
            return true;
        }
        int end = digits(text, colon + 1);
        return end > colon + 1 && end == text.length();
    }

    /** {@code groups} runs of {@code \d+} separated by dots, nothing else. */
    private static boolean digitGroups(CharSequence text, int groups) {
        int at = 0;
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                if (at >= text.length() || text.charAt(at) != '.') {
                    return false;
                }
                at++;
            }
            int end = digits(text, at);
            if (end == at) {
                return false;
            }
            at = end;
        }
        return at == text.length();
    }

    /** The index after the run of decimal digits starting at {@code from}. */
    private static int digits(CharSequence text, int from) {
        int at = from;
        while (at < text.length()) {
            int c = Character.codePointAt(text, at);
            if (Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) {
                break;
            }
            at += Character.charCount(c);
        }
        return at;
    }

    /** {@code \w+/[-+.\w]+}; {@code \w} of XSD regular expressions: everything but punctuation, separators, other. */
    private static boolean mediaType(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return false;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean word = isWord(c);
            boolean ok = i < slash ? word : i == slash || word || c == '-' || c == '+' || c == '.';
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isWord(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
