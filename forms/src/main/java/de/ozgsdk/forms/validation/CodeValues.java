package de.ozgsdk.forms.validation;

import de.ozgsdk.forms.CodeListColumns;
import de.ozgsdk.forms.CodeListReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@link FormValidator} gets the allowed codes of a code list: the codes of the referenced list in the column
 * the field uses, or empty when the list is not available. Implemented over the code list registry; a map is enough
 * for tests and small services.
 */
@FunctionalInterface
public interface CodeValues {

    /**
     * The codes of the referenced list (in column {@code columns.codeKey()}, or the list's key column when that is
     * empty), or empty when the list is not available.
     */
    Optional<Set<String>> codes(CodeListReference reference, CodeListColumns columns);

    /** No code list is available: membership in code lists is not checked (inline values still are). */
    static CodeValues none() {
        return (reference, columns) -> Optional.empty();
    }

    /** The lists in the map, matched by canonical URI (versions are ignored). */
    static CodeValues of(Map<String, Set<String>> codesByCanonicalUri) {
        Map<String, Set<String>> copy = new HashMap<>();
        codesByCanonicalUri.forEach((uri, codes) -> copy.put(uri, Set.copyOf(codes)));
        return (reference, columns) -> Optional.ofNullable(copy.get(reference.canonicalUri()));
    }
}
