package de.ozgsdk.cli.internal;

import picocli.CommandLine.Option;

/** {@code --lenient}, for the commands that import a schema strictly unless asked otherwise. */
public final class LenientOption {

    @Option(names = "--lenient", description = "Import the schema leniently: deviations from the XSD are warnings "
            + "(counted on stderr), not errors.")
    private boolean lenient;

    /** Whether deviations from the XSD are warnings rather than errors. */
    boolean lenient() {
        return lenient;
    }
}
