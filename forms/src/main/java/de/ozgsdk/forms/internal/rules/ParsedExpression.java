package de.ozgsdk.forms.internal.rules;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/** The syntax tree of an expression together with the 1-based column at which each node was written. */
public final class ParsedExpression {

    private final Node.Condition root;
    private final Map<Node, Integer> columns;

    ParsedExpression(Node.Condition root, IdentityHashMap<Node, Integer> columns) {
        this.root = Objects.requireNonNull(root, "root");
        this.columns = Collections.unmodifiableMap(columns);
    }

    public Node.Condition root() {
        return root;
    }

    /** The column of a node of this tree, or 1 for a node it does not know (e.g. of another tree). */
    public int column(Node node) {
        return columns.getOrDefault(node, 1);
    }
}
