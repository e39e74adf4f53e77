package de.ozgsdk.forms.codelist;

import de.ozgsdk.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable Codeliste in OASIS genericode 1.0 form ({@code <gc:CodeList>}): its identification, columns, the key
 * column that holds the codes, the name column that holds their display names, the rows, and the XÖV annotations.
 *
 * <p>Lookups by code ({@link #contains}, {@link #name}, {@link #row}) take constant time.
 *
 * <p><b>Name column.</b> genericode has no notion of a "name"; XÖV and FIM mark it with a Key whose Id is
 * {@code codenameKey} (or {@code nameKey}), or, in the oldest XÖV annotation generation, with
 * {@code xoev-cl:xoev-codename}. Lists in the newest XRepository format (e.g. {@code KeyKey} marked
 * {@code recommendedKeyColumn}) often declare no name key at all; then the name column is <em>inferred</em>: it is the
 * first column in ColumnSet order that is not the key column and whose data type is a string type ({@code string},
 * {@code normalizedString}, {@code token} or none given). {@link #nameColumnInferred()} tells which case applies, so a
 * caller can warn about it.
 */
public final class CodeList {

    private static final Set<String> STRING_TYPES = Set.of("", "string", "normalizedString", "token");

    private final String shortName;
    private final List<LongName> longNames;
    private final Optional<String> version;
    private final String canonicalUri;
    private final Optional<String> canonicalVersionUri;
    private final Optional<Agency> agency;
    private final List<Column> columns;
    private final String keyColumnId;
    private final Optional<String> nameColumnId;
    private final boolean nameColumnInferred;
    private final XoevMetadata xoevMetadata;
    private final List<Map<String, String>> rows;
    private final Map<String, Integer> rowIndexByCode;
    private final List<String> codes;

    private CodeList(Builder builder, Optional<String> nameColumnId, boolean nameColumnInferred,
            Map<String, Integer> rowIndexByCode, List<String> codes) {
        this.shortName = builder.shortName;
        this.longNames = List.copyOf(builder.longNames);
        this.version = builder.version;
        this.canonicalUri = builder.canonicalUri;
        this.canonicalVersionUri = builder.canonicalVersionUri;
        this.agency = builder.agency;
        this.columns = List.copyOf(builder.columns.values());
        this.keyColumnId = builder.keyColumnId;
        this.nameColumnId = nameColumnId;
        this.nameColumnInferred = nameColumnInferred;
        this.xoevMetadata = builder.xoevMetadata;
        this.rows = Collections.unmodifiableList(new ArrayList<>(builder.rows));
        this.rowIndexByCode = rowIndexByCode;
        this.codes = codes;
    }

    /** A new builder; {@link GenericodeReader} is the usual way to get a code list. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Identification/ShortName}; may be empty (FIM exports often leave it empty). */
    public String shortName() {
        return shortName;
    }

    /** All {@code Identification/LongName} elements in document order. */
    public List<LongName> longNames() {
        return longNames;
    }

    /** The first long name without {@code Identifier} attribute, else the first long name, if any is not blank. */
    public Optional<String> longName() {
        return longNames.stream().filter(n -> n.identifier().isEmpty()).findFirst()
                .or(() -> longNames.stream().findFirst())
                .map(LongName::text)
                .filter(text -> !text.isBlank());
    }

    /** {@code Identification/Version}, whitespace-collapsed; empty when the file gives none. */
    public Optional<String> version() {
        return version;
    }

    /**
     * {@code Identification/CanonicalUri}, whitespace-collapsed: usually a URN such as
     * {@code urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat}, but real FIM files also carry plain names
     * ({@code Halterdaten}) or nothing at all (then this is the empty string).
     */
    public String canonicalUri() {
        return canonicalUri;
    }

    /** {@code Identification/CanonicalVersionUri}, e.g. {@code urn:...:staat_2020-05-11}; empty when not given. */
    public Optional<String> canonicalVersionUri() {
        return canonicalVersionUri;
    }

    /** {@code Identification/Agency}, the publisher, if the file names one. */
    public Optional<Agency> agency() {
        return agency;
    }

    /** The columns in ColumnSet order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column with the given id. */
    public Optional<Column> column(String columnId) {
        return columns.stream().filter(c -> c.id().equals(columnId)).findFirst();
    }

    /** Id of the column that holds the codes. */
    public String keyColumnId() {
        return keyColumnId;
    }

    /** Id of the column that holds the display names; empty when the list has no further string column. */
    public Optional<String> nameColumnId() {
        return nameColumnId;
    }

    /** Whether the name column was inferred (no name key declared) rather than declared; see the class comment. */
    public boolean nameColumnInferred() {
        return nameColumnInferred;
    }

    /** What the XÖV annotations ({@code xoev-cl}) of the file say; empty values when the file has none. */
    public XoevMetadata xoevMetadata() {
        return xoevMetadata;
    }

    /** The codes in document order. */
    public List<String> codes() {
        return codes;
    }

    /** Number of rows (= number of codes). */
    public int size() {
        return rows.size();
    }

    /** Whether the key column holds this code (exact, case-sensitive comparison). */
    public boolean contains(String code) {
        return rowIndexByCode.containsKey(code);
    }

    /** The display name of a code: its value in the name column, if the code exists and the cell is filled. */
    public Optional<String> name(String code) {
        return nameColumnId.flatMap(column -> row(code).map(row -> row.get(column)));
    }

    /** The row of a code as an immutable map column id to value; cells left empty in the file are absent. */
    public Optional<Map<String, String>> row(String code) {
        Integer index = code == null ? null : rowIndexByCode.get(code);
        return index == null ? Optional.empty() : Optional.of(rows.get(index));
    }

    /** All rows in document order, each an immutable map column id to value (empty cells are absent). */
    public List<Map<String, String>> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "CodeList[" + canonicalUri + (version.map(v -> " " + v).orElse("")) + ", " + rows.size() + " codes]";
    }

    /** How a column is to be used ({@code Column/@Use}); genericode's default is optional. */
    public enum Use {
        /** Every row must have a value in this column. */
        REQUIRED,
        /** Rows may leave this column empty. */
        OPTIONAL
    }

    /**
     * A column of the ColumnSet ({@code <Column Id=".." Use="..">}).
     *
     * @param id        the {@code Id} attribute, referenced by keys and values
     * @param shortName {@code ShortName}, may be empty
     * @param longName  the first {@code LongName}, if any
     * @param dataType  {@code Data/@Type}, an XML Schema datatype name such as {@code string}; empty if not given
     * @param use       {@code Use}, optional when not given
     */
    public record Column(String id, String shortName, Optional<String> longName, String dataType, Use use) {
        public Column {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(shortName, "shortName");
            Objects.requireNonNull(longName, "longName");
            Objects.requireNonNull(dataType, "dataType");
            Objects.requireNonNull(use, "use");
        }

        /** Whether the column holds plain text, which makes it a candidate for the inferred name column. */
        public boolean isString() {
            return STRING_TYPES.contains(dataType);
        }
    }

    /**
     * A {@code LongName} of the identification or the agency.
     *
     * @param text       the name
     * @param identifier the {@code Identifier} attribute (which distinguishes several long names), if given
     * @param language   the {@code xml:lang} attribute, if given
     */
    public record LongName(String text, Optional<String> identifier, Optional<String> language) {
        public LongName {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * The publisher of a code list ({@code Identification/Agency}).
     *
     * @param shortName   {@code ShortName}, if given
     * @param longName    the first {@code LongName}, if given
     * @param identifier  the first {@code Identifier}, if given
     */
    public record Agency(Optional<String> shortName, Optional<String> longName, Optional<String> identifier) {
        public Agency {
            Objects.requireNonNull(shortName, "shortName");
            Objects.requireNonNull(longName, "longName");
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /**
     * The XÖV annotations of a code list. The XRepository has used several namespace generations for them
     * ({@code http://www.xoev.de/schemata/xoev-gc-codelist-1_0}, {@code http://xoev.de/schemata/genericode/2}, /3, /4)
     * with German and later English element names; the typed accessors read both spellings.
     *
     * @param namespace              the xoev-cl namespace the file uses, if any
     * @param recommendedKeyColumnId the column of the Key marked {@code recommendedKeyColumn} /
     *                               {@code empfohleneCodeSpalte} / {@code xoev-code}, if any
     * @param values                 every simple annotation element of that namespace under
     *                               {@code CodeList/Annotation}, local name to text (first occurrence wins)
     */
    public record XoevMetadata(Optional<String> namespace, Optional<String> recommendedKeyColumnId,
            Map<String, String> values) {

        /** No XÖV annotations. */
        public static final XoevMetadata NONE = new XoevMetadata(Optional.empty(), Optional.empty(), Map.of());

        public XoevMetadata {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(recommendedKeyColumnId, "recommendedKeyColumnId");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The description of the code list ("Beschreibung"). */
        public Optional<String> description() {
            return first("beschreibung", "beschreibung-codeliste", "beschreibungCodeliste", "codelistDescription");
        }

        /** The identifier ("Kennung") of the code list, usually its canonical URI. */
        public Optional<String> kennung() {
            return first("kennung", "identifier");
        }

        /** The publisher's name ("Herausgebername"), long form preferred. */
        public Optional<String> agencyName() {
            return first("herausgebernameLang", "agencyLongName", "herausgebernameKurz", "agencyShortName");
        }

        /** The date from which this version is valid ("gültig ab"), as written in the file. */
        public Optional<String> validFrom() {
            return first("datumgueltigkeitab", "datumGueltigkeitAb", "gueltigAb", "validFrom");
        }

        /** The description of this version. */
        public Optional<String> versionDescription() {
            return first("beschreibung-version", "versionBeschreibung", "versionDescription");
        }

        /** The changes against the previous version ("Änderungen zur Vorversion"). */
        public Optional<String> changes() {
            return first("aenderungZurVorversion", "changes");
        }

        private Optional<String> first(String... localNames) {
            for (String name : localNames) {
                String value = values.get(name);
                if (value != null && !value.isBlank()) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Builds a {@link CodeList}; collections are frozen on {@link #build()}. Defaults: empty short name, no long
     * names, no version, empty canonical URI, no version URI, no agency, no XÖV metadata, no name column (inferred).
     */
    public static final class Builder {

        private String shortName = "";
        private final List<LongName> longNames = new ArrayList<>();
        private Optional<String> version = Optional.empty();
        private String canonicalUri = "";
        private Optional<String> canonicalVersionUri = Optional.empty();
        private Optional<Agency> agency = Optional.empty();
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private String keyColumnId;
        private String nameColumnId;
        private XoevMetadata xoevMetadata = XoevMetadata.NONE;
        private final List<Map<String, String>> rows = new ArrayList<>();

        private Builder() {
        }

        /** {@code ShortName}; default empty. */
        public Builder shortName(String shortName) {
            this.shortName = Objects.requireNonNull(shortName, "shortName");
            return this;
        }

        /** Adds a {@code LongName}. */
        public Builder addLongName(LongName longName) {
            longNames.add(Objects.requireNonNull(longName, "longName"));
            return this;
        }

        /** {@code Version}; blank means none. Whitespace is collapsed. */
        public Builder version(String version) {
            this.version = Optional.of(collapse(Objects.requireNonNull(version, "version"))).filter(v -> !v.isEmpty());
            return this;
        }

        /** {@code CanonicalUri}; may be empty. Whitespace is collapsed. */
        public Builder canonicalUri(String canonicalUri) {
            this.canonicalUri = collapse(Objects.requireNonNull(canonicalUri, "canonicalUri"));
            return this;
        }

        /** {@code CanonicalVersionUri}; blank means none. Whitespace is collapsed. */
        public Builder canonicalVersionUri(String canonicalVersionUri) {
            this.canonicalVersionUri = Optional.of(collapse(Objects.requireNonNull(canonicalVersionUri,
                    "canonicalVersionUri"))).filter(v -> !v.isEmpty());
            return this;
        }

        /** {@code Agency}; default none. */
        public Builder agency(Agency agency) {
            this.agency = Optional.of(Objects.requireNonNull(agency, "agency"));
            return this;
        }

        /** Adds a column; its id must not be declared yet. */
        public Builder addColumn(Column column) {
            Objects.requireNonNull(column, "column");
            if (columns.putIfAbsent(column.id(), column) != null) {
                throw new InvalidInputException(CodeListError.LIST_DUPLICATE_COLUMN, label(), column.id());
            }
            return this;
        }

        /** Id of the column that holds the codes; required. */
        public Builder keyColumn(String columnId) {
            this.keyColumnId = Objects.requireNonNull(columnId, "columnId");
            return this;
        }

        /** Id of the column that holds the display names; default: inferred (see {@link CodeList}). */
        public Builder nameColumn(String columnId) {
            this.nameColumnId = Objects.requireNonNull(columnId, "columnId");
            return this;
        }

        /** The XÖV annotations; default {@link XoevMetadata#NONE}. */
        public Builder xoevMetadata(XoevMetadata xoevMetadata) {
            this.xoevMetadata = Objects.requireNonNull(xoevMetadata, "xoevMetadata");
            return this;
        }

        /** Adds a row: column id to value; leave out empty cells. Checked on {@link #build()}. */
        public Builder addRow(Map<String, String> row) {
            rows.add(Map.copyOf(Objects.requireNonNull(row, "row")));
            return this;
        }

        /**
         * Checks the list and builds it.
         *
         * @throws InvalidInputException if a column is missing or referenced but not declared, a row lacks a code, or
         *                               a code occurs twice
         */
        public CodeList build() {
            if (columns.isEmpty()) {
                throw new InvalidInputException(CodeListError.LIST_INCOMPLETE, label(), "columns");
            }
            if (keyColumnId == null) {
                throw new InvalidInputException(CodeListError.LIST_INCOMPLETE, label(), "keyColumn");
            }
            requireDeclared(keyColumnId);
            if (nameColumnId != null) {
                requireDeclared(nameColumnId);
            }
            Map<String, Integer> index = new HashMap<>(Math.max(16, rows.size() * 4 / 3 + 1));
            List<String> codes = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                row.keySet().forEach(this::requireDeclared);
                String code = row.get(keyColumnId);
                if (code == null) {
                    throw new InvalidInputException(CodeListError.LIST_MISSING_KEY_VALUE, label(), i + 1, keyColumnId);
                }
                if (index.putIfAbsent(code, i) != null) {
                    throw new InvalidInputException(CodeListError.LIST_DUPLICATE_CODE, label(), code, keyColumnId);
                }
                codes.add(code);
            }
            Optional<String> name = Optional.ofNullable(nameColumnId).or(this::inferNameColumn);
            return new CodeList(this, name, nameColumnId == null && name.isPresent(),
                    Collections.unmodifiableMap(index), Collections.unmodifiableList(codes));
        }

        private Optional<String> inferNameColumn() {
            return columns.values().stream()
                    .filter(c -> !c.id().equals(keyColumnId))
                    .filter(Column::isString)
                    .map(Column::id)
                    .findFirst();
        }

        private void requireDeclared(String columnId) {
            if (!columns.containsKey(columnId)) {
                throw new InvalidInputException(CodeListError.LIST_UNKNOWN_COLUMN, label(), columnId,
                        columns.keySet().stream().collect(Collectors.joining(", ")));
            }
        }

        private String label() {
            return canonicalUri.isEmpty() ? "\"" + shortName + "\"" : canonicalUri;
        }
    }

    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
