package de.ozgsdk.portal.tenant;

import java.util.Objects;

/**
 * One problem of a tenant file or a stored tenant configuration, located by file, line, column and JSON pointer.
 *
 * @param source  the file name (or {@code database:<tenant id>} for a stored configuration)
 * @param line    the line, from 1
 * @param column  the column, from 1
 * @param pointer the JSON pointer of the offending value ({@code ""} for the whole document)
 * @param message what is wrong and how to fix it, in English
 */
public record TenantFileProblem(String source, int line, int column, String pointer, String message) {

    /** Checks the parts. */
    public TenantFileProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column (pointer): message}, as compilers print it. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + " (" + (pointer.isEmpty() ? "/" : pointer) + "): " + message;
    }
}
