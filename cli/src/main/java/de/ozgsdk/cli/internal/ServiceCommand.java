package de.ozgsdk.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ozg service}: online services of the portal runtime (scaffold a service package from a FIM file). */
@Command(name = "service", mixinStandardHelpOptions = true,
        subcommands = {ServiceNewCommand.class},
        description = {
            "Online services: scaffold a service package from a FIM file",
            "(ozg service new --from-fim FILE).",
            "",
            "Exit codes: 0 = created, 2 = unusable input, option or target,",
            "3 = internal error."
        })
public final class ServiceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of the commands above.");
    }
}
