package de.ozgsdk.forms.internal.fim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the flat JSON object that XDatenfelder 2 puts into {@code <xdf:praezisierung>}
 * ({@code {"minLength":"1","pattern":"[\\p{L}]*"}}): string keys, string or bare values, no nesting.
 */
final class JsonishObject {

    private final String text;
    private int pos;

    private JsonishObject(String text) {
        this.text = text;
    }

    /** The key/value pairs in order, or empty when the text is not such an object. */
    static Optional<Map<String, String>> parse(String text) {
        try {
            return Optional.of(new JsonishObject(text).object());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> object() {
        Map<String, String> entries = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            pos++;
        } else {
            do {
                String key = string();
                expect(':');
                entries.put(key, value());
            } while (consumeComma());
            expect('}');
        }
        whitespace();
        if (pos != text.length()) {
            throw new IllegalArgumentException("trailing text");
        }
        return entries;
    }

    private boolean consumeComma() {
        if (peek() == ',') {
            pos++;
            return true;
        }
        return false;
    }

    private String value() {
        if (peek() == '"') {
            return string();
        }
        int start = pos;
        while (pos < text.length() && ",}".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String bare = text.substring(start, pos).strip();
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("empty value");
        }
        return bare;
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c == '\\') {
                s.append(escape());
            } else {
                s.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private char escape() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("dangling escape");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw new IllegalArgumentException("short unicode escape");
                }
                try {
                    char decoded = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                    pos += 4;
                    return decoded;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad unicode escape", e);
                }
            default:
                throw new IllegalArgumentException("bad escape");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos++;
    }

    private char peek() {
        whitespace();
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return text.charAt(pos);
    }

    private void whitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
