package de.ozgsdk.cli.internal;

import de.ozgsdk.portal.pkg.PackageProblem;
import de.ozgsdk.portal.pkg.ServicePackage;
import de.ozgsdk.portal.pkg.ServicePackageException;
import de.ozgsdk.portal.profile.CompatibilityCheck;
import de.ozgsdk.portal.profile.CompatibilityItem;
import de.ozgsdk.portal.profile.CompatibilityReport;
import de.ozgsdk.portal.profile.PortalProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ozg package check PACKAGE --profile central|legacy|FILE}: loads a service package with every check of the
 * runtime and says whether it runs on the portal, with blockers and degradations ({@code CompatibilityCheck}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Loads a service package (directory or .ozg file) with every check of the",
            "runtime and compares it with a portal profile: does the service run there,",
            "what blocks it (e.g. trust level HIGH, the portal offers SUBSTANTIAL), what",
            "degrades (e.g. no postbox: the receipt is only a download). A broken",
            "package is reported with every problem and its file:line.",
            "",
            "Exit codes: 0 = runs (degradations allowed), 1 = blockers (or degradations",
            "with --fail-on-degradation), 2 = unusable package, profile or call,",
            "3 = internal error."
        })
public final class PackageCheckCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The package: a directory or an .ozg file.")
    private Path packagePath;

    @Option(names = "--profile", required = true, paramLabel = "central|legacy|FILE",
            description = "The portal profile: a shipped one (central, legacy) or a profile JSON file.")
    private String profile;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json.")
    private String format;

    @Option(names = "--fail-on-degradation", description = "Exit with 1 also when the service runs with degradations"
            + " (for CI pipelines that want a portal to offer everything).")
    private boolean failOnDegradation;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format " + format + ": choose text or json");
        };
        PortalProfile portal = PortalProfile.resolve(profile);
        PrintWriter out = spec.commandLine().getOut();
        ServicePackage pkg;
        try {
            pkg = ServicePackage.load(packagePath);
        } catch (ServicePackageException e) {
            if (!json) {
                throw e; // the error reporter prints every problem with file:line on stderr
            }
            out.println(JsonOutput.write(problems(e)));
            return ExitCodes.UNUSABLE;
        }
        CompatibilityReport report = CompatibilityCheck.check(pkg.service(), portal);
        out.println(json ? JsonOutput.write(json(pkg, report)) : text(pkg, report));
        if (!report.runsOnPortal() || (failOnDegradation && !report.degradations().isEmpty())) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private String text(ServicePackage pkg, CompatibilityReport report) {
        boolean german = !"en".equals(common.locale().getLanguage());
        StringBuilder text = new StringBuilder();
        text.append(report.service()).append(german ? " auf dem Portal " : " on the portal ").append(report.profile())
                .append(": ");
        if (report.runsOnPortal()) {
            text.append(german ? "läuft" : "runs");
            if (!report.degradations().isEmpty()) {
                text.append(german ? ", mit Einschränkungen" : ", with degradations");
            }
        } else {
            text.append(german ? "läuft NICHT" : "does NOT run");
        }
        text.append("\n  ").append(german ? "Paket " : "package ").append(pkg.source()).append(" (")
                .append(pkg.digest()).append(')');
        section(text, german ? "Hindernisse" : "Blockers", report.blockers());
        section(text, german ? "Einschränkungen" : "Degradations", report.degradations());
        return text.toString();
    }

    private void section(StringBuilder text, String title, List<CompatibilityItem> items) {
        text.append('\n').append(title).append(" (").append(items.size()).append(')')
                .append(items.isEmpty() ? "" : ":");
        for (CompatibilityItem item : items) {
            text.append("\n  [").append(item.code().code()).append("] ").append(item.concerns()).append(": ")
                    .append(item.message(common.locale()));
        }
    }

    private ObjectNode json(ServicePackage pkg, CompatibilityReport report) {
        ObjectNode node = JsonOutput.object();
        node.put("package", pkg.source().toString());
        node.put("valid", true);
        node.put("digest", pkg.digest());
        node.put("service", pkg.service().id());
        node.put("version", pkg.service().version());
        node.put("profile", report.profile());
        node.put("runsOnPortal", report.runsOnPortal());
        items(node.putArray("blockers"), report.blockers());
        items(node.putArray("degradations"), report.degradations());
        return node;
    }

    private void items(ArrayNode array, List<CompatibilityItem> items) {
        for (CompatibilityItem item : items) {
            ObjectNode node = array.addObject();
            node.put("code", item.code().code());
            node.put("concerns", item.concerns());
            node.put("message", item.message(common.locale()));
        }
    }

    private ObjectNode problems(ServicePackageException e) {
        ObjectNode node = JsonOutput.object();
        node.put("package", packagePath.toString());
        node.put("valid", false);
        ArrayNode problems = node.putArray("problems");
        for (PackageProblem problem : e.problems()) {
            ObjectNode item = problems.addObject();
            item.put("file", problem.file());
            if (problem.line().isPresent()) {
                item.put("line", problem.line().getAsInt());
            } else {
                item.putNull("line");
            }
            if (problem.column().isPresent()) {
                item.put("column", problem.column().getAsInt());
            } else {
                item.putNull("column");
            }
            JsonOutput.put(item, "pointer", problem.pointer());
            item.put("code", problem.code().code());
            item.put("message", problem.message(common.locale()));
        }
        return node;
    }
}
