package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.transfer.fitconnect.Problem;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ozg transfer}: FIT-Connect for IT providers who must find out why an application did not arrive. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        subcommands = {TransferDestinationCommand.class, TransferSendCommand.class, TransferStatusCommand.class,
            TransferReceiveCommand.class},
        description = {
            "FIT-Connect: check a destination and its key, send one submission step by",
            "step, show a submission's verified event log, receive (decrypt, check,",
            "accept or reject) the submissions of a destination.",
            "",
            "Settings come from the properties file of --config or from environment",
            "variables (OZG_TRANSFER_...), never from the command line: see docs/cli.md.",
            "",
            "Exit codes: 0 = done (accepted), 1 = rejected, not accepted or problems",
            "found, 2 = unusable input, setting or answer of FIT-Connect, 3 = internal error."
        })
public final class TransferCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of the commands above.");
    }

    /** The options of every {@code ozg transfer} command: the settings file. */
    public static final class ConfigOption {

        @Option(names = "--config", paramLabel = "FILE", description = "Properties file with the ozg.transfer.* "
                + "settings (secrets belong here or in OZG_TRANSFER_* environment variables).")
        private Path configFile;

        TransferSettings settings() {
            return TransferSettings.load(configFile, Map.copyOf(System.getenv()));
        }
    }

    /** A problem of a reject as one line: its type (short for FIT-Connect's own), title and detail. */
    static String describe(Problem problem) {
        String type = problem.type().startsWith(Problem.TYPE_PREFIX)
                ? problem.type().substring(Problem.TYPE_PREFIX.length()) : problem.type();
        return type + ": " + problem;
    }

    /** A UUID given on the command line, or {@link CliError#TRANSFER_ID_INVALID} naming the option. */
    static UUID uuid(String what, String value) {
        try {
            UUID uuid = UUID.fromString(value);
            if (!uuid.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CliError.TRANSFER_ID_INVALID, what,
                    "not a UUID (8-4-4-4-12 hexadecimal digits)");
        }
    }
}
