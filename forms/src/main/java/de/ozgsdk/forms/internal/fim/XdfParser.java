package de.ozgsdk.forms.internal.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.xml.XmlError;
import de.ozgsdk.forms.CodeListAvailability;
import de.ozgsdk.forms.CodeListColumns;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FimImportException;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.ImportLocation;
import de.ozgsdk.forms.ImportWarning;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.MessageKind;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.ReleaseStatus;
import de.ozgsdk.forms.RuleType;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.XdfVersion;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams one XDatenfelder 2 or 3 message into a {@link FormSchema}. One instance per import; not thread-safe.
 *
 * <p>Elements are recognised by local name in the message's namespace, so the two versions share one parser; what
 * only one version has (XDF3 {@code werte}, {@code freitextRegel}, attribute Präzisierung) is read where it occurs.
 * Elements the model does not carry (header, Stichwort, Relation, ...) are skipped. Elements reused in several places
 * are parsed at each place (streaming) and then replaced by the first, equal instance, so they end up shared.
 */
public final class XdfParser {

    /** Importer settings. */
    public record Options(boolean lenient, CodeListAvailability codeLists, int maxDepth, int maxElements) {
    }

    private static final Set<String> MESSAGE_CONTENT = Set.of("stammdatenschema", "datenfeldgruppe", "datenfeld");
    /** The codes of urn:xoev-de:xprozess:codeliste:status (2020-03-19 and 2022-07-12), the XDF3 Freigabestatus. */
    private static final Set<String> FREIGABESTATUS = Set.of("1", "2", "3", "4", "5", "6", "7", "8");

    private final XdfReader in;
    private final Options options;
    private final String source;
    private final Map<WarningKey, ImportWarning> warnings = new LinkedHashMap<>();
    private final Map<FimId, Defined> defined = new HashMap<>();
    private final Map<CodeListReference, Boolean> available = new HashMap<>();
    private final Map<String, LocalizedText> texts = new HashMap<>();
    private final Map<String, Optional<Map<String, String>>> precisions = new HashMap<>();
    private XdfVersion version;
    private String namespace;
    private String seenXdfNamespace;
    private int elementCount;

    private record Defined(SchemaElement element, int line) {
    }

    private record WarningKey(FimError code, Optional<FimId> id, List<String> details) {
    }

    public XdfParser(XMLStreamReader reader, String source, Options options) {
        this.in = new XdfReader(reader, source, options.maxDepth());
        this.options = options;
        this.source = source;
    }

    /**
     * Turns a refusal of core's hardened XML reader into a {@link FimImportException} at the given position, keeping
     * the original as cause.
     */
    public static FimImportException translate(InvalidInputException e, ImportLocation location) {
        if (e.code() == XmlError.DTD_NOT_ALLOWED || e.code() == XmlError.EXTERNAL_REFERENCE_NOT_ALLOWED) {
            return new FimImportException(FimError.XML_DTD_FORBIDDEN, location, e);
        }
        if (e.code() == XmlError.TEXT_TOO_LONG || e.code() == XmlError.TOO_MANY_CHARACTERS) {
            String limit = e.code() == XmlError.TEXT_TOO_LONG ? "maxTextLength" : "maxTotalCharacters";
            return new FimImportException(FimError.LIMIT_EXCEEDED, location, e, "SecureXml." + limit,
                    e.arguments().get(3));
        }
        if (e.code() == XmlError.DOCUMENT_TOO_LARGE) {
            return new FimImportException(FimError.LIMIT_EXCEEDED, location, e, "SecureXml.maxDocumentBytes",
                    e.arguments().get(1));
        }
        if (e.code() == XmlError.LIMIT_EXCEEDED) {
            return new FimImportException(FimError.LIMIT_EXCEEDED, location, e, e.code().code(), "SecureXml");
        }
        return new FimImportException(FimError.XML_MALFORMED, location, e, e);
    }

    /** Reads the whole message. */
    public FormSchema parse() {
        in.openRoot();
        String rootName = in.name();
        String rootNamespace = in.namespace();
        version = XdfVersion.ofNamespace(rootNamespace).orElseThrow(() -> in.error(FimError.UNKNOWN_NAMESPACE,
                null, rootName, rootNamespace.isEmpty() ? "-" : rootNamespace));
        namespace = version.namespace();
        in.checkConformance(version, this::deviation);
        ImportLocation rootLocation = in.location();
        SchemaDraft schema = MESSAGE_CONTENT.contains(rootName) ? content(null) : messageContent();
        if (schema == null) {
            throw new FimImportException(FimError.UNSUPPORTED_MESSAGE, rootLocation, null, rootName);
        }
        return FormSchema.builder(schema.metadata, version, schema.kind)
                .children(schema.children)
                .rules(schema.rules)
                .warnings(List.copyOf(warnings.values()))
                .build();
    }

    private SchemaDraft messageContent() {
        SchemaDraft schema = null;
        while (in.nextChild()) {
            if (isXdf() && MESSAGE_CONTENT.contains(in.name())) {
                schema = content(schema);
            } else {
                in.skip();
            }
        }
        return schema;
    }

    private SchemaDraft content(SchemaDraft earlier) {
        if (earlier != null) {
            // the XSD check has reported the second one
            in.skip();
            return earlier;
        }
        switch (in.name()) {
            case "stammdatenschema":
                return stammdatenschema();
            case "datenfeldgruppe": {
                SchemaElement group = group();
                return SchemaDraft.of(group, MessageKind.DATENFELDGRUPPE);
            }
            default: {
                SchemaElement field = field();
                return SchemaDraft.of(field, MessageKind.DATENFELD);
            }
        }
    }

    // ---- elements --------------------------------------------------------------------------------------------------

    private SchemaDraft stammdatenschema() {
        Draft draft = new Draft(in.line());
        List<ElementRef> children = new ArrayList<>();
        List<FormRule> rules = new ArrayList<>();
        while (in.nextChild()) {
            if (!isXdf()) {
                in.skip();
                continue;
            }
            switch (in.name()) {
                case "bezeichnung" -> draft.inputLabel = read().flatMap(this::localized);
                case "hilfetext" -> draft.inputHelp = read().flatMap(this::localized);
                case "regel" -> rules.add(rule());
                case "struktur" -> children.add(structure());
                default -> common(draft);
            }
        }
        SchemaDraft schema = new SchemaDraft();
        schema.metadata = metadata(draft, "stammdatenschema");
        schema.kind = MessageKind.STAMMDATENSCHEMA;
        schema.children = children;
        schema.rules = rules;
        return schema;
    }

    private SchemaElement group() {
        countElement();
        Draft draft = new Draft(in.line());
        List<ElementRef> children = new ArrayList<>();
        List<FormRule> rules = new ArrayList<>();
        boolean choice = false;
        while (in.nextChild()) {
            if (!isXdf()) {
                in.skip();
                continue;
            }
            switch (in.name()) {
                case "art" -> choice = read().isPresent() && "X".equals(code().orElse(""));
                case "regel" -> rules.add(rule());
                case "struktur" -> children.add(structure());
                default -> common(draft);
            }
        }
        ElementMetadata metadata = metadata(draft, "datenfeldgruppe");
        if (children.isEmpty()) {
            // XDatenfelder 2 allows it (the XSD check reports it for 3); the model treats it as not fillable
            warn(FimError.GROUP_WITHOUT_CHILDREN, in.closedLocation(Optional.of(metadata.id())));
        }
        FieldGroup group = FieldGroup.builder(metadata).children(children).rules(rules).choice(choice).build();
        return register(group, draft.line);
    }

    private SchemaElement field() {
        countElement();
        FieldDraft draft = new FieldDraft(in.line());
        while (in.nextChild()) {
            if (!isXdf()) {
                in.skip();
                continue;
            }
            fieldChild(draft);
        }
        ElementMetadata metadata = metadata(draft, "datenfeld");
        // computed only when needed: building a path for every field would cost more than the rest of the field
        Supplier<ImportLocation> here = () -> in.closedLocation(Optional.of(metadata.id()));
        // a missing feldart or datentyp is reported by the XSD check; lenient mode goes on with a text input
        FieldKind kind = draft.kind.orElse(FieldKind.INPUT);
        DataType dataType = draft.dataType.orElse(DataType.TEXT);
        Field.Builder field = Field.builder(metadata, kind, dataType)
                .precision(draft.precision)
                .codeListColumns(new CodeListColumns(draft.codeKey, draft.nameKey, draft.helpKey))
                .values(draft.values)
                .rules(draft.rules);
        draft.content.ifPresent(field::content);
        draft.prefill.ifPresent(field::prefill);
        draft.codeList.ifPresent(reference -> {
            field.codeList(reference);
            checkAvailable(reference, here);
        });
        if (kind == FieldKind.SELECT && draft.codeList.isEmpty() && draft.values.isEmpty()) {
            warn(FimError.SELECT_WITHOUT_VALUES, here.get());
        }
        return register(field.build(), draft.line);
    }

    private void fieldChild(FieldDraft draft) {
        switch (in.name()) {
            case "feldart" -> draft.kind = read().isPresent() ? fieldKind() : draft.kind;
            case "datentyp" -> draft.dataType = read().isPresent() ? dataType() : draft.dataType;
            case "praezisierung" -> {
                if (read().isPresent()) {
                    draft.precision = precision(draft.precision);
                }
            }
            case "inhalt" -> draft.content = read().filter(s -> !s.isEmpty());
            case "vorbefuellung" -> draft.prefill = read().isPresent() ? code() : draft.prefill;
            case "werte" -> draft.values = read().isPresent() ? values() : draft.values;
            case "codelisteReferenz" -> draft.codeList = read().isPresent() ? codeListReference()
                    : draft.codeList;
            case "codeKey" -> draft.codeKey = read().filter(s -> !s.isEmpty());
            case "nameKey" -> draft.nameKey = read().filter(s -> !s.isEmpty());
            case "helpKey" -> draft.helpKey = read().filter(s -> !s.isEmpty());
            case "regel" -> draft.rules.add(rule());
            case "maxSize" -> read().ifPresent(text -> draft.precision = maxSize(draft.precision, text));
            case "mediaType" -> {
                String mediaType = in.text();
                if (!mediaType.isEmpty()) {
                    List<String> types = new ArrayList<>(draft.precision.mediaTypes());
                    types.add(mediaType);
                    draft.precision = draft.precision.toBuilder().mediaTypes(types).build();
                }
            }
            default -> common(draft);
        }
    }

    private ElementRef structure() {
        Optional<Multiplicity> multiplicity = Optional.empty();
        SchemaElement element = null;
        while (in.nextChild()) {
            if (!isXdf()) {
                in.skip();
            } else if ("anzahl".equals(in.name())) {
                multiplicity = Optional.of(multiplicity(in.text()));
            } else if ("enthaelt".equals(in.name())) {
                if (element != null) {
                    // the XSD check has reported the second one
                    in.skip();
                } else {
                    element = contained();
                }
            } else {
                in.skip();
            }
        }
        if (element == null) {
            throw new FimImportException(FimError.MISSING_ELEMENT, in.closedLocation(), null, "enthaelt");
        }
        // a missing anzahl is reported by the XSD check
        return new ElementRef(element, multiplicity.orElse(Multiplicity.EXACTLY_ONE));
    }

    private SchemaElement contained() {
        SchemaElement element = null;
        while (in.nextChild()) {
            boolean known = isXdf() && ("datenfeld".equals(in.name()) || "datenfeldgruppe".equals(in.name()));
            if (known && element != null) {
                // the XSD check has reported the second one
                in.skip();
            } else if (known) {
                element = "datenfeld".equals(in.name()) ? field() : group();
            } else {
                in.skip();
            }
        }
        if (element == null) {
            throw new FimImportException(FimError.MISSING_ELEMENT, in.closedLocation(), null,
                    "datenfeld/datenfeldgruppe");
        }
        return element;
    }

    private FormRule rule() {
        Draft draft = new Draft(in.line());
        Optional<String> freeText = Optional.empty();
        Optional<RuleType> type = Optional.empty();
        Optional<String> script = Optional.empty();
        while (in.nextChild()) {
            if (!isXdf()) {
                in.skip();
                continue;
            }
            switch (in.name()) {
                case "freitextRegel" -> freeText = read().filter(s -> !s.isEmpty());
                case "typ" -> type = read().isPresent() ? ruleType() : type;
                case "script", "skript" -> script = read().filter(s -> !s.isEmpty());
                default -> common(draft);
            }
        }
        ElementMetadata metadata = metadata(draft, "regel");
        return new FormRule(metadata.id(), metadata.name(), metadata.description(),
                freeText.or(metadata::definition), type, script, metadata.status());
    }

    // ---- common parts ----------------------------------------------------------------------------------------------

    private void common(Draft draft) {
        switch (in.name()) {
            case "identifikation" -> {
                if (read().isPresent()) {
                    draft.id = identification();
                    draft.id.ifPresent(in::identify);
                }
            }
            case "name" -> draft.name = read().filter(s -> !s.isEmpty());
            case "bezeichnungEingabe" -> draft.inputLabel = read().flatMap(this::localized);
            case "bezeichnungAusgabe" -> draft.outputLabel = read().flatMap(this::localized);
            case "hilfetextEingabe" -> draft.inputHelp = read().flatMap(this::localized);
            case "hilfetextAusgabe" -> draft.outputHelp = read().flatMap(this::localized);
            case "beschreibung" -> draft.description = read().filter(s -> !s.isEmpty());
            case "definition" -> draft.definition = read().filter(s -> !s.isEmpty());
            case "bezug" -> {
                String text = in.text();
                if (!text.isEmpty()) {
                    draft.legalBasis.add(text);
                }
            }
            case "status", "freigabestatus" -> draft.status = read().isPresent() ? status() : draft.status;
            case "gueltigAb" -> draft.validFrom = read().flatMap(this::date);
            case "gueltigBis" -> draft.validUntil = read().flatMap(this::date);
            default -> in.skip();
        }
    }

    /**
     * For the simple elements that call it as a value, reads the current child's text. For complex elements the
     * caller reads the element itself: the returned Optional then only says "go on" (present) and carries an empty
     * string. A repeated single element is the XSD check's finding; the last one wins.
     */
    private Optional<String> read() {
        return isComplex(in.name()) ? Optional.of("") : Optional.of(in.text());
    }

    private static boolean isComplex(String name) {
        return switch (name) {
            case "identifikation", "feldart", "datentyp", "praezisierung", "vorbefuellung", "werte",
                    "codelisteReferenz", "status", "freigabestatus", "typ", "art" -> true;
            default -> false;
        };
    }

    private ElementMetadata metadata(Draft draft, String element) {
        FimId id = draft.id.orElseThrow(() -> new FimImportException(FimError.MISSING_ID, in.closedLocation(),
                null));
        String name = draft.name.orElseGet(() -> {
            problem(FimError.MISSING_NAME, in.closedLocation(Optional.of(id)), element);
            return id.id();
        });
        ElementMetadata.Builder metadata = ElementMetadata.builder(id, name);
        if (!draft.legalBasis.isEmpty()) {
            metadata.legalBasis(draft.legalBasis);
        }
        draft.inputLabel.ifPresent(metadata::inputLabel);
        draft.outputLabel.ifPresent(metadata::outputLabel);
        draft.inputHelp.ifPresent(metadata::inputHelp);
        draft.outputHelp.ifPresent(metadata::outputHelp);
        draft.description.ifPresent(metadata::description);
        draft.definition.ifPresent(metadata::definition);
        draft.status.ifPresent(metadata::status);
        draft.validFrom.ifPresent(metadata::validFrom);
        draft.validUntil.ifPresent(metadata::validUntil);
        return metadata.build();
    }

    private Optional<FimId> identification() {
        String id = "";
        Optional<String> idVersion = Optional.empty();
        while (in.nextChild()) {
            if (isXdf() && "id".equals(in.name())) {
                id = in.text();
            } else if (isXdf() && "version".equals(in.name())) {
                idVersion = Optional.of(in.text()).filter(s -> !s.isEmpty());
            } else {
                in.skip();
            }
        }
        if (id.isEmpty()) {
            throw new FimImportException(FimError.MISSING_ID, in.closedLocation(), null);
        }
        FimId fimId = new FimId(id, idVersion);
        if (!fimId.hasStandardShape(version)) {
            warn(FimError.ID_SHAPE, in.closedLocation(Optional.of(fimId)), idExample(id));
        }
        if (idVersion.isEmpty()) {
            warn(FimError.VERSION_MISSING, in.closedLocation(Optional.of(fimId)));
        }
        return Optional.of(fimId);
    }

    /** An id of the standard's shape with the element's own prefix (S, G, F, R, C...), e.g. G12345678 / 1.0. */
    private String idExample(String id) {
        char first = id.isEmpty() ? 'F' : Character.toUpperCase(id.charAt(0));
        char prefix = first >= 'A' && first <= 'Z' ? first : 'F';
        return version == XdfVersion.XDF2 ? prefix + "12345678 / 1.0" : prefix + "12345678901 / 1.0.0";
    }

    /** Reads an XÖV code element ({@code <xdf:feldart listURI=".."><code>select</code></xdf:feldart>}). */
    private Optional<String> code() {
        String code = "";
        while (in.nextChild()) {
            if ("code".equals(in.name())) {
                code = in.text();
            } else {
                in.skip();
            }
        }
        return Optional.of(code).filter(s -> !s.isEmpty());
    }

    private Optional<ReleaseStatus> status() {
        Optional<String> listUri = in.attribute("listURI");
        Optional<String> listVersion = in.attribute("listVersionID");
        boolean freigabestatus = "freigabestatus".equals(in.name());
        Optional<String> code = code();
        if (freigabestatus && code.isPresent() && !FREIGABESTATUS.contains(code.get())) {
            // the XSD types the code as any token (an external code list): not an XSD deviation, so only a warning
            warn(FimError.RELEASE_STATUS_UNKNOWN, in.closedLocation(), code.get());
        }
        return code.map(value -> new ReleaseStatus(value, listUri, listVersion));
    }

    private Optional<FieldKind> fieldKind() {
        Optional<String> code = code();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        FieldKind kind = FieldKind.ofCode(code.get()).orElseThrow(() ->
                new FimImportException(FimError.UNKNOWN_FIELD_KIND, in.closedLocation(), null, code.get()));
        if (!kind.isDefinedIn(version)) {
            // the XSD check refuses it in strict mode; this says which version has it
            warn(FimError.CODE_NOT_IN_VERSION, in.closedLocation(), "Feldart", code.get());
        }
        return Optional.of(kind);
    }

    private Optional<DataType> dataType() {
        Optional<String> code = code();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        DataType type = DataType.ofCode(code.get()).orElseThrow(() ->
                new FimImportException(FimError.UNKNOWN_DATA_TYPE, in.closedLocation(), null, code.get()));
        if (!type.isDefinedIn(version)) {
            warn(FimError.CODE_NOT_IN_VERSION, in.closedLocation(), "Datentyp", code.get());
        }
        return Optional.of(type);
    }

    private Optional<RuleType> ruleType() {
        Optional<String> code = code();
        Optional<RuleType> type = code.flatMap(RuleType::ofCode);
        if (code.isPresent() && type.isEmpty()) {
            problem(FimError.UNKNOWN_RULE_TYPE, in.closedLocation(), code.get());
        }
        return type;
    }

    private Multiplicity multiplicity(String text) {
        try {
            return Multiplicity.parse(asciiDigits(text));
        } catch (InvalidInputException e) {
            throw new FimImportException(FimError.MULTIPLICITY_INVALID, in.closedLocation(), e, text);
        }
    }

    /** The XSD pattern of {@code anzahl} ({@code \\d}) admits every Unicode decimal digit, e.g. {@code ١:٢}. */
    private static String asciiDigits(String text) {
        StringBuilder ascii = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F && Character.isDigit(c)) {
                if (ascii == null) {
                    ascii = new StringBuilder(text);
                }
                ascii.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return ascii == null ? text : ascii.toString();
    }

    private Optional<LocalDate> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            // xs:date allows a time zone: 2024-01-31+01:00
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_DATE));
        } catch (DateTimeParseException e) {
            // an error by the XSD check in strict mode; only years beyond 9999 reach here in an XSD-valid file
            warn(FimError.DATE_INVALID, in.closedLocation(), in.closedLocation().path(), text);
            return Optional.empty();
        }
    }

    private List<InlineValue> values() {
        Map<String, InlineValue> values = new LinkedHashMap<>();
        while (in.nextChild()) {
            if (isXdf() && "wert".equals(in.name())) {
                InlineValue value = value();
                if (values.putIfAbsent(value.code(), value) != null) {
                    // XSD-valid, but a second wert with the same code can never be chosen
                    warn(FimError.ELEMENT_REPEATED, in.closedLocation(), "wert/code " + value.code());
                }
            } else {
                in.skip();
            }
        }
        return List.copyOf(values.values());
    }

    private InlineValue value() {
        String code = "";
        String name = "";
        Optional<String> help = Optional.empty();
        while (in.nextChild()) {
            switch (isXdf() ? in.name() : "") {
                case "code" -> code = in.text();
                case "name" -> name = in.text();
                case "hilfe" -> help = Optional.of(in.text()).filter(s -> !s.isEmpty());
                default -> in.skip();
            }
        }
        if (code.isEmpty()) {
            throw new FimImportException(FimError.MISSING_ELEMENT, in.closedLocation(), null, "wert/code");
        }
        return new InlineValue(code, name.isEmpty() ? code : name, help);
    }

    /** XDF2 nests the genericode parts in {@code genericodeIdentification}; XDF3 has them directly. */
    private Optional<CodeListReference> codeListReference() {
        CodeListParts parts = new CodeListParts();
        codeListParts(parts);
        CodeListReference reference = new CodeListReference(parts.canonicalUri, parts.version,
                parts.canonicalVersionUri, parts.fimId);
        return reference.isEmpty() ? Optional.empty() : Optional.of(reference);
    }

    private void codeListParts(CodeListParts parts) {
        while (in.nextChild()) {
            switch (isXdf() ? in.name() : "") {
                case "genericodeIdentification" -> codeListParts(parts);
                case "identifikation" -> parts.fimId = codeListId();
                case "canonicalIdentification" -> parts.canonicalUri = in.text();
                case "version" -> parts.version = Optional.of(in.text()).filter(s -> !s.isEmpty());
                case "canonicalVersionUri" -> parts.canonicalVersionUri = Optional.of(in.text())
                        .filter(s -> !s.isEmpty());
                default -> in.skip();
            }
        }
    }

    private Optional<String> codeListId() {
        Optional<String> id = Optional.empty();
        while (in.nextChild()) {
            if (isXdf() && "id".equals(in.name())) {
                id = Optional.of(in.text()).filter(s -> !s.isEmpty());
            } else {
                in.skip();
            }
        }
        return id;
    }

    private void checkAvailable(CodeListReference reference, Supplier<ImportLocation> here) {
        boolean isAvailable = available.computeIfAbsent(reference, options.codeLists()::isAvailable);
        if (!isAvailable) {
            problem(FimError.CODE_LIST_MISSING, here.get(), reference.toString());
        }
    }

    // ---- Präzisierung ----------------------------------------------------------------------------------------------

    private Precision precision(Precision sofar) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : List.of("minLength", "maxLength", "minValue", "maxValue", "pattern")) {
            in.attribute(name).ifPresent(value -> attributes.put(name, value));
        }
        String text = in.text();
        Supplier<ImportLocation> here = in::closedLocation;
        Precision.Builder precision = sofar.toBuilder();
        if (!text.isEmpty()) {
            precision.text(text);
        }
        if (!attributes.isEmpty() || version == XdfVersion.XDF3) {
            // XDF3: the attributes are the Präzisierung; the text content is commentary
            apply(attributes, precision, here);
        } else if (!text.isEmpty()) {
            xdf2Precision(text, precision, here);
        }
        Precision result = precision.build();
        checkConsistent(result, here);
        return result;
    }

    private void xdf2Precision(String text, Precision.Builder precision, Supplier<ImportLocation> here) {
        // fields repeat their Präzisierung: each text is parsed once per import
        Optional<Map<String, String>> json = precisions.computeIfAbsent(text, JsonishObject::parse);
        if (json.isPresent()) {
            // XDF2 declares the Präzisierung a plain string, so nothing in it can break the XSD: only warn
            apply(json.get(), precision, here);
            return;
        }
        int dots = text.indexOf("..");
        if (dots > 0 && text.indexOf("..", dots + 2) < 0) {
            String min = text.substring(0, dots).strip();
            String max = text.substring(dots + 2).strip();
            if (!min.isEmpty() && !max.isEmpty()) {
                precision.minValue(min).maxValue(max);
                warn(FimError.PRECISION_RANGE_INTERPRETED, here.get(), text, min, max);
                return;
            }
        }
        warn(FimError.PRECISION_UNREADABLE, here.get(), text);
    }

    private void apply(Map<String, String> entries, Precision.Builder precision, Supplier<ImportLocation> here) {
        entries.forEach((key, value) -> {
            switch (key) {
                case "minLength" -> length(value, here).ifPresent(precision::minLength);
                case "maxLength" -> length(value, here).ifPresent(precision::maxLength);
                case "minValue" -> precision.minValue(value.strip());
                case "maxValue" -> precision.maxValue(value.strip());
                case "pattern" -> {
                    precision.pattern(value);
                    if (!Precision.isRegex(value)) {
                        warn(FimError.PATTERN_NOT_REGEX, here.get(), value);
                    }
                }
                default -> warn(FimError.PRECISION_KEY_UNKNOWN, here.get(), key);
            }
        });
    }

    /**
     * A length of the Präzisierung; what is not a number up to 9 digits is only a warning: in XDatenfelder 3 the XSD
     * check has refused a non-number in strict mode, in XDatenfelder 2 the Präzisierung is free text.
     */
    private Optional<Integer> length(String value, Supplier<ImportLocation> here) {
        String digits = value.strip();
        if (!digits.isEmpty() && digits.length() <= 9 && isDigits(digits)) {
            return Optional.of(Integer.parseInt(digits));
        }
        warn(FimError.PRECISION_INVALID, here.get(), value, "not a non-negative integer");
        return Optional.empty();
    }

    private Precision maxSize(Precision sofar, String text) {
        String digits = text.strip();
        if (!digits.isEmpty() && digits.length() <= 18 && isDigits(digits)) {
            return sofar.toBuilder().maxSize(Long.parseLong(digits)).build();
        }
        warn(FimError.PRECISION_INVALID, in.closedLocation(), text, "maxSize is not a positive integer");
        return sofar;
    }

    private void checkConsistent(Precision precision, Supplier<ImportLocation> here) {
        if (precision.minLength().isPresent() && precision.maxLength().isPresent()
                && precision.minLength().getAsInt() > precision.maxLength().getAsInt()) {
            warn(FimError.PRECISION_CONTRADICTORY, here.get(),
                    "minLength " + precision.minLength().getAsInt() + " > maxLength " + precision.maxLength()
                            .getAsInt());
        }
        if (precision.minNumber().isPresent() && precision.maxNumber().isPresent()
                && precision.minNumber().get().compareTo(precision.maxNumber().get()) > 0) {
            warn(FimError.PRECISION_CONTRADICTORY, here.get(),
                    "minValue " + precision.minValue().orElse("") + " > maxValue " + precision.maxValue().orElse(""));
        }
    }

    // ---- reuse, limits, problems -----------------------------------------------------------------------------------

    private SchemaElement register(SchemaElement element, int line) {
        Defined earlier = defined.putIfAbsent(element.id(), new Defined(element, line));
        if (earlier == null || earlier.element.equals(element)) {
            return earlier == null ? element : earlier.element;
        }
        // XSD-valid, so strict mode accepts it too: the first definition is used everywhere
        warn(FimError.DUPLICATE_ID, in.closedLocation(Optional.of(element.id())), earlier.line);
        return earlier.element;
    }

    private void countElement() {
        if (++elementCount > options.maxElements()) {
            throw in.error(FimError.LIMIT_EXCEEDED, null, "maxElements", options.maxElements());
        }
    }

    private boolean isXdf() {
        String elementNamespace = in.namespace();
        // the parser hands out the same string instance for a namespace: compared by content only once
        if (elementNamespace == seenXdfNamespace) {
            return true;
        }
        if (namespace.equals(elementNamespace)) {
            seenXdfNamespace = elementNamespace;
            return true;
        }
        return false;
    }

    /** A finding of the XSD check: an error in strict mode, a warning in lenient mode. */
    private void deviation(XdfConformance.Deviation deviation, String element, ImportLocation location) {
        if (deviation.code() == FimError.XSD_VALUE_INVALID) {
            problem(deviation.code(), location, element, deviation.rule(), deviation.value());
        } else {
            String expected = deviation.expected().isEmpty() ? "-" : String.join(", ", deviation.expected());
            problem(deviation.code(), location, element, expected, deviation.rule());
        }
    }

    /** An error in strict mode, a warning in lenient mode. */
    private void problem(FimError code, ImportLocation location, Object... details) {
        if (!options.lenient()) {
            throw new FimImportException(code, location, null, details);
        }
        warn(code, location, details);
    }

    private void warn(FimError code, ImportLocation location, Object... details) {
        List<String> texts = new ArrayList<>(details.length);
        for (Object detail : details) {
            texts.add(String.valueOf(detail));
        }
        // a reused element is parsed at each place: report each finding once
        warnings.putIfAbsent(new WarningKey(code, location.elementId(), texts),
                new ImportWarning(code, location, texts));
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Reused elements repeat their texts: one instance per text makes their comparison an identity check. */
    private Optional<LocalizedText> localized(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(texts.computeIfAbsent(text, LocalizedText::of));
    }

    // ---- drafts ----------------------------------------------------------------------------------------------------

    /** The common parts of an element while it is being read. */
    private static class Draft {
        final int line;
        final List<String> legalBasis = new ArrayList<>();
        Optional<FimId> id = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<LocalizedText> inputLabel = Optional.empty();
        Optional<LocalizedText> outputLabel = Optional.empty();
        Optional<LocalizedText> inputHelp = Optional.empty();
        Optional<LocalizedText> outputHelp = Optional.empty();
        Optional<String> description = Optional.empty();
        Optional<String> definition = Optional.empty();
        Optional<ReleaseStatus> status = Optional.empty();
        Optional<LocalDate> validFrom = Optional.empty();
        Optional<LocalDate> validUntil = Optional.empty();

        Draft(int line) {
            this.line = line;
        }
    }

    /** A Datenfeld while it is being read. */
    private static final class FieldDraft extends Draft {
        final List<FormRule> rules = new ArrayList<>();
        Optional<FieldKind> kind = Optional.empty();
        Optional<DataType> dataType = Optional.empty();
        Precision precision = Precision.NONE;
        Optional<String> content = Optional.empty();
        Optional<String> prefill = Optional.empty();
        List<InlineValue> values = List.of();
        Optional<CodeListReference> codeList = Optional.empty();
        Optional<String> codeKey = Optional.empty();
        Optional<String> nameKey = Optional.empty();
        Optional<String> helpKey = Optional.empty();

        FieldDraft(int line) {
            super(line);
        }
    }

    private static final class CodeListParts {
        String canonicalUri = "";
        Optional<String> version = Optional.empty();
        Optional<String> canonicalVersionUri = Optional.empty();
        Optional<String> fimId = Optional.empty();
    }

    private static final class SchemaDraft {
        ElementMetadata metadata;
        MessageKind kind;
        List<ElementRef> children;
        List<FormRule> rules;

        static SchemaDraft of(SchemaElement root, MessageKind kind) {
            SchemaDraft schema = new SchemaDraft();
            schema.metadata = root.metadata();
            schema.kind = kind;
            schema.children = List.of(new ElementRef(root, Multiplicity.EXACTLY_ONE));
            schema.rules = List.of();
            return schema;
        }
    }
}
