package de.ozgsdk.forms.internal.jsonschema;

import java.util.Optional;

/**
 * Decides whether a Java regular expression means the same in ECMA-262 (the dialect of JSON Schema's
 * {@code pattern}), and anchors it: the validator requires a full match, JSON Schema searches.
 *
 * <p>Refused are constructs ECMA-262 lacks or reads differently: inline flags, atomic groups, possessive
 * quantifiers, {@code \A \Z \z \G \h \H \R \X \Q \E \v \e \a \x{..}}, octal escapes, Unicode properties
 * {@code \p{..}} (Java names, and ECMA needs the u flag), and class intersection or nesting. The remaining
 * differences are in which exotic characters {@code \s}, {@code \w} and {@code .} cover.
 */
public final class PortableRegex {

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
            case 'A', 'Z', 'z', 'G', 'h', 'H', 'R', 'X', 'Q', 'E', 'v', 'e', 'a', 'p', 'P', 'N', 'K' ->
                    Optional.of("\\" + c);
            case '0' -> Optional.of("octal escape \\0");
            default -> Optional.empty();
        };
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
