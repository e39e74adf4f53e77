package de.ozgsdk.forms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Datenfeldgruppe ({@code <xdf:datenfeldgruppe>}): an ordered list of places ({@link ElementRef}) holding fields and
 * groups with their Multiplizität, plus rules. Immutable; the same instance is shared by every place that uses the
 * group.
 */
public final class FieldGroup implements SchemaElement {

    private final ElementMetadata metadata;
    private final List<ElementRef> children;
    private final List<FormRule> rules;
    private final boolean choice;
    private int hash;

    private FieldGroup(Builder b) {
        this.metadata = b.metadata;
        this.children = List.copyOf(b.children);
        this.rules = List.copyOf(b.rules);
        this.choice = b.choice;
    }

    /** Starts a group with no children, no rules, not a choice group. */
    public static Builder builder(ElementMetadata metadata) {
        return new Builder(metadata);
    }

    /** A builder seeded with this group. */
    public Builder toBuilder() {
        return new Builder(metadata).children(children).rules(rules).choice(choice);
    }

    @Override
    public ElementMetadata metadata() {
        return metadata;
    }

    /** The places of the group's structure in file order: what the form shows, in this order. */
    public List<ElementRef> children() {
        return children;
    }

    /** The child place holding the element with this id, if any. */
    public Optional<ElementRef> child(String id) {
        return children.stream().filter(c -> c.id().id().equals(id)).findFirst();
    }

    @Override
    public List<FormRule> rules() {
        return rules;
    }

    /** Whether this is an Auswahlgruppe (XDatenfelder 3 {@code <xdf:art>} code {@code X}): exactly one child. */
    public boolean isChoice() {
        return choice;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FieldGroup g && choice == g.choice
                && metadata.equals(g.metadata) && children.equals(g.children) && rules.equals(g.rules);
    }

    @Override
    public int hashCode() {
        // lazy: the importer compares elements only when an id recurs, and hashes them rarely
        int h = hash;
        if (h == 0) {
            h = Objects.hash(metadata, children, rules, choice);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "FieldGroup " + metadata + " " + children;
    }

    /** Builds a {@link FieldGroup}. */
    public static final class Builder {
        private final ElementMetadata metadata;
        private List<ElementRef> children = List.of();
        private List<FormRule> rules = List.of();
        private boolean choice;

        private Builder(ElementMetadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
        }

        public Builder children(List<ElementRef> children) {
            this.children = List.copyOf(children);
            return this;
        }

        public Builder rules(List<FormRule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        public Builder choice(boolean choice) {
            this.choice = choice;
            return this;
        }

        public FieldGroup build() {
            return new FieldGroup(this);
        }
    }
}
