package de.ozgsdk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ozg} command for IT providers: the root that the FIM, XÖV and service package commands hang under.
 *
 * <p>Run {@code java -jar cli/target/ozg.jar --help} to list what this build offers.
 */
@Command(
        name = "ozg",
        mixinStandardHelpOptions = true,
        versionProvider = OzgCommand.Version.class,
        description = {
            "Tools of the OZG SDK for IT providers: inspect, validate, render and export FIM schemas,",
            "and check a service package against a portal profile.",
            "",
            "Exit codes: 0 = success, 1 = the input has findings (violations), 2 = the input or the call is unusable."
        })
public final class OzgCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new OzgCommand()).execute(args));
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do; picocli prints the error and the usage to stderr.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands above.");
    }

    /** Reports the SDK version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OzgCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ozg (OZG SDK) " + (version == null ? "development build" : version)};
        }
    }
}
