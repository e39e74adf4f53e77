package de.ozgsdk.cli.internal;

import de.ozgsdk.portal.pkg.ServicePackage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ozg package pack DIRECTORY}: checks a package directory and writes it as {@code <id>-<version>.ozg}. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {
            "Checks a package directory with every check of the runtime and writes it",
            "as <id>-<version>.ozg (hidden files left out; the same content gives the",
            "same bytes). A broken package is reported with every problem and its file:line.",
            "",
            "Exit codes: 0 = packed, 2 = unusable package or call, 3 = internal error."
        })
public final class PackagePackCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "DIRECTORY", description = "The package directory (with service.json).")
    private Path directory;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where to write the .ozg file (default:"
            + " the current directory).")
    private Path output = Path.of(".");

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        Path written = ServicePackage.pack(directory, output);
        spec.commandLine().getOut().println(written + " (" + ServicePackage.load(written).digest() + ")");
        return ExitCodes.OK;
    }
}
