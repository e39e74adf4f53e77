package de.ozgsdk.forms.render;

import de.ozgsdk.core.ProcessingException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer of HTML that escapes every text and attribute value and keeps elements balanced, so that a
 * {@link Theme} cannot produce markup that breaks out of its element, and the output is well-formed
 * (XHTML-compatible: void elements are written {@code <input ... />}).
 *
 * <pre>{@code
 * out.open("label").attr("for", "f-F1").text("Familienname").close("label");
 * out.open("input").attr("type", "text").attr("id", "f-F1").attr("name", "F1").attr("value", value).end();
 * }</pre>
 *
 * <p>Tag and attribute names must be lower-case ASCII names (constants of the theme); values and texts may be
 * anything: {@code & < > " '} are escaped, characters that are not allowed in HTML/XML documents (control characters,
 * lone surrogates, noncharacters) are replaced by U+FFFD. Not thread-safe: one writer per rendering.
 */
public final class HtmlWriter {

    /** Latin-1 characters that stand for themselves (not {@code & < > " '}, CR and the other control characters). */
    private static final boolean[] PLAIN_LATIN1 = plainLatin1();

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    /** A writer with an empty buffer. */
    public HtmlWriter() {
        this(new StringBuilder(8192));
    }

    /** A writer that appends to the given buffer. */
    public HtmlWriter(StringBuilder out) {
        this.out = out;
    }

    /** Starts an element: {@code <tag}; attributes may follow until content or {@link #end()}. */
    public HtmlWriter open(String tag) {
        checkName(tag);
        finishStartTag();
        out.append('<').append(tag);
        open.push(tag);
        inStartTag = true;
        return this;
    }

    /** Adds an attribute with an escaped value to the element just opened. */
    public HtmlWriter attr(String name, String value) {
        checkName(name);
        if (!inStartTag) {
            throw misuse("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, out);
        out.append('"');
        return this;
    }

    /** Adds a boolean attribute ({@code checked}, {@code readonly}) when {@code present} is true. */
    public HtmlWriter attr(String name, boolean present) {
        return present ? attr(name, "") : this;
    }

    /** Adds an attribute when the value is not empty. */
    public HtmlWriter attrIfNotEmpty(String name, String value) {
        return value.isEmpty() ? this : attr(name, value);
    }

    /** Ends the element just opened as a void element ({@code <input ... />}, {@code <br />}). */
    public HtmlWriter end() {
        if (!inStartTag) {
            throw misuse("end() without an open start tag");
        }
        out.append(" />");
        open.pop();
        inStartTag = false;
        return this;
    }

    /** Writes escaped text into the current element. */
    public HtmlWriter text(String text) {
        finishStartTag();
        escape(text, out);
        return this;
    }

    /** Writes a text, wrapped in a {@code span} with {@code lang} (and {@code dir}) when its language differs. */
    public HtmlWriter text(Theme.Text text) {
        if (text.language().isEmpty()) {
            return text(text.value());
        }
        open("span").attr("lang", text.language().get());
        text.direction().ifPresent(d -> attr("dir", d));
        return text(text.value()).close("span");
    }

    /**
     * Writes markup as it is, for trusted constants of the theme only (such as its own style sheet); never pass
     * anything from a schema, a translation file or form data.
     */
    public HtmlWriter trustedMarkup(String markup) {
        finishStartTag();
        out.append(markup);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    public HtmlWriter close(String tag) {
        finishStartTag();
        String top = open.peek();
        if (!tag.equals(top)) {
            throw misuse("close(" + tag + ") while " + (top == null ? "no element" : top) + " is open");
        }
        open.pop();
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes everything another writer produced (which must have closed all its elements). */
    public HtmlWriter append(HtmlWriter other) {
        if (!other.open.isEmpty() || other.inStartTag) {
            throw misuse("appending a writer with open elements " + other.open);
        }
        finishStartTag();
        out.append(other.out);
        return this;
    }

    /** The markup written so far; fails when elements are still open. */
    public String toHtml() {
        if (!open.isEmpty()) {
            throw misuse("elements still open: " + open);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Whether every element opened has been closed (and no start tag is left unfinished). */
    public boolean isComplete() {
        return open.isEmpty() && !inStartTag;
    }

    /** This writer, after checking that all its elements are closed. */
    HtmlWriter complete() {
        if (!isComplete()) {
            throw misuse("elements still open: " + open);
        }
        return this;
    }

    /** The number of characters written. */
    int length() {
        return out.length();
    }

    private void finishStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private static void checkName(String name) {
        if (isKnownName(name)) {
            return;
        }
        if (name.isEmpty() || name.length() > 40) {
            throw misuse("bad name \"" + name + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '-');
            if (!ok) {
                throw misuse("bad name \"" + name + "\"");
            }
        }
    }

    /** The names the standard theme writes: checked once here instead of character by character on every call. */
    private static boolean isKnownName(String name) {
        return switch (name) {
            case "a", "accept", "action", "aria-current", "aria-describedby", "aria-invalid", "aria-label",
                    "aria-labelledby", "aria-required", "autocomplete", "autofocus", "body", "br", "button", "charset",
                    "checked", "class", "content", "dd", "dir", "disabled", "div", "dl", "dt", "enctype", "fieldset",
                    "for", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hidden", "href", "html", "id",
                    "input", "inputmode", "label", "lang", "legend", "li", "link", "main", "maxlength", "meta",
                    "method", "multiple", "name", "nav", "novalidate", "ol", "option", "p", "readonly", "rel", "role",
                    "rows", "select", "selected", "size", "span", "style", "tabindex", "textarea", "title", "type",
                    "ul", "value" -> true;
            default -> false;
        };
    }

    private static boolean[] plainLatin1() {
        boolean[] plain = new boolean[0x100];
        for (char c = 0; c < 0x100; c++) {
            plain[c] = c >= 0x20 && c < 0x7F && "&<>\"'".indexOf(c) < 0 || c == '\n' || c == '\t' || c >= 0xA0;
        }
        return plain;
    }

    private static ProcessingException misuse(String what) {
        return new ProcessingException(RenderError.MARKUP_MISUSE, what);
    }

    /**
     * Escapes for text and double-quoted attribute contexts alike. Most texts need nothing: they are appended whole
     * (one array copy), and a text that needs something is appended in runs between the replacements.
     */
    static void escape(String text, StringBuilder out) {
        int length = text.length();
        int first = firstToReplace(text, 0, length);
        if (first == length) {
            out.append(text);
            return;
        }
        int start = 0;
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (isPlain(c)) {
                continue;
            }
            String replacement = replacement(text, i, c);
            if (replacement != null) {
                out.append(text, start, i).append(replacement);
                start = i + 1;
            } else if (Character.isHighSurrogate(c)) {
                i++; // a valid pair: keep both halves
            }
        }
        out.append(text, start, length);
    }

    /** The index of the first character that {@link #isPlain} does not pass, or {@code end}. */
    private static int firstToReplace(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!isPlain(text.charAt(i))) {
                return i;
            }
        }
        return end;
    }

    /** Whether the character is kept as it is without looking at its neighbours (the common case, decided fast). */
    private static boolean isPlain(char c) {
        return c < 0x100 ? PLAIN_LATIN1[c] : c < 0xD800 || c >= 0xE000 && c < 0xFDD0 || c > 0xFDEF && c < 0xFFFE;
    }

    private static String replacement(String text, int i, char c) {
        if (c >= 0x20 && c < 0x7F) {
            return switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
        }
        if (c == '\n' || c == '\t' || c >= 0xA0 && c < 0xD800 || c >= 0xE000 && c < 0xFDD0
                || c > 0xFDEF && c < 0xFFFE) {
            return null;
        }
        if (c == '\r') {
            return "\n";
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = text.codePointAt(i);
            return (cp & 0xFFFE) == 0xFFFE ? "" : null; // the lone low surrogate that follows becomes U+FFFD
        }
        return "\uFFFD";
    }
}
