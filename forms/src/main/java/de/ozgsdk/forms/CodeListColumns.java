package de.ozgsdk.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of the referenced code list a select field uses (XDatenfelder 3 {@code <xdf:codeKey>},
 * {@code <xdf:nameKey>}, {@code <xdf:helpKey>}); empty means the list's own key and name columns.
 *
 * @param codeKey the key of the column holding the stored code
 * @param nameKey the key of the column holding the text shown to the user
 * @param helpKey the key of the column holding an explanation
 */
public record CodeListColumns(Optional<String> codeKey, Optional<String> nameKey, Optional<String> helpKey) {

    /** No columns given: use the code list's defaults. */
    public static final CodeListColumns DEFAULT = new CodeListColumns(Optional.empty(), Optional.empty(),
            Optional.empty());

    public CodeListColumns {
        Objects.requireNonNull(codeKey, "codeKey");
        Objects.requireNonNull(nameKey, "nameKey");
        Objects.requireNonNull(helpKey, "helpKey");
    }
}
