package de.ozgsdk.postbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML the BundID postbox shows in a message's title and content: only {@code h1}, {@code p}, {@code a}, {@code b}
 * and {@code i}, links only to {@code https} URLs. {@link #sanitise(String)} keeps what is allowed and removes the
 * rest: other tags disappear with their text kept, {@code script}, {@code style} and similar elements disappear with
 * their content, a link to anything but {@code https} loses its tag, every attribute but a link's {@code href} is
 * dropped, comments go, unclosed tags are closed and stray text characters are escaped.
 *
 * <pre>{@code
 * String safe = HtmlWhitelist.sanitise("<p onclick=\"x()\">Ihr <b>Bescheid</b> liegt vor."
 *         + " <a href=\"javascript:alert(1)\">Öffnen</a><script>alert(2)</script>");
 * // <p>Ihr <b>Bescheid</b> liegt vor. Öffnen</p>
 * }</pre>
 */
public final class HtmlWhitelist {

    /** The elements the postbox shows. */
    public static final Set<String> ELEMENTS = Set.of("h1", "p", "a", "b", "i");

    /** Elements whose content is no text for the reader (code, styles, embedded documents): dropped whole. */
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style", "iframe", "object", "embed",
            "template", "textarea", "title", "noscript", "xmp", "svg", "math", "head", "select", "option");
    private static final Pattern TAG_START = Pattern.compile("</?([A-Za-z][A-Za-z0-9-]*)");
    private static final Pattern ENTITY = Pattern.compile(
            "&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});");
    private static final String NOT_A_LINK = "";

    private HtmlWhitelist() {
    }

    /** The allowed part of {@code html} as well-formed HTML (see the class description). */
    public static String sanitise(String html) {
        Objects.requireNonNull(html, "html");
        return new Sanitiser(html).run();
    }

    /** {@code text} as HTML text: {@code & < > "} escaped, line breaks kept. */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(out, text.charAt(i));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    /** Whether {@code href} is an absolute https URL with a host. */
    static boolean isHttpsLink(String href) {
        try {
            URI uri = new URI(href.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** One pass over the input; the stack holds the open allowed elements (a refused link as NOT_A_LINK). */
    private static final class Sanitiser {
        private final String in;
        private final StringBuilder out;
        private final Deque<String> open = new ArrayDeque<>();
        private int pos;

        Sanitiser(String in) {
            this.in = in;
            this.out = new StringBuilder(in.length());
        }

        String run() {
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c == '<') {
                    markup();
                } else if (c == '&') {
                    entity();
                } else {
                    appendEscaped(out, c);
                    pos++;
                }
            }
            while (!open.isEmpty()) {
                close(open.pop());
            }
            return out.toString();
        }

        private void markup() {
            if (in.startsWith("<!--", pos)) {
                int end = in.indexOf("-->", pos + 4);
                pos = end < 0 ? in.length() : end + 3;
                return;
            }
            if (in.startsWith("<!", pos) || in.startsWith("<?", pos)) {
                int end = in.indexOf('>', pos);
                pos = end < 0 ? in.length() : end + 1;
                return;
            }
            Matcher tag = TAG_START.matcher(in).region(pos, in.length());
            if (!tag.lookingAt()) {
                out.append("&lt;");
                pos++;
                return;
            }
            boolean closing = in.charAt(pos + 1) == '/';
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            pos = tag.end();
            String href = attributes();
            if (DROPPED_WITH_CONTENT.contains(name) && !closing) {
                skipElementContent(name);
            } else if (ELEMENTS.contains(name)) {
                if (closing) {
                    closeElement(name);
                } else {
                    openElement(name, href);
                }
            }
        }

        /** Reads the attributes up to and including {@code >}; returns the {@code href} value, or null. */
        private String attributes() {
            String href = null;
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c == '>') {
                    pos++;
                    return href;
                }
                if (Character.isWhitespace(c) || c == '/') {
                    pos++;
                    continue;
                }
                int nameStart = pos;
                while (pos < in.length() && !Character.isWhitespace(in.charAt(pos))
                        && "=>/".indexOf(in.charAt(pos)) < 0) {
                    pos++;
                }
                String attribute = in.substring(nameStart, pos).toLowerCase(Locale.ROOT);
                skipWhitespace();
                String value = "";
                if (pos < in.length() && in.charAt(pos) == '=') {
                    pos++;
                    skipWhitespace();
                    value = attributeValue();
                }
                if (attribute.equals("href")) {
                    href = value;
                }
            }
            return href;
        }

        private String attributeValue() {
            if (pos >= in.length()) {
                return "";
            }
            char quote = in.charAt(pos);
            int start;
            int end;
            if (quote == '"' || quote == '\'') {
                start = pos + 1;
                end = in.indexOf(quote, start);
                end = end < 0 ? in.length() : end;
                pos = Math.min(in.length(), end + 1);
            } else {
                start = pos;
                while (pos < in.length() && !Character.isWhitespace(in.charAt(pos)) && in.charAt(pos) != '>') {
                    pos++;
                }
                end = pos;
            }
            return decodeEntities(in.substring(start, end));
        }

        private void skipWhitespace() {
            while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
                pos++;
            }
        }

        private void skipElementContent(String name) {
            Matcher end = Pattern.compile("</" + name + "\\s*>", Pattern.CASE_INSENSITIVE).matcher(in);
            pos = end.find(pos) ? end.end() : in.length();
        }

        private void openElement(String name, String href) {
            if (name.equals("a")) {
                if (open.contains("a") || href == null || !isHttpsLink(href)) {
                    open.push(NOT_A_LINK);
                    return;
                }
                out.append("<a href=\"").append(escape(href.strip())).append("\">");
            } else {
                out.append('<').append(name).append('>');
            }
            open.push(name);
        }

        private void closeElement(String name) {
            String target = name.equals("a") && !open.contains("a") && open.contains(NOT_A_LINK) ? NOT_A_LINK : name;
            if (!open.contains(target)) {
                return;
            }
            while (!open.isEmpty()) {
                String top = open.pop();
                close(top);
                if (top.equals(target)) {
                    return;
                }
            }
        }

        private void close(String element) {
            if (!element.equals(NOT_A_LINK)) {
                out.append("</").append(element).append('>');
            }
        }

        private void entity() {
            Matcher entity = ENTITY.matcher(in).region(pos, in.length());
            if (entity.lookingAt()) {
                out.append(entity.group());
                pos = entity.end();
            } else {
                out.append("&amp;");
                pos++;
            }
        }

        private static String decodeEntities(String value) {
            return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }
    }
}
