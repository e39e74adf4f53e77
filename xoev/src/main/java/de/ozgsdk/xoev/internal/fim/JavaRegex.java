package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.xoev.internal.xml.XmlChars;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a Java regular expression (a FIM Präzisierung pattern, matched against the whole value) into the
 * regular expression dialect of XML Schema, which always matches the whole value.
 *
 * <p>Translated: literals, {@code .}, classes with ranges, {@code \d \s \w} (as the ASCII sets Java means),
 * {@code \p{..}} general categories, groups ({@code (?:} becomes {@code (}), alternation, greedy and lazy quantifiers
 * (laziness does not change whether a whole value matches), a leading {@code ^} and a trailing {@code $}. Refused
 * (the result names the construct): anchors elsewhere, look-around, back references, possessive quantifiers, inline
 * flags, nested classes and intersections, {@code \b \Q \x{..}} and other escapes XML Schema lacks.
 */
public final class JavaRegex {

    private static final Set<String> GENERAL_CATEGORIES = Set.of("L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc",
            "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z",
            "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cn");
    private static final String XSD_META = "\\|.?*+(){}-[]^";

    /** A node of the parsed expression. */
    public sealed interface Node permits Alternatives, Sequence, Group, Repeat, CharSet {
    }

    /** {@code a|b}. */
    public record Alternatives(List<Node> options) implements Node {
    }

    /** {@code ab}. */
    public record Sequence(List<Node> items) implements Node {
    }

    /** {@code (a)}. */
    public record Group(Node inner) implements Node {
    }

    /** {@code a{min,max}}; max -1 for unbounded. */
    public record Repeat(Node inner, int min, int max) implements Node {
    }

    /** A set of characters: ranges and general categories, possibly negated; a literal is a one-character set. */
    public record CharSet(List<int[]> ranges, List<String> categories, boolean negated) implements Node {

        /** Whether the code point is in the set. */
        public boolean contains(int codePoint) {
            boolean in = false;
            for (int[] range : ranges) {
                in |= codePoint >= range[0] && codePoint <= range[1];
            }
            for (String category : categories) {
                boolean negative = category.startsWith("^");
                boolean member = java.util.regex.Pattern.matches("\\p{" + category.substring(negative ? 1 : 0) + "}",
                        new String(Character.toChars(codePoint)));
                in |= member != negative;
            }
            return in != negated;
        }
    }

    /** The outcome: the tree and its XML Schema text, or the construct that cannot be translated. */
    public record Translation(Optional<Node> tree, Optional<String> xsd, Optional<String> refusal) {
    }

    private final String regex;
    private int pos;

    private JavaRegex(String regex) {
        this.regex = regex;
    }

    /** Translates the Java regular expression (which must compile). */
    public static Translation translate(String regex) {
        try {
            Node tree = new JavaRegex(regex).parseWhole();
            StringBuilder xsd = new StringBuilder();
            print(tree, xsd);
            return new Translation(Optional.of(tree), Optional.of(xsd.toString()), Optional.empty());
        } catch (Refused e) {
            return new Translation(Optional.empty(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    // ---- parsing

    private Node parseWhole() {
        int end = regex.length();
        if (end > 0 && regex.charAt(end - 1) == '$' && !escaped(end - 1)) {
            end--;
        }
        String body = regex.substring(0, end);
        JavaRegex inner = new JavaRegex(body);
        if (body.startsWith("^")) {
            inner.pos = 1;
        }
        Node node = inner.parseAlternatives();
        if (inner.pos < body.length()) {
            throw new Refused("unbalanced )");
        }
        return node;
    }

    private boolean escaped(int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private Node parseAlternatives() {
        List<Node> options = new ArrayList<>();
        options.add(parseSequence());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            options.add(parseSequence());
        }
        return options.size() == 1 ? options.get(0) : new Alternatives(options);
    }

    private Node parseSequence() {
        List<Node> items = new ArrayList<>();
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Node atom = parseAtom();
            items.add(parseQuantifier(atom));
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private Node parseAtom() {
        int c = regex.codePointAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (regex.startsWith("?", pos)) {
                    throw new Refused(regex.startsWith("?=", pos) || regex.startsWith("?!", pos)
                            || regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos) ? "look-around"
                            : regex.startsWith("?<", pos) ? "named group" : "(? construct");
                }
                Node inner = parseAlternatives();
                expect(')');
                return new Group(inner);
            }
            case '[' -> {
                pos++;
                return parseClass();
            }
            case '.' -> {
                pos++;
                return new CharSet(List.of(new int[] {'\n', '\n'}, new int[] {'\r', '\r'},
                        new int[] {0x85, 0x85}, new int[] {0x2028, 0x2029}), List.of(), true);
            }
            case '^', '$' -> throw new Refused("anchor " + (char) c + " inside the pattern");
            case '*', '+', '?', '{' -> throw new Refused("quantifier without operand");
            case '\\' -> {
                pos++;
                return parseEscape(false);
            }
            default -> {
                pos += Character.charCount(c);
                return literal(c);
            }
        }
    }

    private Node parseQuantifier(Node atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char c = regex.charAt(pos);
        int min;
        int max;
        switch (c) {
            case '*' -> {
                min = 0;
                max = -1;
                pos++;
            }
            case '+' -> {
                min = 1;
                max = -1;
                pos++;
            }
            case '?' -> {
                min = 0;
                max = 1;
                pos++;
            }
            case '{' -> {
                int close = regex.indexOf('}', pos);
                if (close < 0) {
                    throw new Refused("{ without }");
                }
                String bounds = regex.substring(pos + 1, close);
                if (!bounds.matches("[0-9]{1,6}(,[0-9]{0,6})?")) {
                    throw new Refused("quantifier {" + bounds + "}");
                }
                int comma = bounds.indexOf(',');
                min = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
                max = comma < 0 ? min : comma == bounds.length() - 1 ? -1
                        : Integer.parseInt(bounds.substring(comma + 1));
                pos = close + 1;
            }
            default -> {
                return atom;
            }
        }
        if (pos < regex.length() && regex.charAt(pos) == '+') {
            throw new Refused("possessive quantifier");
        }
        if (pos < regex.length() && regex.charAt(pos) == '?') {
            pos++; // lazy: the same values match as a whole
        }
        if (pos < regex.length() && "*+?{".indexOf(regex.charAt(pos)) >= 0) {
            throw new Refused("stacked quantifiers");
        }
        return new Repeat(atom, min, max);
    }

    private Node parseEscape(boolean inClass) {
        if (pos >= regex.length()) {
            throw new Refused("trailing \\");
        }
        char c = regex.charAt(pos++);
        switch (c) {
            case 'd':
                return new CharSet(List.<int[]>of(new int[] {'0', '9'}), List.of(), false);
            case 'D':
                return negatedPredefined(inClass, new int[] {'0', '9'});
            case 'w':
                return new CharSet(List.of(new int[] {'a', 'z'}, new int[] {'A', 'Z'}, new int[] {'0', '9'},
                        new int[] {'_', '_'}), List.of(), false);
            case 'W':
                return negatedPredefined(inClass, new int[] {'a', 'z'}, new int[] {'A', 'Z'}, new int[] {'0', '9'},
                        new int[] {'_', '_'});
            case 's':
                return new CharSet(List.of(new int[] {'\t', '\n'}, new int[] {'\r', '\r'}, new int[] {' ', ' '}),
                        List.of(), false);
            case 'S':
                return negatedPredefined(inClass, new int[] {'\t', '\n'}, new int[] {'\r', '\r'},
                        new int[] {' ', ' '});
            case 'p':
            case 'P':
                return category(c == 'P');
            case 'n':
                return literal('\n');
            case 'r':
                return literal('\r');
            case 't':
                return literal('\t');
            case 'u':
                return literal(hex(4));
            case 'x':
                if (pos < regex.length() && regex.charAt(pos) == '{') {
                    throw new Refused("\\x{...}");
                }
                return literal(hex(2));
            default:
                if (Character.isLetterOrDigit(c)) {
                    throw new Refused("\\" + c);
                }
                return literal(c);
        }
    }

    private CharSet negatedPredefined(boolean inClass, int[]... ranges) {
        if (inClass) {
            throw new Refused("negated shorthand inside a class");
        }
        return new CharSet(List.of(ranges), List.of(), true);
    }

    private CharSet category(boolean negated) {
        int close = regex.indexOf('}', pos);
        if (pos >= regex.length() || regex.charAt(pos) != '{' || close < 0) {
            throw new Refused("\\p without braces");
        }
        String name = regex.substring(pos + 1, close);
        pos = close + 1;
        if (!GENERAL_CATEGORIES.contains(name)) {
            throw new Refused("\\p{" + name + "}");
        }
        return new CharSet(List.of(), List.of((negated ? "^" : "") + name), false);
    }

    private int hex(int digits) {
        if (pos + digits > regex.length()) {
            throw new Refused("short hex escape");
        }
        int value = Integer.parseInt(regex.substring(pos, pos + digits), 16);
        pos += digits;
        return value;
    }

    private CharSet parseClass() {
        boolean negated = false;
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            negated = true;
            pos++;
        }
        if (pos < regex.length() && regex.charAt(pos) == ']') {
            throw new Refused("leading ] in a class");
        }
        List<int[]> ranges = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        while (true) {
            if (pos >= regex.length()) {
                throw new Refused("unclosed class");
            }
            int c = regex.codePointAt(pos);
            if (c == ']') {
                pos++;
                break;
            }
            if (c == '[') {
                throw new Refused("nested class");
            }
            if (c == '&' && regex.startsWith("&&", pos)) {
                throw new Refused("class intersection");
            }
            int from;
            if (c == '\\') {
                pos++;
                CharSet escape = (CharSet) parseEscape(true);
                if (escape.ranges().size() != 1 || escape.ranges().get(0)[0] != escape.ranges().get(0)[1]) {
                    ranges.addAll(escape.ranges());
                    categories.addAll(escape.categories());
                    continue;
                }
                from = escape.ranges().get(0)[0];
            } else {
                pos += Character.charCount(c);
                from = c;
            }
            int to = from;
            if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                pos++;
                int d = regex.codePointAt(pos);
                if (d == '\\') {
                    pos++;
                    CharSet escape = (CharSet) parseEscape(true);
                    if (escape.ranges().size() != 1 || !escape.categories().isEmpty()) {
                        throw new Refused("range to a class");
                    }
                    to = escape.ranges().get(0)[0];
                } else if (d == '[') {
                    throw new Refused("nested class");
                } else {
                    pos += Character.charCount(d);
                    to = d;
                }
            }
            ranges.add(new int[] {from, to});
        }
        return new CharSet(ranges, categories, negated);
    }

    private void expect(char c) {
        if (pos >= regex.length() || regex.charAt(pos) != c) {
            throw new Refused("missing " + c);
        }
        pos++;
    }

    private static CharSet literal(int codePoint) {
        if (!XmlChars.isXmlChar(codePoint)) {
            throw new Refused("character U+" + Integer.toHexString(codePoint) + " not allowed in XML");
        }
        return new CharSet(List.<int[]>of(new int[] {codePoint, codePoint}), List.of(), false);
    }

    // ---- printing

    private static void print(Node node, StringBuilder out) {
        if (node instanceof Alternatives a) {
            for (int i = 0; i < a.options().size(); i++) {
                if (i > 0) {
                    out.append('|');
                }
                print(a.options().get(i), out);
            }
        } else if (node instanceof Sequence s) {
            s.items().forEach(item -> print(item, out));
        } else if (node instanceof Group g) {
            out.append('(');
            print(g.inner(), out);
            out.append(')');
        } else if (node instanceof Repeat r) {
            boolean wrap = r.inner() instanceof Sequence || r.inner() instanceof Alternatives;
            out.append(wrap ? "(" : "");
            print(r.inner(), out);
            out.append(wrap ? ")" : "").append(quantifier(r.min(), r.max()));
        } else if (node instanceof CharSet c) {
            printSet(c, out);
        }
    }

    private static String quantifier(int min, int max) {
        if (min == 0 && max == -1) {
            return "*";
        }
        if (min == 1 && max == -1) {
            return "+";
        }
        if (min == 0 && max == 1) {
            return "?";
        }
        return max == -1 ? "{" + min + ",}" : min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
    }

    private static void printSet(CharSet set, StringBuilder out) {
        boolean single = !set.negated() && set.categories().isEmpty() && set.ranges().size() == 1
                && set.ranges().get(0)[0] == set.ranges().get(0)[1];
        if (single) {
            appendChar(set.ranges().get(0)[0], out);
            return;
        }
        if (!set.negated() && set.ranges().isEmpty() && set.categories().size() == 1) {
            appendCategory(set.categories().get(0), out);
            return;
        }
        out.append('[');
        if (set.negated()) {
            out.append('^');
        }
        for (int[] range : set.ranges()) {
            appendChar(range[0], out);
            if (range[1] != range[0]) {
                out.append('-');
                appendChar(range[1], out);
            }
        }
        set.categories().forEach(category -> appendCategory(category, out));
        out.append(']');
    }

    private static void appendCategory(String category, StringBuilder out) {
        boolean negative = category.startsWith("^");
        out.append(negative ? "\\P{" : "\\p{").append(category, negative ? 1 : 0, category.length()).append('}');
    }

    private static void appendChar(int codePoint, StringBuilder out) {
        switch (codePoint) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (codePoint < 0x80 && XSD_META.indexOf(codePoint) >= 0) {
                    out.append('\\');
                }
                out.appendCodePoint(codePoint);
            }
        }
    }

    /** Thrown inside the parser for a construct that cannot be translated. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String construct) {
            super(construct, null, false, false);
        }
    }
}
