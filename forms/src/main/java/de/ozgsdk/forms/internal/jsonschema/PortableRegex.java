package de.ozgsdk.forms.internal.jsonschema;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a Java regular expression means the same in ECMA-262 (the dialect of JSON Schema's
 * {@code pattern}), and anchors it: the validator requires a full match, JSON Schema searches.
 *
 * <p>Refused are constructs ECMA-262 lacks or reads differently: inline flags, atomic groups, possessive
 * quantifiers, {@code \A \Z \z \G \h \H \R \X \Q \E \v \e \a \x{..}}, octal escapes, Unicode properties
 * other than general categories ({@code \p{IsLatin}}, {@code \p{javaLowerCase}}, {@code \pL} without braces), and
 * class intersection or nesting. General categories such as {@code \p{L}} (common in FIM name fields) mean the same
 * in ECMA-262 with the u flag, which JSON Schema 2020-12 asks validators to use. The remaining differences are in
 * which exotic characters {@code \s}, {@code \w} and {@code .} cover.
 */
public final class PortableRegex {

    private static final Set<String> GENERAL_CATEGORIES = Set.of("L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc",
            "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z",
            "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn");

    private PortableRegex() {
    }

    /** The construct that keeps the pattern from being portable, or empty when it is portable. */
    public static Optional<String> unportable(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char next = i + 1 < regex.length() ? regex.charAt(i + 1) : '\0';
            if (c == '\\') {
                if (next == 'x' && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                    return Optional.of("\\x{...}");
                }
                if (next == 'p' || next == 'P') {
                    Optional<String> property = property(regex, i);
                    if (property.isPresent()) {
                        return property;
                    }
                    i = regex.indexOf('}', i);
                    continue;
                }
                Optional<String> escape = escape(next);
                if (escape.isPresent()) {
                    return escape;
                }
                i++;
            } else if (inClass) {
                if (c == '[') {
                    return Optional.of("nested character class");
                }
                if (c == '&' && next == '&') {
                    return Optional.of("class intersection &&");
                }
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (next == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    return Optional.of("leading ] in a character class");
                }
            } else if (c == '(' && next == '?') {
                Optional<String> group = group(regex, i + 2);
                if (group.isPresent()) {
                    return group;
                }
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && next == '+') {
                return Optional.of("possessive quantifier " + c + "+");
            }
        }
        return Optional.empty();
    }

    /** The pattern anchored for a full match: {@code ^(?:regex)$}. */
    public static String anchored(String regex) {
        return "^(?:" + regex + ")$";
    }

    private static Optional<String> escape(char c) {
        return switch (c) {
            case 'A', 'Z', 'z', 'G', 'h', 'H', 'R', 'X', 'Q', 'E', 'v', 'e', 'a', 'N', 'K' ->
                    Optional.of("\\" + c);
            case '0' -> Optional.of("octal escape \\0");
            default -> Optional.empty();
        };
    }

    /** A {@code \p{..}} at {@code at}: portable only as a Unicode general category. */
    private static Optional<String> property(String regex, int at) {
        int close = regex.indexOf('}', at);
        if (at + 2 >= regex.length() || regex.charAt(at + 2) != '{' || close < 0) {
            return Optional.of("\\" + regex.charAt(at + 1) + " without braces");
        }
        String name = regex.substring(at + 3, close);
        return GENERAL_CATEGORIES.contains(name) ? Optional.empty()
                : Optional.of("\\" + regex.charAt(at + 1) + "{" + name + "}");
    }

    private static Optional<String> group(String regex, int at) {
        if (at >= regex.length()) {
            return Optional.of("(?");
        }
        char c = regex.charAt(at);
        if (c == ':' || c == '=' || c == '!') {
            return Optional.empty();
        }
        if (c == '<' && at + 1 < regex.length()) {
            char d = regex.charAt(at + 1);
            return d == '=' || d == '!' || Character.isLetter(d) ? Optional.empty() : Optional.of("(?<");
        }
        if (c == '>') {
            return Optional.of("atomic group (?>");
        }
        return Optional.of("inline flags (?" + c);
    }
}
