package de.ozgsdk.portal.pkg;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.FimImportException;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.ImportWarning;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.codelist.GenericodeReader;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.render.Translations;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.internal.json.SchemaCheckedJson;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.Notifications;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Loads one service package: reads the descriptor against its schema, then every file it names, then checks the
 * service definition part by part, collecting every problem before it fails. A part that violates the schema is not
 * read further, so each mistake is reported once.
 */
final class PackageLoader {

    static final String DESCRIPTOR = "service.json";
    static final String SCHEMA_RESOURCE = "/de/ozgsdk/portal/pkg/service-package.schema.json";
    private static final SchemaCheckedJson SCHEMA = SchemaCheckedJson.of(SCHEMA_RESOURCE);
    private static final List<String> CODE_LIST_SUFFIXES = List.of(".gc", ".genericode", ".xml");
    private static final LeikaKey PROBE_KEY = LeikaKey.parse("99000000000000");

    private final Path path;
    private final PackageContent content;
    private final List<PackageProblem> problems = new ArrayList<>();
    private final Set<String> unclean = new LinkedHashSet<>();
    private JsonNode root;

    PackageLoader(Path path, PackageContent content) {
        this.path = path;
        this.content = content;
    }

    ServicePackage load() {
        problems.addAll(content.problems());
        if (!content.complete()) {
            throw failure();
        }
        Optional<byte[]> descriptor = content.file(DESCRIPTOR);
        if (descriptor.isEmpty()) {
            // a zip of the package directory itself (zip -r x.ozg dir/) has the descriptor one level down
            String nested = content.files().keySet().stream().filter(f -> f.endsWith("/" + DESCRIPTOR)).findFirst()
                    .map(f -> " (found " + f + ": pack the content of the directory, not the directory)").orElse("");
            problems.add(PackageProblem.of(content.source(), 0, 0, null,
                    new InvalidInputException(PortalError.DESCRIPTOR_MISSING, content.source(), nested)));
            throw failure();
        }
        SchemaCheckedJson.Result read = SCHEMA.read(descriptor.get());
        for (SchemaCheckedJson.Finding finding : read.findings()) {
            problems.add(descriptorProblem(finding));
            unclean.add(finding.pointer());
        }
        if (read.root().isEmpty()) {
            throw failure();
        }
        root = read.root().get();
        String id = clean("/id") ? root.path("id").stringValue("") : "";
        String version = clean("/version") ? root.path("version").stringValue("") : "";
        checkFileName(id, version);
        checkApiLevel(id);
        Optional<FimForm> form = form();
        Optional<Notifications> notifications = notifications();
        Optional<OnlineService> service = form.flatMap(f -> service(id, version, f, notifications));
        if (!problems.isEmpty() || service.isEmpty()) {
            throw failure();
        }
        return new ServicePackage(path, service.get(), content.digest(), content.listing());
    }

    private ServicePackageException failure() {
        return new ServicePackageException(content.source(), problems);
    }

    // ---- descriptor positions ----------------------------------------------------------------------------------

    private PackageProblem descriptorProblem(SchemaCheckedJson.Finding f) {
        if (f.kind() == SchemaCheckedJson.Kind.MALFORMED) {
            return twoLanguages(DESCRIPTOR, f.line(), f.column(), null, PortalError.DESCRIPTOR_MALFORMED,
                    new Object[] {DESCRIPTOR, f.line(), f.column(), f.detailDe()},
                    new Object[] {DESCRIPTOR, f.line(), f.column(), f.detailEn()});
        }
        return twoLanguages(DESCRIPTOR, f.line(), f.column(), f.pointer(), PortalError.DESCRIPTOR_SCHEMA_VIOLATION,
                new Object[] {DESCRIPTOR, f.pointer(), f.line(), f.detailDe()},
                new Object[] {DESCRIPTOR, f.pointer(), f.line(), f.detailEn()});
    }

    private static PackageProblem twoLanguages(String file, int line, int column, String pointer, PortalError code,
                                               Object[] german, Object[] english) {
        PackageProblem de = PackageProblem.of(file, line, column, pointer, new InvalidInputException(code, german));
        return new PackageProblem(de.file(), de.line(), de.column(), de.pointer(), code, de.messageDe(),
                new InvalidInputException(code, english).userMessage(Locale.ENGLISH));
    }

    /** Whether the part at {@code pointer} (and everything in it) passed the schema. */
    private boolean clean(String pointer) {
        return unclean.stream().noneMatch(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
    }

    private JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** A problem in the descriptor at {@code pointer}, positioned at that value. */
    private void atDescriptor(String pointer, OzgException e) {
        JsonNode node = at(pointer);
        problems.add(PackageProblem.of(DESCRIPTOR, SchemaCheckedJson.line(node), SchemaCheckedJson.column(node),
                pointer, e));
    }

    private void missing(String pointer, String file, String kind) {
        atDescriptor(pointer, new InvalidInputException(PortalError.PACKAGE_FILE_MISSING, DESCRIPTOR, pointer, file,
                kind));
    }

    // ---- package-level checks ----------------------------------------------------------------------------------

    private void checkFileName(String id, String version) {
        String name = content.source();
        if (!name.endsWith(".ozg") || id.isEmpty() || version.isEmpty()) {
            return;
        }
        String expected = id + "-" + version + ".ozg";
        if (!name.equals(expected)) {
            atDescriptor("/id", new InvalidInputException(PortalError.PACKAGE_NAME_MISMATCH, name, expected));
        }
    }

    private void checkApiLevel(String id) {
        if (clean("/minApiLevel") && root.path("minApiLevel").asInt(0) > PortalApi.LEVEL) {
            atDescriptor("/minApiLevel", new InvalidInputException(PortalError.PACKAGE_API_LEVEL_TOO_HIGH,
                    id.isEmpty() ? content.source() : id, root.path("minApiLevel").asInt(), PortalApi.LEVEL));
        }
    }

    // ---- form and its files ------------------------------------------------------------------------------------

    /**
     * The form with every usable side file. With a broken or missing side file (problems recorded) the form is built
     * without it, so that steps, prefill and fee can still be checked against the schema.
     */
    private Optional<FimForm> form() {
        if (!clean("/form") || !root.has("form")) {
            return Optional.empty();
        }
        String fim = root.path("form").path("fim").stringValue("");
        boolean present = content.hasFile(fim);
        if (!present) {
            missing("/form/fim", fim, "FIM file");
        }
        CodeListRegistry codeLists = codeLists();
        List<Map.Entry<String, RuleSet>> rules = rules();
        Optional<Translations> translations = translations();
        Optional<FormSchema> schema = present ? importSchema(fim, codeLists) : Optional.empty();
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        FimForm.Builder builder = formBuilder(codeLists);
        for (Map.Entry<String, RuleSet> ruleFile : rules) {
            if (fits(ruleFile.getKey(), () -> formBuilder(codeLists).rules(ruleFile.getValue()).of(schema.get()))) {
                builder.rules(ruleFile.getValue());
            }
        }
        if (translations.isPresent() && fits(root.path("form").path("translations").stringValue(""),
                () -> formBuilder(codeLists).translations(translations.get()).of(schema.get()))) {
            builder.translations(translations.get());
        }
        return Optional.of(builder.of(schema.get()));
    }

    private static FimForm.Builder formBuilder(CodeListRegistry codeLists) {
        return FimForm.builder().codeLists(codeLists);
    }

    private boolean fits(String file, Supplier<FimForm> build) {
        try {
            build.get();
            return true;
        } catch (OzgException e) {
            problems.add(PackageProblem.of(file, 0, 0, null, e));
            return false;
        }
    }

    /** The usable code lists of the package (broken ones reported and left out), none without a directory. */
    private CodeListRegistry codeLists() {
        JsonNode dirNode = root.path("form").path("codeLists");
        CodeListRegistry.Builder registry = CodeListRegistry.builder();
        String dir = dirNode.stringValue("");
        if (dirNode.isMissingNode() || !content.hasDirectory(dir)) {
            if (!dirNode.isMissingNode()) {
                missing("/form/codeLists", dir, "code list directory");
            }
            return registry.build();
        }
        GenericodeReader reader = GenericodeReader.create();
        for (Map.Entry<String, byte[]> file : content.under(dir).entrySet()) {
            if (CODE_LIST_SUFFIXES.stream().noneMatch(file.getKey()::endsWith)) {
                continue;
            }
            try {
                CodeList list = reader.read(new ByteArrayInputStream(file.getValue()), file.getKey());
                registry.add(list);
            } catch (OzgException e) {
                problems.add(PackageProblem.of(file.getKey(), 0, 0, null, e));
            }
        }
        try {
            return registry.build();
        } catch (OzgException e) {
            problems.add(PackageProblem.of(dir, 0, 0, null, e));
            return CodeListRegistry.builder().build();
        }
    }

    /** The readable rule side files by path (missing and broken ones reported). */
    private List<Map.Entry<String, RuleSet>> rules() {
        List<Map.Entry<String, RuleSet>> sets = new ArrayList<>();
        JsonNode files = root.path("form").path("rules");
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i).stringValue("");
            Optional<byte[]> bytes = content.file(file);
            if (bytes.isEmpty()) {
                missing("/form/rules/" + i, file, "rule file");
                continue;
            }
            try {
                sets.add(Map.entry(file, RuleFiles.read(new ByteArrayInputStream(bytes.get()), file)));
            } catch (OzgException e) {
                problems.add(PackageProblem.of(file, 0, 0, null, e));
            }
        }
        return sets;
    }

    /** The translations; empty without a file or when it is missing or broken (reported). */
    private Optional<Translations> translations() {
        JsonNode node = root.path("form").path("translations");
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        String file = node.stringValue("");
        Optional<byte[]> bytes = content.file(file);
        if (bytes.isEmpty()) {
            missing("/form/translations", file, "translations file");
            return Optional.empty();
        }
        try {
            return Optional.of(Translations.read(new ByteArrayInputStream(bytes.get()), file));
        } catch (OzgException e) {
            problems.add(PackageProblem.of(file, 0, 0, null, e));
            return Optional.empty();
        }
    }

    /**
     * Imports the FIM file strictly. The code lists are checked apart from the import, so that every missing one is
     * reported with its position (a strict import stops at the first).
     */
    private Optional<FormSchema> importSchema(String fim, CodeListRegistry codeLists) {
        Set<CodeListReference> missingLists = new LinkedHashSet<>();
        FormSchema schema;
        try {
            schema = FimImporter.builder()
                    .codeLists(reference -> {
                        if (!codeLists.availability().isAvailable(reference)) {
                            missingLists.add(reference);
                        }
                        return true;
                    })
                    .build()
                    .importSchema(new ByteArrayInputStream(content.file(fim).orElseThrow()), fim);
        } catch (FimImportException e) {
            problems.add(PackageProblem.of(fim, e.line(), e.column(), null, e));
            return Optional.empty();
        } catch (OzgException e) {
            problems.add(PackageProblem.of(fim, 0, 0, null, e));
            return Optional.empty();
        }
        if (missingLists.isEmpty()) {
            return Optional.of(schema);
        }
        String directory = root.path("form").path("codeLists").stringValue("(no code list directory)");
        FormSchema located = FimImporter.builder().lenient(true).codeLists(codeLists.availability()).build()
                .importSchema(new ByteArrayInputStream(content.file(fim).orElseThrow()), fim);
        for (ImportWarning warning : located.warnings()) {
            if (warning.code() == FimError.CODE_LIST_MISSING) {
                String reference = warning.details().isEmpty() ? "?" : warning.details().get(0);
                problems.add(PackageProblem.of(fim, warning.location().line(), warning.location().column(), null,
                        new InvalidInputException(PortalError.PACKAGE_CODE_LIST_UNKNOWN, fim,
                                warning.location().line(), warning.location().column(), reference, directory)));
            }
        }
        return Optional.of(schema);
    }

    // ---- notifications -----------------------------------------------------------------------------------------

    private Optional<Notifications> notifications() {
        Notifications defaults = Notifications.defaults();
        if (!root.has("notifications")) {
            return Optional.of(defaults);
        }
        Optional<LocalizedText> subject = template("postboxSubject", defaults.postboxSubject());
        Optional<LocalizedText> text = template("postboxText", defaults.postboxText());
        Optional<LocalizedText> intro = template("receiptIntro", defaults.receiptIntro());
        if (subject.isEmpty() || text.isEmpty() || intro.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Notifications(subject.get(), text.get(), intro.get()));
    }

    private Optional<LocalizedText> template(String name, LocalizedText fallback) {
        String pointer = "/notifications/" + name;
        if (!clean(pointer)) {
            return Optional.empty();
        }
        JsonNode node = at(pointer);
        if (node.isMissingNode()) {
            return Optional.of(fallback);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> language : node.properties()) {
            JsonNode value = language.getValue();
            if (value.isString()) {
                texts.put(language.getKey(), value.stringValue());
                continue;
            }
            String file = value.path("file").stringValue("");
            Optional<String> read = templateFile(pointer + "/" + language.getKey() + "/file", file);
            read.ifPresent(t -> texts.put(language.getKey(), t));
            ok &= read.isPresent();
        }
        return ok ? Optional.of(localized(texts)) : Optional.empty();
    }

    private Optional<String> templateFile(String pointer, String file) {
        Optional<byte[]> bytes = content.file(file);
        if (bytes.isEmpty()) {
            missing(pointer, file, "template file");
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.get())).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                problems.add(PackageProblem.of(file, 0, 0, null, new InvalidInputException(
                        PortalError.PACKAGE_FILE_INVALID, file, "the template is empty")));
                return Optional.empty();
            }
            return Optional.of(text.strip());
        } catch (CharacterCodingException e) {
            problems.add(PackageProblem.of(file, 0, 0, null, new InvalidInputException(
                    PortalError.PACKAGE_FILE_INVALID, file, "the template is not UTF-8 text")));
            return Optional.empty();
        }
    }

    private static LocalizedText localized(Map<String, String> texts) {
        LocalizedText.Builder text = LocalizedText.builder(texts.get("de"));
        texts.forEach((language, value) -> {
            if (!language.equals("de")) {
                text.put(Locale.forLanguageTag(language), value);
            }
        });
        return text.build();
    }

    private Optional<LocalizedText> localized(String pointer) {
        if (!clean(pointer) || at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        at(pointer).properties().forEach(e -> texts.put(e.getKey(), e.getValue().stringValue("")));
        return Optional.of(localized(texts));
    }

    // ---- the service definition --------------------------------------------------------------------------------

    /**
     * Builds the service. Steps, each prefill rule and the fee rule are first tried one at a time on a service with
     * only the required parts, so that the builder's checks (which stop at the first problem) report each of them.
     */
    private Optional<OnlineService> service(String id, String version, FimForm form,
                                            Optional<Notifications> notifications) {
        String probeId = id.isEmpty() ? "service" : id;
        String probeVersion = version.isEmpty() ? "0.0.0" : version;
        Supplier<OnlineService.Builder> probe = () -> OnlineService.builder(probeId, probeVersion)
                .leikaKey(PROBE_KEY).title(LocalizedText.of(probeId)).form(form)
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS));
        List<Consumer<OnlineService.Builder>> parts = new ArrayList<>();
        boolean complete = part("/steps", parts, probe, this::steps);
        int prefills = root.path("prefill").size();
        for (int i = 0; i < prefills; i++) {
            complete &= part("/prefill/" + i, parts, probe, prefill());
        }
        complete &= part("/fee", parts, probe, this::fee);
        complete &= part("/leikaKeys", parts, null, this::leikaKeys);
        complete &= part("/backOffice", parts, null, this::backOffice);
        complete &= part("/trustLevel", parts, null, this::trustLevel);
        complete &= part("/languages", parts, null, this::languages);
        Optional<LocalizedText> title = localized("/title");
        Optional<LocalizedText> description = localized("/description");
        if (!complete || id.isEmpty() || version.isEmpty() || title.isEmpty() || notifications.isEmpty()
                || !clean("/description") || !clean("/minApiLevel") || !problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            OnlineService.Builder builder = OnlineService.builder(id, version).title(title.get()).form(form)
                    .notifications(notifications.get())
                    .minApiLevel(Math.max(1, root.path("minApiLevel").asInt(PortalApi.LEVEL)));
            description.ifPresent(builder::description);
            parts.forEach(p -> p.accept(builder));
            return Optional.of(builder.build());
        } catch (OzgException e) {
            atDescriptor("/", e);
            return Optional.empty();
        }
    }

    /**
     * Reads one part of the descriptor into a builder step and, with a probe, tries it on a minimal service; a
     * problem is reported at the part's pointer. Returns whether the part is usable.
     */
    private boolean part(String pointer, List<Consumer<OnlineService.Builder>> parts,
                         Supplier<OnlineService.Builder> probe,
                         Function<JsonNode, Consumer<OnlineService.Builder>> read) {
        if (!clean(pointer)) {
            return false;
        }
        JsonNode node = at(pointer);
        if (node.isMissingNode()) {
            return true;
        }
        try {
            Consumer<OnlineService.Builder> step = read.apply(node);
            if (probe != null) {
                OnlineService.Builder trial = probe.get();
                step.accept(trial);
                trial.build();
            }
            parts.add(step);
            return true;
        } catch (OzgException e) {
            atDescriptor(pointer, e);
            return false;
        }
    }

    private Consumer<OnlineService.Builder> steps(JsonNode steps) {
        List<Map.Entry<LocalizedText, String[]>> read = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            List<String> elements = new ArrayList<>();
            step.path("elements").forEach(e -> elements.add(e.stringValue("")));
            read.add(Map.entry(localized("/steps/" + i + "/title").orElseThrow(), elements.toArray(String[]::new)));
        }
        return b -> read.forEach(s -> b.step(s.getKey(), s.getValue()));
    }

    private static Function<JsonNode, Consumer<OnlineService.Builder>> prefill() {
        return node -> {
            PrefillRule rule = new PrefillRule(DataPath.parse(node.path("field").stringValue("")),
                    PersonAttribute.valueOf(node.path("attribute").stringValue("")),
                    node.path("editable").asBoolean(true));
            return b -> b.prefill(rule);
        };
    }

    private Consumer<OnlineService.Builder> fee(JsonNode fee) {
        FeeRule rule = switch (fee.path("kind").stringValue("")) {
            case "fixed" -> FeeRule.fixed(money(fee, "amount"));
            case "perInstance" -> FeeRule.perInstance(fee.path("group").stringValue(""), money(fee, "base"),
                    money(fee, "each"));
            default -> {
                Map<String, Money> amounts = new LinkedHashMap<>();
                fee.path("amounts").properties().forEach(e -> amounts.put(e.getKey(),
                        Money.parse(e.getValue().stringValue(""))));
                yield FeeRule.byValue(fee.path("field").stringValue(""), amounts, money(fee, "otherwise"));
            }
        };
        return b -> b.fee(rule);
    }

    private static Money money(JsonNode node, String name) {
        return Money.parse(node.path(name).stringValue(""));
    }

    private Consumer<OnlineService.Builder> leikaKeys(JsonNode keys) {
        List<LeikaKey> parsed = new ArrayList<>();
        keys.forEach(k -> parsed.add(LeikaKey.parse(k.stringValue(""))));
        return b -> parsed.forEach(b::leikaKey);
    }

    private Consumer<OnlineService.Builder> backOffice(JsonNode node) {
        Set<ChannelKind> channels = EnumSet.noneOf(ChannelKind.class);
        node.path("channels").forEach(c -> channels.add(ChannelKind.valueOf(c.stringValue(""))));
        BackOfficeTarget target = new BackOfficeTarget(node.path("messageType").stringValue(""), channels);
        return b -> b.backOffice(target);
    }

    private Consumer<OnlineService.Builder> trustLevel(JsonNode node) {
        String level = node.stringValue("none");
        return level.equals("none") ? b -> { } : b -> b.trustLevel(TrustLevel.valueOf(level));
    }

    private Consumer<OnlineService.Builder> languages(JsonNode node) {
        List<Locale> languages = new ArrayList<>();
        node.forEach(l -> languages.add(Locale.forLanguageTag(l.stringValue(""))));
        return b -> languages.forEach(b::language);
    }
}
