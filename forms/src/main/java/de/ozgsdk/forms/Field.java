package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Datenfeld ({@code <xdf:datenfeld>}): one value of a form, with its Feldart, Datentyp, Präzisierung, allowed
 * values (code list reference or inline values) and rules. Immutable; the same instance is shared by every place
 * that uses the field.
 */
public final class Field implements SchemaElement {

    private final ElementMetadata metadata;
    private final FieldKind kind;
    private final DataType dataType;
    private final Precision precision;
    private final Optional<CodeListReference> codeList;
    private final CodeListColumns codeListColumns;
    private final List<InlineValue> values;
    private final Optional<String> content;
    private final Optional<String> prefill;
    private final List<FormRule> rules;
    private int hash;

    private Field(Builder b) {
        this.metadata = b.metadata;
        this.kind = b.kind;
        this.dataType = b.dataType;
        this.precision = b.precision;
        this.codeList = b.codeList;
        this.codeListColumns = b.codeListColumns;
        this.values = List.copyOf(b.values);
        this.content = b.content;
        this.prefill = b.prefill;
        this.rules = List.copyOf(b.rules);
    }

    /** Starts a field; the Präzisierung defaults to none, lists to empty. */
    public static Builder builder(ElementMetadata metadata, FieldKind kind, DataType dataType) {
        return new Builder(metadata, kind, dataType);
    }

    /** A builder seeded with this field. */
    public Builder toBuilder() {
        Builder b = new Builder(metadata, kind, dataType);
        b.precision = precision;
        b.codeList = codeList;
        b.codeListColumns = codeListColumns;
        b.values = values;
        b.content = content;
        b.prefill = prefill;
        b.rules = rules;
        return b;
    }

    @Override
    public ElementMetadata metadata() {
        return metadata;
    }

    /** The Feldart. */
    public FieldKind kind() {
        return kind;
    }

    /** The Datentyp. */
    public DataType dataType() {
        return dataType;
    }

    /** The Präzisierung ({@link Precision#NONE} when the file gives none). */
    public Precision precision() {
        return precision;
    }

    /** The code list whose codes are the allowed values, if any. */
    public Optional<CodeListReference> codeList() {
        return codeList;
    }

    /** Which columns of the code list to use (XDatenfelder 3). */
    public CodeListColumns codeListColumns() {
        return codeListColumns;
    }

    /** The allowed values given inline (XDatenfelder 3 {@code <xdf:werte>}), in file order. */
    public List<InlineValue> values() {
        return values;
    }

    /**
     * {@code <xdf:inhalt>}: the text of a {@code label} field, or the default value of an input field.
     */
    public Optional<String> content() {
        return content;
    }

    /** XDatenfelder 3 {@code <xdf:vorbefuellung>}: {@code keine}, {@code optional} or {@code verpflichtend}. */
    public Optional<String> prefill() {
        return prefill;
    }

    @Override
    public List<FormRule> rules() {
        return rules;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Field f && metadata.equals(f.metadata)
                && kind == f.kind && dataType == f.dataType && precision.equals(f.precision)
                && codeList.equals(f.codeList) && codeListColumns.equals(f.codeListColumns)
                && values.equals(f.values) && content.equals(f.content) && prefill.equals(f.prefill)
                && rules.equals(f.rules);
    }

    @Override
    public int hashCode() {
        // lazy: the importer compares elements only when an id recurs, and hashes them rarely
        int h = hash;
        if (h == 0) {
            h = Objects.hash(metadata, kind, dataType, precision, codeList, codeListColumns, values, content,
                prefill, rules);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "Field " + metadata + " (" + kind.code() + ", " + dataType.code() + ")";
    }

    /** Builds a {@link Field}. */
    public static final class Builder {
        private final ElementMetadata metadata;
        private final FieldKind kind;
        private final DataType dataType;
        private Precision precision = Precision.NONE;
        private Optional<CodeListReference> codeList = Optional.empty();
        private CodeListColumns codeListColumns = CodeListColumns.DEFAULT;
        private List<InlineValue> values = List.of();
        private Optional<String> content = Optional.empty();
        private Optional<String> prefill = Optional.empty();
        private List<FormRule> rules = List.of();

        private Builder(ElementMetadata metadata, FieldKind kind, DataType dataType) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.dataType = Objects.requireNonNull(dataType, "dataType");
        }

        public Builder precision(Precision precision) {
            this.precision = Objects.requireNonNull(precision, "precision");
            return this;
        }

        public Builder codeList(CodeListReference codeList) {
            this.codeList = Optional.of(codeList);
            return this;
        }

        public Builder codeListColumns(CodeListColumns codeListColumns) {
            this.codeListColumns = Objects.requireNonNull(codeListColumns, "codeListColumns");
            return this;
        }

        /** Inline values; their codes must be unique. */
        public Builder values(List<InlineValue> values) {
            List<InlineValue> copy = List.copyOf(values);
            Set<String> codes = new HashSet<>();
            for (InlineValue value : copy) {
                if (!codes.add(value.code())) {
                    throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "wert/code", value.code());
                }
            }
            this.values = copy;
            return this;
        }

        public Builder content(String content) {
            this.content = Optional.of(content);
            return this;
        }

        public Builder prefill(String prefill) {
            this.prefill = Optional.of(prefill);
            return this;
        }

        public Builder rules(List<FormRule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        public Field build() {
            return new Field(this);
        }
    }
}
