package de.ozgsdk.forms;

/**
 * Tells the importer whether a referenced code list can be loaded, so that a missing list is reported at schema load
 * (an error in strict mode, a warning in lenient mode). A code list registry plugs in here:
 * {@code FimImporter.builder().codeLists(registry.availability())} (see
 * {@code de.ozgsdk.forms.codelist.CodeListRegistry#availability()}).
 */
@FunctionalInterface
public interface CodeListAvailability {

    /** Does not check: every code list counts as available. The importer's default. */
    CodeListAvailability NO_CHECK = reference -> true;

    /** Whether the code list the reference names can be loaded. */
    boolean isAvailable(CodeListReference reference);
}
