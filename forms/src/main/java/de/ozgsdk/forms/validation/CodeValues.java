package de.ozgsdk.forms.validation;

import de.ozgsdk.forms.CodeListColumns;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
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

    /**
     * The lists of a code list registry, found by canonical URI, version and canonical version URI of the reference;
     * the codes are those of the column {@code codeKey} when the field names one the list has, else of the list's key
     * column. References that name no list at all find nothing.
     */
    static CodeValues of(CodeListRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return (reference, columns) -> registry.find(reference).map(list -> codes(list, columns));
    }

    private static Set<String> codes(CodeList list, CodeListColumns columns) {
        if (columns.codeKey().isEmpty() || list.column(columns.codeKey().get()).isEmpty()
                || columns.codeKey().get().equals(list.keyColumnId())) {
            return Set.copyOf(list.codes());
        }
        String column = columns.codeKey().get();
        Set<String> codes = new LinkedHashSet<>();
        list.rows().forEach(row -> {
            String code = row.get(column);
            if (code != null) {
                codes.add(code);
            }
        });
        return Set.copyOf(codes);
    }

    /** The lists in the map, matched by canonical URI (versions are ignored). */
    static CodeValues of(Map<String, Set<String>> codesByCanonicalUri) {
        Map<String, Set<String>> copy = new HashMap<>();
        codesByCanonicalUri.forEach((uri, codes) -> copy.put(uri, Set.copyOf(codes)));
        return (reference, columns) -> Optional.ofNullable(copy.get(reference.canonicalUri()));
    }
}
