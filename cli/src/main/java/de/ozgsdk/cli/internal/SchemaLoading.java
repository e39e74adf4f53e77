package de.ozgsdk.cli.internal;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.CodeListAvailability;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.validation.CodeValues;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads what the {@code fim} commands share: the code lists of {@code --codelists DIR} and the schema, imported
 * strictly or leniently and, when code lists are given, with a check that every referenced list is there.
 */
final class SchemaLoading {

    private final boolean lenient;
    private final Optional<CodeListRegistry> registry;

    private final FimImporter importer;

    private SchemaLoading(boolean lenientOption, Optional<CodeListRegistry> registry) {
        FimImporter.Builder builder = FimImporter.builder()
                .codeLists(registry.map(CodeListRegistry::availability).orElse(CodeListAvailability.NO_CHECK));
        if (lenientOption) {
            builder.lenient(true);
        }
        this.importer = builder.build();
        this.lenient = importer.isLenient();
        this.registry = registry;
    }

    /**
     * Prepares loading; reads the code list directory now.
     *
     * @param lenientOption whether {@code --lenient} was given; without it the importer's default applies
     * @param codeListDirectory every genericode file under it, recursively; empty for none
     */
    static SchemaLoading of(boolean lenientOption, Optional<Path> codeListDirectory) {
        Optional<CodeListRegistry> registry = codeListDirectory.map(directory -> {
            try {
                return CodeListRegistry.builder().addDirectory(directory).build();
            } catch (OzgException e) {
                throw new InputFailure(directory.toString(), e);
            }
        });
        return new SchemaLoading(lenientOption, registry);
    }

    /**
     * Imports the schema file with the importer's own default strictness ({@link FimImporter#builder()}: strict), so
     * that the command line and the Java API cannot drift apart; {@code --lenient} is the only way to change it.
     */
    FormSchema load(Path file) {
        Inputs.requireReadableFile(file);
        try {
            return importer.importSchema(file);
        } catch (OzgException e) {
            throw new InputFailure(file.toString(), e);
        }
    }

    boolean lenient() {
        return lenient;
    }

    /** The code lists of {@code --codelists}, if given. */
    Optional<CodeListRegistry> registry() {
        return registry;
    }

    /** Where the validator finds the codes of code lists: the registry, or nothing. */
    CodeValues codeValues() {
        return registry.map(CodeValues::of).orElse(CodeValues.none());
    }

    /** Whether the registry has the list; empty when no registry was given, so nothing can be said. */
    Optional<Boolean> isAvailable(CodeListReference reference) {
        return registry.map(r -> r.availability().isAvailable(reference));
    }
}
