package de.ozgsdk.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An imported FIM form schema, version-neutral and immutable: the Stammdatenschema's metadata and its ordered
 * top-level places ({@link #children()}), each holding a {@link Field} or {@link FieldGroup} with its Multiplizität.
 *
 * <p>A Datenfeldgruppe or Datenfeld message becomes a schema whose metadata are those of that element and whose only
 * child is that element with Multiplizität {@code 1:1} ({@link #root()} returns it), so that every consumer sees one
 * shape. Elements used at several places are one shared instance; {@link #fields()} and {@link #groups()} list each
 * once, in depth-first file order.
 *
 * <pre>{@code
 * FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
 * Field street = schema.field("F00000053").orElseThrow();      // found at any depth
 * for (ElementRef child : schema.children()) {
 *     System.out.println(child.element().label().get(Locale.GERMAN) + " " + child.multiplicity());
 * }
 * }</pre>
 */
public final class FormSchema {

    private final ElementMetadata metadata;
    private final XdfVersion xdfVersion;
    private final MessageKind messageKind;
    private final List<ElementRef> children;
    private final List<FormRule> ownRules;
    private final List<ImportWarning> warnings;
    private final List<Field> fields;
    private final List<FieldGroup> groups;
    private final Map<String, SchemaElement> byId;
    private final Map<FimId, SchemaElement> byFimId;
    private final List<CodeListReference> codeListReferences;
    private final List<AttachedRule> rules;

    private FormSchema(Builder b) {
        this.metadata = b.metadata;
        this.xdfVersion = b.xdfVersion;
        this.messageKind = b.messageKind;
        this.children = List.copyOf(b.children);
        this.ownRules = List.copyOf(b.rules);
        this.warnings = List.copyOf(b.warnings);
        Index index = new Index(metadata.id(), ownRules);
        children.forEach(index::visit);
        this.fields = List.copyOf(index.fields);
        this.groups = List.copyOf(index.groups);
        this.byId = Collections.unmodifiableMap(index.byId);
        this.byFimId = Collections.unmodifiableMap(index.byFimId);
        this.codeListReferences = List.copyOf(index.codeLists);
        this.rules = List.copyOf(index.rules);
    }

    /** Starts a schema with the given metadata; children, rules and warnings default to empty. */
    public static Builder builder(ElementMetadata metadata, XdfVersion xdfVersion, MessageKind messageKind) {
        return new Builder(metadata, xdfVersion, messageKind);
    }

    /** A builder seeded with this schema, e.g. to add translated labels. */
    public Builder toBuilder() {
        return new Builder(metadata, xdfVersion, messageKind).children(children).rules(ownRules).warnings(warnings);
    }

    /** The schema's identification, name, labels, status and validity. */
    public ElementMetadata metadata() {
        return metadata;
    }

    /** Shortcut for {@code metadata().id()}. */
    public FimId id() {
        return metadata.id();
    }

    /** The XDatenfelder version of the file. */
    public XdfVersion xdfVersion() {
        return xdfVersion;
    }

    /** Which message the schema came from. */
    public MessageKind messageKind() {
        return messageKind;
    }

    /** The top-level places in file order. */
    public List<ElementRef> children() {
        return children;
    }

    /** For a Datenfeldgruppe or Datenfeld message, that element; empty for a Stammdatenschema. */
    public Optional<SchemaElement> root() {
        return messageKind == MessageKind.STAMMDATENSCHEMA || children.isEmpty()
                ? Optional.empty() : Optional.of(children.get(0).element());
    }

    /** The element with this id (any version; the first in file order if the schema holds several versions). */
    public Optional<SchemaElement> element(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The element with exactly this id and version. */
    public Optional<SchemaElement> element(FimId id) {
        return Optional.ofNullable(byFimId.get(id));
    }

    /** The field with this id, if the element with this id is a field. */
    public Optional<Field> field(String id) {
        return element(id).filter(Field.class::isInstance).map(Field.class::cast);
    }

    /** The group with this id, if the element with this id is a group. */
    public Optional<FieldGroup> group(String id) {
        return element(id).filter(FieldGroup.class::isInstance).map(FieldGroup.class::cast);
    }

    /** Every distinct field, once, in depth-first file order. */
    public List<Field> fields() {
        return fields;
    }

    /** Every distinct group, once, in depth-first file order. */
    public List<FieldGroup> groups() {
        return groups;
    }

    /** Every distinct code list reference of the schema's fields, in file order. */
    public List<CodeListReference> codeListReferences() {
        return codeListReferences;
    }

    /** The rules of the schema itself ({@code <xdf:regel>} of the Stammdatenschema). */
    public List<FormRule> ownRules() {
        return ownRules;
    }

    /** Every rule of the schema, its groups and fields, each with the element it belongs to, in file order. */
    public List<AttachedRule> rules() {
        return rules;
    }

    /** The warnings of the import (empty for a schema built in code). */
    public List<ImportWarning> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "FormSchema " + metadata + " (" + xdfVersion + ", " + fields.size() + " fields, " + groups.size()
                + " groups)";
    }

    /** Collects the distinct elements once, by identity, so shared elements are visited once. */
    private static final class Index {
        private final Set<SchemaElement> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Field> fields = new ArrayList<>();
        private final List<FieldGroup> groups = new ArrayList<>();
        private final Map<String, SchemaElement> byId = new HashMap<>();
        private final Map<FimId, SchemaElement> byFimId = new HashMap<>();
        private final Set<CodeListReference> codeLists = new LinkedHashSet<>();
        private final List<AttachedRule> rules = new ArrayList<>();

        Index(FimId schemaId, List<FormRule> schemaRules) {
            schemaRules.forEach(rule -> rules.add(new AttachedRule(rule, schemaId)));
        }

        void visit(ElementRef ref) {
            SchemaElement element = ref.element();
            if (!seen.add(element)) {
                return;
            }
            byId.putIfAbsent(element.id().id(), element);
            byFimId.putIfAbsent(element.id(), element);
            element.rules().forEach(rule -> rules.add(new AttachedRule(rule, element.id())));
            if (element instanceof Field field) {
                fields.add(field);
                field.codeList().ifPresent(codeLists::add);
            } else if (element instanceof FieldGroup group) {
                groups.add(group);
                group.children().forEach(this::visit);
            }
        }
    }

    /** Builds a {@link FormSchema}. */
    public static final class Builder {
        private final ElementMetadata metadata;
        private final XdfVersion xdfVersion;
        private final MessageKind messageKind;
        private List<ElementRef> children = List.of();
        private List<FormRule> rules = List.of();
        private List<ImportWarning> warnings = List.of();

        private Builder(ElementMetadata metadata, XdfVersion xdfVersion, MessageKind messageKind) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.xdfVersion = Objects.requireNonNull(xdfVersion, "xdfVersion");
            this.messageKind = Objects.requireNonNull(messageKind, "messageKind");
        }

        public Builder children(List<ElementRef> children) {
            this.children = List.copyOf(children);
            return this;
        }

        /** The rules of the schema itself. */
        public Builder rules(List<FormRule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        public Builder warnings(List<ImportWarning> warnings) {
            this.warnings = List.copyOf(warnings);
            return this;
        }

        public FormSchema build() {
            return new FormSchema(this);
        }
    }
}
