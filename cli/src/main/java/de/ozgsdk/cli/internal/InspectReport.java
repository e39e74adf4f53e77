package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.AttachedRule;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.ImportWarning;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.rules.ExecutableRule;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.Recognition;
import de.ozgsdk.forms.validation.CodeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code ozg fim inspect} tells about a schema: identification, counts, code lists with their availability, each
 * FIM rule with whether and how it is executable, the import warnings and, on request, the field tree; as text or as
 * JSON.
 */
final class InspectReport {

    /** Availability of a referenced code list. */
    enum CodeListStatus { AVAILABLE, MISSING, UNKNOWN }

    private final String fileName;
    private final FormSchema schema;
    private final boolean lenient;
    private final CodeValues codeValues;
    private final Map<CodeListReference, CodeListStatus> codeLists = new LinkedHashMap<>();
    private final List<RuleEntry> rules = new ArrayList<>();

    /** One distinct FIM rule, the elements it is attached to, and what the recognizer made of it. */
    private record RuleEntry(FormRule rule, List<FimId> owners, Recognition recognition) { }

    InspectReport(String fileName, FormSchema schema, SchemaLoading loading) {
        this.fileName = fileName;
        this.schema = schema;
        this.lenient = loading.lenient();
        this.codeValues = loading.codeValues();
        for (CodeListReference reference : schema.codeListReferences()) {
            codeLists.put(reference, loading.isAvailable(reference)
                    .map(available -> available ? CodeListStatus.AVAILABLE : CodeListStatus.MISSING)
                    .orElse(CodeListStatus.UNKNOWN));
        }
        collectRules();
    }

    private void collectRules() {
        Map<FimId, List<FimId>> owners = new LinkedHashMap<>();
        Map<FimId, FormRule> byId = new LinkedHashMap<>();
        for (AttachedRule attached : schema.rules()) {
            byId.putIfAbsent(attached.rule().id(), attached.rule());
            owners.computeIfAbsent(attached.rule().id(), id -> new ArrayList<>()).add(attached.owner());
        }
        // One recognition per attached rule, in the order of schema.rules(); a rule reused at several places is
        // recognised alike at each, so the first stands for all.
        // Recognised with the code lists of --codelists, as validate and FimForm do, so both list the same rules.
        List<Recognition> recognitions = FormRules.recognize(schema, codeValues::codes).entries();
        if (recognitions.size() != schema.rules().size()) {
            throw new IllegalStateException("FormRules.recognize gave " + recognitions.size() + " entries for "
                    + schema.rules().size() + " rules");
        }
        Map<FimId, Recognition> recognitionById = new LinkedHashMap<>();
        for (int i = 0; i < recognitions.size(); i++) {
            recognitionById.putIfAbsent(schema.rules().get(i).rule().id(), recognitions.get(i));
        }
        byId.forEach((id, rule) -> rules.add(new RuleEntry(rule, List.copyOf(owners.get(id)),
                recognitionById.get(id))));
    }

    // ---- JSON

    ObjectNode toJson(Locale locale, boolean withFields) {
        ObjectNode root = JsonOutput.object();
        root.put("file", fileName);
        root.put("id", schema.id().id());
        JsonOutput.put(root, "version", schema.id().version());
        root.put("name", schema.metadata().name());
        root.put("xdatenfelderVersion", xdfVersion(schema.xdfVersion()));
        root.put("messageKind", schema.messageKind().name());
        root.put("import", lenient ? "lenient" : "strict");
        ObjectNode counts = root.putObject("counts");
        counts.put("groups", schema.groups().size());
        counts.put("fields", schema.fields().size());
        counts.put("rules", rules.size());
        counts.put("executableRules", executableRules());
        counts.put("codeLists", codeLists.size());
        counts.put("warnings", schema.warnings().size());
        ArrayNode lists = root.putArray("codeLists");
        codeLists.forEach((reference, status) -> lists.add(codeListJson(reference, status)));
        ArrayNode ruleArray = root.putArray("rules");
        rules.forEach(entry -> ruleArray.add(ruleJson(entry, locale)));
        ArrayNode warnings = root.putArray("warnings");
        schema.warnings().forEach(warning -> warnings.add(warningJson(warning, locale)));
        if (withFields) {
            ArrayNode tree = root.putArray("fields");
            schema.children().forEach(child -> tree.add(elementJson(child, Optional.empty(), locale)));
        }
        return root;
    }

    /** One element at one place of the tree, with its children when it is a group. */
    private static ObjectNode elementJson(ElementRef ref, Optional<DataPath> parent, Locale locale) {
        SchemaElement element = ref.element();
        DataPath path = pathOf(ref, parent);
        ObjectNode node = JsonOutput.object();
        node.put("path", path.toString());
        node.put("id", element.id().id());
        JsonOutput.put(node, "version", element.id().version());
        node.put("label", element.label().get(locale));
        node.put("element", element instanceof FieldGroup group && group.isChoice() ? "choice"
                : element instanceof FieldGroup ? "group" : "field");
        Optional<Field> field = element instanceof Field f ? Optional.of(f) : Optional.empty();
        JsonOutput.put(node, "dataType", field.map(f -> f.dataType().code()));
        JsonOutput.put(node, "fieldKind", field.map(f -> f.kind().name().toLowerCase(Locale.ROOT)));
        node.put("multiplicity", ref.multiplicity().toString());
        node.put("required", ref.multiplicity().isRequired());
        node.put("repeatable", ref.multiplicity().isRepeatable());
        Optional<CodeListReference> codeList = field.flatMap(Field::codeList);
        if (codeList.isPresent()) {
            ObjectNode list = node.putObject("codeList");
            list.put("uri", codeList.get().canonicalUri());
            JsonOutput.put(list, "version", codeList.get().version());
        } else {
            node.putNull("codeList");
        }
        ArrayNode values = node.putArray("values");
        field.ifPresent(f -> f.values().forEach(value -> values.add(value.code())));
        ArrayNode children = node.putArray("children");
        if (element instanceof FieldGroup group) {
            group.children().forEach(child -> children.add(elementJson(child, Optional.of(path), locale)));
        }
        return node;
    }

    /** The data path of an element at a place: {@code G1.F2}, instance 0 implied, as form parameters name it. */
    private static DataPath pathOf(ElementRef ref, Optional<DataPath> parent) {
        String id = ref.element().id().id();
        return parent.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
    }

    private static ObjectNode codeListJson(CodeListReference reference, CodeListStatus status) {
        ObjectNode node = JsonOutput.object();
        node.put("uri", reference.canonicalUri());
        JsonOutput.put(node, "version", reference.version());
        JsonOutput.put(node, "versionUri", reference.canonicalVersionUri());
        JsonOutput.put(node, "fimId", reference.fimId());
        node.put("status", status.name().toLowerCase(Locale.ROOT));
        return node;
    }

    /** One rule derived from one sentence of a free-text rule (a text of several sentences gives several). */
    private static ObjectNode sentenceJson(ExecutableRule rule) {
        ObjectNode node = JsonOutput.object();
        node.put("id", rule.id());
        node.put("kind", rule.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode targets = node.putArray("targets");
        rule.targets().forEach(targets::add);
        node.put("expression", rule.condition().canonical());
        return node;
    }

    private static ObjectNode ruleJson(RuleEntry entry, Locale locale) {
        ObjectNode node = JsonOutput.object();
        node.put("id", entry.rule().id().id());
        JsonOutput.put(node, "version", entry.rule().id().version());
        node.put("name", entry.rule().name());
        ArrayNode owners = node.putArray("owners");
        entry.owners().forEach(owner -> owners.add(owner.id()));
        Recognition recognition = entry.recognition();
        node.put("executable", recognition.isExecutable());
        Optional<ExecutableRule> rule = recognition.rule();
        JsonOutput.put(node, "pattern", recognition.pattern().map(Enum::name));
        JsonOutput.put(node, "kind", rule.map(r -> r.kind().name().toLowerCase(Locale.ROOT)));
        ArrayNode targets = node.putArray("targets");
        rule.ifPresent(r -> r.targets().forEach(targets::add));
        JsonOutput.put(node, "expression", rule.map(r -> r.condition().canonical()));
        ArrayNode sentences = node.putArray("sentences");
        recognition.rules().forEach(r -> sentences.add(sentenceJson(r)));
        if (recognition.reason().isPresent()) {
            ObjectNode reason = node.putObject("reason");
            reason.put("code", recognition.reason().get().code().code());
            reason.put("message", recognition.reason().get().message(locale));
        } else {
            node.putNull("reason");
        }
        node.put("hasScript", recognition.hasScript());
        return node;
    }

    private static ObjectNode warningJson(ImportWarning warning, Locale locale) {
        ObjectNode node = JsonOutput.object();
        node.put("code", warning.code().code());
        node.put("line", warning.location().line());
        node.put("column", warning.location().column());
        node.put("path", warning.location().path());
        JsonOutput.put(node, "elementId", warning.location().elementId().map(FimId::toString));
        node.put("message", warning.message(locale));
        return node;
    }

    // ---- text

    String toText(Locale locale, boolean withFields) {
        Labels labels = new Labels(locale);
        StringBuilder out = new StringBuilder();
        line(out, labels.get("file"), fileName);
        line(out, labels.get("schema"), schema.id() + " \"" + schema.metadata().name() + "\"");
        line(out, labels.get("xdf"), xdfVersion(schema.xdfVersion()) + ", " + labels.get("message") + " "
                + schema.messageKind().name().toLowerCase(Locale.ROOT));
        line(out, labels.get("import"), labels.get(lenient ? "import.lenient" : "import.strict"));
        line(out, labels.get("groups"), Integer.toString(schema.groups().size()));
        line(out, labels.get("fields"), Integer.toString(schema.fields().size()));
        line(out, labels.get("rules"), labels.get("rules.summary", rules.size(), executableRules()));
        line(out, labels.get("codeLists"), labels.get("codeLists.summary", codeLists.size(),
                count(CodeListStatus.AVAILABLE), count(CodeListStatus.MISSING), count(CodeListStatus.UNKNOWN)));
        line(out, labels.get("warnings"), Integer.toString(schema.warnings().size()));
        section(out, labels.get("codeLists"), codeLists.entrySet().stream()
                .map(e -> e.getKey() + ": " + labels.get("status." + e.getValue().name().toLowerCase(Locale.ROOT)))
                .toList());
        section(out, labels.get("rules"), rules.stream()
                .map(entry -> entry.recognition().describe(locale) + " (" + labels.get("owners") + " "
                        + String.join(", ", entry.owners().stream().map(FimId::toString).toList()) + ")")
                .toList());
        section(out, labels.get("warnings"), schema.warnings().stream()
                .map(w -> w.code().code() + " " + w.message(locale))
                .toList());
        if (withFields) {
            List<String> tree = new ArrayList<>();
            schema.children().forEach(child -> elementLines(tree, child, Optional.empty(), 0, labels, locale));
            section(out, labels.get("fieldTree"), tree);
        }
        return out.toString();
    }

    /**
     * One line per element at each place, indented by depth: path, id with version, label, Datentyp (or group),
     * Multiplizität with required or optional, and the code list or inline values.
     */
    private static void elementLines(List<String> lines, ElementRef ref, Optional<DataPath> parent, int depth,
            Labels labels, Locale locale) {
        SchemaElement element = ref.element();
        DataPath path = pathOf(ref, parent);
        StringBuilder line = new StringBuilder("  ".repeat(depth)).append(path).append("  ").append(element.id())
                .append("  \"").append(element.label().get(locale)).append("\"  ");
        if (element instanceof Field field) {
            line.append(field.dataType().code());
            if (field.kind() != FieldKind.INPUT && field.kind() != FieldKind.SELECT) {
                line.append(" (").append(field.kind().name().toLowerCase(Locale.ROOT)).append(')');
            }
        } else {
            line.append(labels.get(((FieldGroup) element).isChoice() ? "field.choice" : "field.group"));
        }
        line.append("  ").append(ref.multiplicity()).append(' ')
                .append(labels.get(ref.multiplicity().isRequired() ? "field.required" : "field.optional"));
        if (element instanceof Field field && field.codeList().isPresent()) {
            line.append("  ").append(labels.get("field.codeList", field.codeList().get()));
        } else if (element instanceof Field field && !field.values().isEmpty()) {
            line.append("  ").append(labels.get("field.values",
                    String.join(", ", field.values().stream().map(InlineValue::code).toList())));
        }
        lines.add(line.toString());
        if (element instanceof FieldGroup group) {
            group.children().forEach(child -> elementLines(lines, child, Optional.of(path), depth + 1, labels,
                    locale));
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-14s%s%n", label, value));
    }

    private static void section(StringBuilder out, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(System.lineSeparator()).append(heading).append(System.lineSeparator());
        lines.forEach(text -> out.append("  ").append(text).append(System.lineSeparator()));
    }

    // ---- shared

    private long executableRules() {
        return rules.stream().filter(entry -> entry.recognition().isExecutable()).count();
    }

    private long count(CodeListStatus status) {
        return codeLists.values().stream().filter(status::equals).count();
    }

    private static String xdfVersion(XdfVersion version) {
        return version == XdfVersion.XDF2 ? "2.0" : "3.0.0";
    }
}
