package de.ozgsdk.forms.codelist;

import java.util.Optional;

/**
 * A source of code lists beyond the registry's offline ones, e.g. a client of the XRepository: the
 * {@link CodeListRegistry} asks it only when its offline lookup fails, and caches the answer.
 *
 * <p>The SDK ships no network implementation; a deployment that wants one implements this interface (for the
 * XRepository: fetch the genericode download of the version and read it with {@link GenericodeReader}).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CodeListSource {

    /**
     * Fetches the code list the query asks for.
     *
     * @return the list, or empty if the source does not know it (the registry remembers that, too)
     * @throws de.ozgsdk.core.RemoteSystemException if the remote system fails; not cached, the next lookup asks again
     */
    Optional<CodeList> fetch(CodeListQuery query);

    /** Names the source in error messages and logs, e.g. its base URL. */
    default String description() {
        return getClass().getName();
    }
}
