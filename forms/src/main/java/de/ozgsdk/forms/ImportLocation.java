package de.ozgsdk.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * Where in an imported file something was found: the source name given to the importer, line and column (1-based,
 * 0 when unknown), the element path such as
 * {@code /xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur[3]/enthaelt/datenfeld} and the FIM id of the
 * nearest enclosing element whose id is known.
 */
public record ImportLocation(String source, int line, int column, String path, Optional<FimId> elementId) {

    public ImportLocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(elementId, "elementId");
    }

    /** Short form for messages: {@code source:line:column path (id)}. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + " " + path + elementId.map(id -> " (" + id + ")").orElse("");
    }
}
