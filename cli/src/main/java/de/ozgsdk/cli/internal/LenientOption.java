package de.ozgsdk.cli.internal;

import picocli.CommandLine.Option;

/**
 * {@code --lenient}, for every command that imports a schema: without it the import is strict, the default of
 * {@code FimImporter} and {@code FimForm} too.
 */
public final class LenientOption {

    @Option(names = "--lenient", description = "Import the schema leniently: deviations from the XSD are warnings "
            + "(counted on stderr), not errors.")
    private boolean lenient;

    /** Whether deviations from the XSD are warnings rather than errors. */
    boolean lenient() {
        return lenient;
    }
}
