package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.AttachedRule;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.ImportWarning;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.rules.ExecutableRule;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.Recognition;
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
 * FIM rule with whether and how it is executable, and the import warnings; as text or as JSON.
 */
final class InspectReport {

    /** Availability of a referenced code list. */
    enum CodeListStatus { AVAILABLE, MISSING, UNKNOWN }

    private final String fileName;
    private final FormSchema schema;
    private final boolean lenient;
    private final Map<CodeListReference, CodeListStatus> codeLists = new LinkedHashMap<>();
    private final List<RuleEntry> rules = new ArrayList<>();

    /** One distinct FIM rule, the elements it is attached to, and what the recognizer made of it. */
    private record RuleEntry(FormRule rule, List<FimId> owners, Recognition recognition) { }

    InspectReport(String fileName, FormSchema schema, SchemaLoading loading) {
        this.fileName = fileName;
        this.schema = schema;
        this.lenient = loading.lenient();
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
        List<Recognition> recognitions = FormRules.recognize(schema).entries();
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

    ObjectNode toJson(Locale locale) {
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
        return root;
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

    String toText(Locale locale) {
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
        return out.toString();
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
