package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.codelist.GenericodeReader;
import de.ozgsdk.portal.pkg.ServicePackage;
import de.ozgsdk.portal.profile.CompatibilityCheck;
import de.ozgsdk.portal.profile.CompatibilityReport;
import de.ozgsdk.portal.profile.PortalProfile;
import de.ozgsdk.portal.service.BackOfficeTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ozg service new --from-fim FILE}: scaffolds a service package from a FIM Stammdatenschema (steps from the
 * top-level groups, translation stubs, back-office target, fee, trust level, notification templates), checks it with
 * every check of the runtime and only then puts it in place.
 */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scaffolds a service package from a FIM file (XDatenfelder 2.0 or 3.0.0,",
            "imported strictly as the runtime does): one step per top-level group, German",
            "labels and English stubs marked [translate] in form/translations.json, the",
            "SDK's application message over FIT_CONNECT or HTTPS, the SDK's notification",
            "texts as templates, the code lists the form references. The package is",
            "checked with every check of the runtime before it is written; an existing",
            "target is never replaced without --force.",
            "",
            "Exit codes: 0 = created, 2 = unusable FIM file, code lists, option or",
            "target, 3 = internal error."
        })
public final class ServiceNewCommand implements Callable<Integer>, HasCommonOptions {

    private static final List<String> CODE_LIST_SUFFIXES = List.of(".gc", ".genericode", ".xml");
    private static final BigDecimal MAX_FEE = new BigDecimal("999999999.99");
    private static final int MAX_TITLE = 10_000;

    @Option(names = "--from-fim", required = true, paramLabel = "FILE",
            description = "The FIM file (Stammdatenschema, XDatenfelder 2.0 or 3.0.0).")
    private Path fim;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory of genericode code lists (searched"
            + " recursively); the lists the form references are copied into the package.")
    private Path codeListDirectory;

    @Option(names = "--leika", paramLabel = "KEY", split = ",", description = "Leika key(s) of the service, the main"
            + " one first (default: the keys the FIM file names in its description or other texts).")
    private List<String> leika = new ArrayList<>();

    @Option(names = "--fee", paramLabel = "AMOUNT", description = "A fixed fee in euros, e.g. 12.50 (default: no"
            + " fee).")
    private String fee;

    @Option(names = "--trust", paramLabel = "LEVEL", defaultValue = "substantial", description = "Trust level of the"
            + " login: none, low, substantial (default) or high.")
    private String trust;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The package directory to create (default:"
            + " ./ID); with --pack the directory the .ozg file is written to (default: .).")
    private Path out;

    @Option(names = "--id", paramLabel = "ID", description = "Service id, 1 to 64 of a-z 0-9 - (default: from the"
            + " Stammdatenschema's name).")
    private String id;

    @Option(names = "--title", paramLabel = "TEXT", description = "German title (default: the Stammdatenschema's"
            + " name).")
    private String title;

    @Option(names = "--pack", description = "Write ID-VERSION.ozg instead of a directory.")
    private boolean pack;

    @Option(names = "--force", description = "Replace an existing target (only a service package or an empty"
            + " directory).")
    private boolean force;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() throws IOException {
        byte[] fimBytes = read(fim);
        FormSchema schema = importSchema(fimBytes);
        Optional<TrustLevel> trustLevel = trustLevel();
        Optional<Money> fixedFee = fee();
        String serviceId = serviceId(schema);
        String serviceTitle = title(schema);
        List<OzgException> problems = new ArrayList<>();
        Map<String, byte[]> codeLists = codeLists(schema, problems);
        LeikaSource leikaKeys = leikaKeys(schema, problems);
        if (!problems.isEmpty()) {
            return report(problems);
        }
        ServiceScaffold.Settings settings = new ServiceScaffold.Settings(serviceId,
                ServiceScaffold.serviceVersion(schema.id().version()), serviceTitle, leikaKeys.keys(), trustLevel,
                fixedFee, "form/" + ServiceScaffold.safeFileName(fim.getFileName().toString()), fimBytes, codeLists);
        Path target = target(settings);
        ServicePackage pkg = write(target, ServiceScaffold.files(schema, settings));
        summary(pkg, schema, settings, leikaKeys.fromFim());
        return ExitCodes.OK;
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    private static byte[] read(Path file) {
        Inputs.requireReadableFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(CliError.FILE_UNREADABLE, e, file, e.getClass().getSimpleName());
        }
    }

    /** Strictly, as {@code ServicePackage.load} imports it: a file the runtime refuses is refused here. */
    private FormSchema importSchema(byte[] bytes) {
        try {
            return FimImporter.builder().build().importSchema(new ByteArrayInputStream(bytes),
                    fim.getFileName().toString());
        } catch (OzgException e) {
            throw new InputFailure(fim.toString(), e);
        }
    }

    private Optional<TrustLevel> trustLevel() {
        return switch (trust.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> Optional.empty();
            case "low" -> Optional.of(TrustLevel.LOW);
            case "substantial" -> Optional.of(TrustLevel.SUBSTANTIAL);
            case "high" -> Optional.of(TrustLevel.HIGH);
            default -> throw invalidOption("--trust", trust, "none, low, substantial, high");
        };
    }

    private Optional<Money> fee() {
        if (fee == null) {
            return Optional.empty();
        }
        String expected = "an amount in euros above 0 and up to 999999999.99 with at most two decimals, e.g. 12.50";
        Money money;
        try {
            money = Money.parse(fee);
        } catch (OzgException e) {
            throw invalidOption("--fee", fee, expected);
        }
        if (money.amount().signum() <= 0 || money.amount().compareTo(MAX_FEE) > 0) {
            throw invalidOption("--fee", fee, expected + " (leave --fee out for a free service)");
        }
        return Optional.of(money);
    }

    private String serviceId(FormSchema schema) {
        String expected = "1 to 64 of a-z 0-9 -, starting with a letter or digit, e.g. bewohnerparkausweis";
        if (id != null) {
            if (!ServiceScaffold.isServiceId(id)) {
                throw invalidOption("--id", id, expected);
            }
            return id;
        }
        String derived = ServiceScaffold.serviceId(schema.metadata().name());
        if (!ServiceScaffold.isServiceId(derived)) {
            throw invalidOption("--id", "(from \"" + schema.metadata().name() + "\")", expected);
        }
        return derived;
    }

    private String title(FormSchema schema) {
        String text = title == null ? schema.metadata().name().strip() : title.strip();
        if (text.isEmpty() || text.length() > MAX_TITLE) {
            throw invalidOption("--title", title == null ? "\"\"" : title, "1 to 10000 characters");
        }
        return text;
    }

    private static InvalidInputException invalidOption(String option, String value, String expected) {
        return new InvalidInputException(CliError.SERVICE_OPTION_INVALID, option, value, expected);
    }

    /**
     * The files of {@code --codelists} that hold the lists the form references, by their name in the package; a
     * reference no file satisfies is a problem (the runtime refuses a package without it).
     */
    private Map<String, byte[]> codeLists(FormSchema schema, List<OzgException> problems) {
        List<CodeListReference> references = schema.codeListReferences().stream().filter(r -> !r.isEmpty())
                .distinct().toList();
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (references.isEmpty()) {
            return files;
        }
        List<Map.Entry<Path, CodeList>> available = codeListDirectory == null ? List.of() : readCodeLists();
        Map<Path, String> copied = new LinkedHashMap<>();
        List<CodeListReference> missing = new ArrayList<>();
        for (CodeListReference reference : references) {
            Optional<Path> file = available.stream()
                    .filter(e -> CodeListRegistry.builder().add(e.getValue()).build().availability()
                            .isAvailable(reference))
                    .map(Map.Entry::getKey).findFirst();
            if (file.isEmpty()) {
                missing.add(reference);
            } else if (!copied.containsKey(file.get())) {
                String name = uniqueName(files, file.get());
                copied.put(file.get(), name);
                files.put(name, read(file.get()));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new InvalidInputException(CliError.SERVICE_CODE_LISTS_MISSING, fim, missing.size(),
                    codeListDirectory == null ? "--codelists (none)" : codeListDirectory.toString(),
                    missing.stream().map(CodeListReference::toString).collect(Collectors.joining("; "))));
        }
        return files;
    }

    /** Every readable genericode file under the directory with its list; others are skipped with a note. */
    private List<Map.Entry<Path, CodeList>> readCodeLists() {
        if (!Files.exists(codeListDirectory)) {
            throw new InvalidInputException(CliError.FILE_NOT_FOUND, codeListDirectory,
                    Path.of("").toAbsolutePath().normalize());
        }
        if (!Files.isDirectory(codeListDirectory)) {
            throw invalidOption("--codelists", codeListDirectory.toString(), "a directory of genericode files");
        }
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(codeListDirectory)) {
            candidates = walk.filter(Files::isRegularFile)
                    .filter(p -> CODE_LIST_SUFFIXES.stream().anyMatch(p.getFileName().toString()::endsWith))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(CliError.FILE_UNREADABLE, e, codeListDirectory,
                    e.getClass().getSimpleName());
        }
        GenericodeReader reader = GenericodeReader.create();
        List<Map.Entry<Path, CodeList>> lists = new ArrayList<>();
        for (Path file : candidates) {
            try {
                lists.add(Map.entry(file, reader.read(new ByteArrayInputStream(read(file)), file.toString())));
            } catch (OzgException e) {
                spec.commandLine().getErr().println("ozg: skipped " + file + " (not a usable code list: ["
                        + e.code().code() + "])");
            }
        }
        return lists;
    }

    private static String uniqueName(Map<String, byte[]> files, Path file) {
        String name = ServiceScaffold.safeFileName(file.getFileName().toString());
        String unique = name;
        for (int i = 2; files.containsKey(unique); i++) {
            unique = i + "-" + name;
        }
        return unique;
    }

    private record LeikaSource(List<LeikaKey> keys, boolean fromFim) {
    }

    private LeikaSource leikaKeys(FormSchema schema, List<OzgException> problems) {
        if (!leika.isEmpty()) {
            return new LeikaSource(leika.stream().map(String::strip).distinct().map(LeikaKey::parse).toList(), false);
        }
        List<LeikaKey> found = ServiceScaffold.leikaKeysInTexts(schema);
        if (found.isEmpty()) {
            problems.add(new InvalidInputException(CliError.SERVICE_LEIKA_KEY_MISSING, fim));
        }
        return new LeikaSource(found, true);
    }

    private int report(List<OzgException> problems) {
        PrintWriter err = spec.commandLine().getErr();
        for (OzgException problem : problems) {
            err.println("ozg: [" + problem.code().code() + "] " + problem.userMessage(common.locale()));
        }
        err.flush();
        return ExitCodes.UNUSABLE;
    }

    // ---- output ------------------------------------------------------------------------------------------------

    private Path target(ServiceScaffold.Settings settings) {
        Path target = pack
                ? (out == null ? Path.of(".") : out).resolve(settings.id() + "-" + settings.version() + ".ozg")
                : (out == null ? Path.of(settings.id()) : out);
        if (Files.exists(target) || Files.isSymbolicLink(target)) {
            if (!force) {
                throw new InvalidInputException(CliError.SERVICE_TARGET_EXISTS, target);
            }
            if (!replaceable(target)) {
                throw new InvalidInputException(CliError.SERVICE_TARGET_NOT_REPLACEABLE, target);
            }
        }
        return target;
    }

    /** A package directory, an empty directory, or (with {@code --pack}) an {@code .ozg} file. */
    private boolean replaceable(Path target) {
        if (Files.isSymbolicLink(target)) {
            return false;
        }
        if (pack) {
            return Files.isRegularFile(target);
        }
        if (!Files.isDirectory(target)) {
            return false;
        }
        if (Files.isRegularFile(target.resolve("service.json"))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the files into a hidden directory next to the target, loads it with every check of the runtime, and
     * only then moves it into place (or packs it), so that a failure never leaves a half-written or broken package.
     */
    private ServicePackage write(Path target, Map<String, byte[]> files) throws IOException {
        Path parent = target.toAbsolutePath().normalize().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            // not createTempDirectory: its owner-only permissions would stay on the package the move puts in place
            staging = Files.createDirectory(parent.resolve(".ozg-service-new-" + UUID.randomUUID()));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
        } catch (IOException e) {
            throw new InvalidInputException(CliError.OUTPUT_UNWRITABLE, e, target, e.getClass().getSimpleName());
        }
        try {
            ServicePackage.load(staging); // every problem with file:line, should the scaffold ever be wrong
            if (pack) {
                return ServicePackage.load(ServicePackage.pack(staging, parent));
            }
            if (Files.isDirectory(target)) {
                deleteTree(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return ServicePackage.load(target);
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void summary(ServicePackage pkg, FormSchema schema, ServiceScaffold.Settings settings,
                         boolean leikaFromFim) {
        CompatibilityReport central = CompatibilityCheck.check(pkg.service(), PortalProfile.central());
        List<ServiceScaffold.Step> steps = ServiceScaffold.steps(schema);
        PrintWriter o = spec.commandLine().getOut();
        o.println("Created service package " + settings.id() + " " + settings.version() + ": " + pkg.source());
        o.println("  digest        " + pkg.digest());
        o.println("  title         " + settings.title());
        o.println("  form          " + settings.formFile() + " (" + schema.id() + ", " + schema.xdfVersion() + ", "
                + schema.fields().size() + " fields, " + schema.groups().size() + " groups)");
        o.println("  code lists    " + (settings.codeLists().isEmpty() ? "none referenced"
                : settings.codeLists().size() + " in " + ServiceScaffold.CODE_LIST_DIRECTORY + "/"));
        o.println("  Leika keys    " + settings.leikaKeys().stream().map(LeikaKey::value)
                .collect(Collectors.joining(", ")) + (leikaFromFim ? " (named in the FIM file; --leika to change)"
                : ""));
        o.println("  steps         " + steps.size() + ":");
        for (int i = 0; i < steps.size(); i++) {
            ServiceScaffold.Step step = steps.get(i);
            o.println("                " + (i + 1) + ". " + step.title() + " (" + String.join(", ", step.elements())
                    + ")");
        }
        o.println("  trust level   " + settings.trust().map(TrustLevel::name).orElse("none (no login)")
                + (trust.equalsIgnoreCase("substantial") && !explicitTrust() ? " (default; --trust to change)" : ""));
        o.println("  fee           " + settings.fee().map(m -> "fixed " + m.amount().toPlainString() + " EUR")
                .orElse("none (--fee 12.50 for a fixed fee)"));
        o.println("  back office   " + BackOfficeTarget.APPLICATION_MESSAGE + " over "
                + ServiceScaffold.CHANNELS.stream().map(Enum::name).collect(Collectors.joining(" or ")));
        o.println("  translations  " + ServiceScaffold.TRANSLATIONS_FILE + ": English stubs marked \""
                + ServiceScaffold.TRANSLATE.strip() + "\"; English is offered once you translate them and add"
                + " \"languages\": [\"en\"]");
        o.println("  notifications templates/ (the SDK's default texts)");
        o.println("  central portal: " + (central.runsOnPortal() ? "runs" : "does NOT run") + " ("
                + central.blockers().size() + " blockers, " + central.degradations().size() + " degradations)");
        o.println("Next: ozg package check " + pkg.source() + " --profile central");
        o.flush();
    }

    private boolean explicitTrust() {
        return spec.commandLine().getParseResult().hasMatchedOption("--trust");
    }
}
