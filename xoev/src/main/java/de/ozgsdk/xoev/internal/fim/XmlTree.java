package de.ozgsdk.xoev.internal.fim;

import java.util.ArrayList;
import java.util.List;

/**
 * An element of form data XML held in memory between reading or building and validating: name, attributes, text,
 * children, where it was found (line and column of the source) and its data path.
 */
public final class XmlTree {

    /** An attribute: namespace ("" for none), local name, value. */
    public record Attribute(String namespace, String localName, String value) {
    }

    private final String namespace;
    private final String localName;
    private final String path;
    private final int line;
    private final int column;
    private final List<Attribute> attributes = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<XmlTree> children = new ArrayList<>();
    private int endLine;
    private int endColumn;

    public XmlTree(String namespace, String localName, String path, int line, int column) {
        this.namespace = namespace;
        this.localName = localName;
        this.path = path;
        this.line = line;
        this.column = column;
        this.endLine = line;
        this.endColumn = column;
    }

    public String namespace() {
        return namespace;
    }

    public String localName() {
        return localName;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int endLine() {
        return endLine;
    }

    public int endColumn() {
        return endColumn;
    }

    public void end(int atLine, int atColumn) {
        this.endLine = atLine;
        this.endColumn = atColumn;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public String text() {
        return text.toString();
    }

    public int textLength() {
        return text.length();
    }

    public void appendText(String more) {
        text.append(more);
    }

    public List<XmlTree> children() {
        return children;
    }

    public XmlTree add(XmlTree child) {
        children.add(child);
        return child;
    }
}
