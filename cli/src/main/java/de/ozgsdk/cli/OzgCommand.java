package de.ozgsdk.cli;

import de.ozgsdk.cli.internal.ErrorReporter;
import de.ozgsdk.cli.internal.FimCommand;
import de.ozgsdk.cli.internal.PackageCommand;
import de.ozgsdk.cli.internal.SamlCommand;
import de.ozgsdk.cli.internal.ServiceCommand;
import de.ozgsdk.cli.internal.TransferCommand;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ozg} command for IT providers: the root that the FIM commands ({@code ozg fim ...}) hang under.
 *
 * <p>Run {@code java -jar cli/target/ozg.jar --help} to list what this build offers; {@code docs/cli.md} documents
 * every command. To run it in-process (tests, other tools):
 *
 * <pre>{@code
 * CommandLine cli = OzgCommand.newCommandLine();
 * StringWriter report = new StringWriter();
 * cli.setOut(new PrintWriter(report));
 * String file = fim.resolve("xdf2/S05000058V1.0_xdf2.xml").toString();
 * int exitCode = cli.execute("fim", "inspect", "--json", file);  // 0, 1, 2 or 3; the report is JSON
 * }</pre>
 */
@Command(
        name = "ozg",
        mixinStandardHelpOptions = true,
        versionProvider = OzgCommand.Version.class,
        subcommands = {FimCommand.class, TransferCommand.class, SamlCommand.class, PackageCommand.class,
            ServiceCommand.class},
        description = {
            "Tools of the OZG SDK for IT providers: inspect FIM schemas, validate form",
            "data against them, export them as JSON Schema and render them as HTML",
            "form pages; check, send and receive FIT-Connect submissions (ozg transfer);",
            "check a SAML login response from a Servicekonto (ozg saml check);",
            "check a service package against a portal profile (ozg package check);",
            "scaffold a service package from a FIM file (ozg service new).",
            "",
            "Exit codes: 0 = success, 1 = the data have findings (violations),",
            "2 = the input or the call is unusable (missing, unreadable, unsupported or",
            "malicious file, bad option), 3 = internal error (please report).",
            "",
            "Documentation: docs/cli.md"
        })
public final class OzgCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Entry point of the runnable jar; prints in UTF-8 whatever the platform's default encoding is. */
    public static void main(String[] args) {
        CommandLine cli = newCommandLine();
        cli.setOut(utf8(new FileOutputStream(FileDescriptor.out)));
        cli.setErr(utf8(new FileOutputStream(FileDescriptor.err)));
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exitCode);
    }

    /**
     * A command line with every {@code ozg} command and the error reporting of the tool: messages instead of stack
     * traces (unless {@code --verbose}) and the documented exit codes.
     */
    public static CommandLine newCommandLine() {
        return new CommandLine(new OzgCommand())
                .setExecutionExceptionHandler(new ErrorReporter());
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do; picocli prints the error and the usage to stderr.
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of the commands above.");
    }

    private static PrintWriter utf8(FileOutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
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
