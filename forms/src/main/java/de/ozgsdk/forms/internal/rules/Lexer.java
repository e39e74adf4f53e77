package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a rule expression into tokens; rejects everything outside the language with a hint. */
final class Lexer {

    private static final Set<String> UPPER_CASE_KEYWORDS = Set.of("AND", "OR", "NOT", "TRUE", "FALSE");
    private static final String TYPOGRAPHIC_QUOTES = "„“”‚‘’»«";

    private final String text;
    private final String where;
    private int index;

    private Lexer(String text, String where) {
        this.text = text;
        this.where = where;
    }

    /** The tokens of the text, ending with an END token. */
    static List<Token> tokenize(String text, String where) {
        return new Lexer(text, where).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Token.Type.END, "", index + 1, ""));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (index < text.length() && " \t\r\n".indexOf(text.charAt(index)) >= 0) {
            index++;
        }
    }

    private Token next() {
        char c = text.charAt(index);
        int start = index;
        if (c >= 'A' && c <= 'Z') {
            return element(start);
        }
        if ((c >= 'a' && c <= 'z') || c == '_') {
            return word(start);
        }
        if (isDigit(c) || (c == '-' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return string(start, c);
        }
        switch (c) {
            case '(':
                return single(Token.Type.LEFT_PAREN, start);
            case ')':
                return single(Token.Type.RIGHT_PAREN, start);
            case ',':
                return single(Token.Type.COMMA, start);
            default:
                return operator(start, c);
        }
    }

    private Token single(Token.Type type, int start) {
        index++;
        return new Token(type, text.substring(start, index), start + 1, "");
    }

    private Token element(int start) {
        index++;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (isNameChar(c)) {
                index++;
            } else if (c == '-' && index + 1 < text.length() && isNameChar(text.charAt(index + 1))) {
                index += 2;
            } else {
                break;
            }
        }
        String name = text.substring(start, index);
        if (UPPER_CASE_KEYWORDS.contains(name)) {
            throw new RuleSyntaxException(RuleError.WRONG_OPERATOR, where, start + 1, Echo.quote(name),
                    name.toLowerCase(Locale.ROOT));
        }
        return new Token(Token.Type.ELEMENT, name, start + 1, "");
    }

    private Token word(int start) {
        index++;
        while (index < text.length() && isNameChar(text.charAt(index))) {
            index++;
        }
        return new Token(Token.Type.WORD, text.substring(start, index), start + 1, "");
    }

    private Token number(int start) {
        if (text.charAt(index) == '-') {
            index++;
        }
        skipDigits();
        boolean valid = true;
        if (index < text.length() && text.charAt(index) == '.') {
            index++;
            int fractionStart = index;
            skipDigits();
            valid = index > fractionStart;
        }
        if (index < text.length() && (isNameChar(text.charAt(index)) || text.charAt(index) == '.')) {
            while (index < text.length() && (isNameChar(text.charAt(index)) || text.charAt(index) == '.')) {
                index++;
            }
            valid = false;
        }
        String number = text.substring(start, index);
        if (!valid) {
            throw new RuleSyntaxException(RuleError.INVALID_NUMBER, where, start + 1, Echo.quote(number));
        }
        return new Token(Token.Type.NUMBER, number, start + 1, number);
    }

    private void skipDigits() {
        while (index < text.length() && isDigit(text.charAt(index))) {
            index++;
        }
    }

    private Token string(int start, char quote) {
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == quote) {
                index++;
                return new Token(Token.Type.STRING, text.substring(start, index), start + 1, value.toString());
            }
            if (c == '\\') {
                value.append(escape());
            } else if (Character.isISOControl(c)) {
                throw new RuleSyntaxException(RuleError.UNEXPECTED_CHARACTER, where, index + 1,
                        Echo.quote(String.valueOf(c)));
            } else {
                value.append(c);
                index++;
            }
        }
        throw new RuleSyntaxException(RuleError.UNTERMINATED_STRING, where, start + 1,
                Echo.quote(text.substring(start)), String.valueOf(quote));
    }

    private char escape() {
        if (index + 1 < text.length()) {
            char escaped = text.charAt(index + 1);
            if (escaped == '"' || escaped == '\'' || escaped == '\\') {
                index += 2;
                return escaped;
            }
        }
        String shown = text.substring(index, Math.min(text.length(), index + 2));
        throw new RuleSyntaxException(RuleError.INVALID_ESCAPE, where, index + 1, Echo.quote(shown));
    }

    private Token operator(int start, char c) {
        String two = index + 1 < text.length() ? text.substring(index, index + 2) : String.valueOf(c);
        switch (two) {
            case "==":
            case "!=":
            case "<=":
            case ">=":
                index += 2;
                return new Token(Token.Type.OPERATOR, two, start + 1, "");
            case "<>":
                throw wrongOperator(start, two, "!=");
            case "=<":
                throw wrongOperator(start, two, "<=");
            case "=>":
                throw wrongOperator(start, two, ">=");
            case "&&":
                throw wrongOperator(start, two, "and");
            case "||":
                throw wrongOperator(start, two, "or");
            default:
                return singleCharOperator(start, c);
        }
    }

    private Token singleCharOperator(int start, char c) {
        switch (c) {
            case '<':
            case '>':
                index++;
                return new Token(Token.Type.OPERATOR, String.valueOf(c), start + 1, "");
            case '=':
                throw wrongOperator(start, "=", "==");
            case '&':
                throw wrongOperator(start, "&", "and");
            case '|':
                throw wrongOperator(start, "|", "or");
            case '!':
                throw wrongOperator(start, "!", "not");
            default:
                int codePoint = text.codePointAt(start);
                String shown = new String(Character.toChars(codePoint));
                if (TYPOGRAPHIC_QUOTES.indexOf(c) >= 0) {
                    throw new RuleSyntaxException(RuleError.TYPOGRAPHIC_QUOTE, where, start + 1, Echo.quote(shown));
                }
                throw new RuleSyntaxException(RuleError.UNEXPECTED_CHARACTER, where, start + 1, Echo.quote(shown));
        }
    }

    private RuleSyntaxException wrongOperator(int start, String found, String instead) {
        return new RuleSyntaxException(RuleError.WRONG_OPERATOR, where, start + 1, Echo.quote(found), instead);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }
}
