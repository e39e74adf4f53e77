package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.xoev.internal.xml.XmlEscaping;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an {@link XmlTree} as XML text and remembers where each tag starts, so that a schema validator's
 * line/column can be mapped back to the element (its data path and its position in the source).
 */
public final class XmlRendering {

    /** A tag in the rendered text and the element it belongs to. */
    public record Tag(int line, int column, XmlTree element, boolean end) {
    }

    private final StringBuilder out = new StringBuilder();
    private final List<Tag> tags = new ArrayList<>();
    private final boolean pretty;
    private int line = 1;
    private int lineStart;

    private XmlRendering(boolean pretty) {
        this.pretty = pretty;
    }

    /**
     * The text of the tree: pretty (indented, for output) or on one line (to validate what was read: line breaks of
     * values are written as references, so the tags keep their order and the mapping stays exact).
     */
    public static XmlRendering of(XmlTree root, boolean pretty, boolean declaration) {
        XmlRendering rendering = new XmlRendering(pretty);
        if (declaration) {
            rendering.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            rendering.newLine();
        }
        rendering.element(root, "", 0);
        if (pretty) {
            rendering.newLine();
        }
        return rendering;
    }

    public String text() {
        return out.toString();
    }

    /** The element whose tag starts last before the position (1-based), i.e. the one a validator reports on. */
    public Tag tagAt(int atLine, int atColumn) {
        Tag found = tags.get(0);
        for (Tag tag : tags) {
            if (tag.line() < atLine || tag.line() == atLine && tag.column() < atColumn) {
                found = tag;
            } else {
                break;
            }
        }
        return found;
    }

    private void element(XmlTree element, String parentNamespace, int depth) {
        if (pretty && depth > 0) {
            newLine();
            append("  ".repeat(depth));
        }
        tags.add(new Tag(line, column(), element, false));
        append("<").append(element.localName());
        if (!element.namespace().equals(parentNamespace)) {
            append(" xmlns=\"").append(XmlEscaping.escape(element.namespace())).append("\"");
        }
        int prefix = 0;
        for (XmlTree.Attribute attribute : element.attributes()) {
            append(" ");
            if (!attribute.namespace().isEmpty()) {
                String p = "a" + prefix++;
                append("xmlns:").append(p).append("=\"").append(XmlEscaping.escape(attribute.namespace()))
                        .append("\" ").append(p).append(":");
            }
            append(attribute.localName()).append("=\"").append(XmlEscaping.escape(attribute.value())).append("\"");
        }
        if (element.children().isEmpty() && element.textLength() == 0) {
            append("/>");
            return;
        }
        append(">");
        if (element.textLength() > 0 && (!pretty || element.children().isEmpty() || !element.text().isBlank())) {
            append(XmlEscaping.escape(element.text()));
        }
        for (XmlTree child : element.children()) {
            element(child, element.namespace(), depth + 1);
        }
        if (pretty && !element.children().isEmpty()) {
            newLine();
            append("  ".repeat(depth));
        }
        tags.add(new Tag(line, column(), element, true));
        append("</").append(element.localName()).append(">");
    }

    private int column() {
        return out.length() - lineStart + 1;
    }

    private XmlRendering append(String text) {
        out.append(text);
        return this;
    }

    private void newLine() {
        out.append('\n');
        line++;
        lineStart = out.length();
    }
}
