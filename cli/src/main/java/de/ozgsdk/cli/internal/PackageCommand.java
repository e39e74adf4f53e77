package de.ozgsdk.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ozg package}: service packages of the portal runtime (check against a portal profile, pack). */
@Command(name = "package", mixinStandardHelpOptions = true,
        subcommands = {PackageCheckCommand.class, PackagePackCommand.class},
        description = {
            "Service packages (a directory or an .ozg zip with service.json, the FIM",
            "form, code lists, rules, translations, templates): check whether a package",
            "runs on a portal (central, legacy or a profile file) and pack a directory.",
            "",
            "Exit codes: 0 = runs / packed, 1 = blockers (or degradations with",
            "--fail-on-degradation), 2 = unusable package, profile or call,",
            "3 = internal error."
        })
public final class PackageCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of the commands above.");
    }
}
