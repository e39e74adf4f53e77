package de.ozgsdk.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ozg saml}: SAML tools for the people who debug Servicekonto logins. */
@Command(name = "saml", mixinStandardHelpOptions = true, subcommands = SamlCheckCommand.class,
        description = {
            "SAML 2.0 logins (BundID, interoperable Servicekonten): check a response",
            "copied from the browser with exactly the checks of the SDK's service provider.",
            "",
            "Exit codes: 0 = accepted, 1 = refused, 2 = unusable input, 3 = internal error."
        })
public final class SamlCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of the commands above.");
    }
}
