package de.ozgsdk.portal.pkg;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.OzgException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One problem of a service package, found while loading it: which file, where in it (line and column, or the JSON
 * pointer into the descriptor), the stable error code, and what to do, in German and English.
 *
 * @param file      the path of the file inside the package ({@code service.json}, {@code form/antrag.xml}); the
 *                  package itself for problems of the whole package
 * @param line      the line (1-based), if known
 * @param column    the column (1-based), if known
 * @param pointer   the JSON pointer into the descriptor ({@code /fee/amount}), if the problem is in the descriptor
 * @param code      the stable code, e.g. {@code OZG-PORTAL-116}, or the code of the module that found it (a FIM import
 *                  error keeps its {@code OZG-FIM-1xx})
 * @param messageDe the German message
 * @param messageEn the English message
 */
public record PackageProblem(String file, OptionalInt line, OptionalInt column, Optional<String> pointer,
                             ErrorCode code, String messageDe, String messageEn) {

    /** Checks that every part is present; line and column are positive when given. */
    public PackageProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageDe, "messageDe");
        Objects.requireNonNull(messageEn, "messageEn");
        line = line.isPresent() && line.getAsInt() <= 0 ? OptionalInt.empty() : line;
        column = column.isPresent() && column.getAsInt() <= 0 ? OptionalInt.empty() : column;
    }

    /** A problem described by an exception of the SDK (its code and its German and English user messages). */
    static PackageProblem of(String file, int line, int column, String pointer, OzgException e) {
        return new PackageProblem(file, line > 0 ? OptionalInt.of(line) : OptionalInt.empty(),
                column > 0 ? OptionalInt.of(column) : OptionalInt.empty(), Optional.ofNullable(pointer), e.code(),
                e.userMessage(Locale.GERMAN), e.userMessage(Locale.ENGLISH));
    }

    /** The message in German or English (other languages get German). */
    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageDe;
    }

    /** Where the problem is: {@code file:line:column} as far as known, then the JSON pointer in brackets. */
    public String location() {
        StringBuilder at = new StringBuilder(file);
        line.ifPresent(l -> at.append(':').append(l));
        column.ifPresent(c -> at.append(':').append(c));
        pointer.ifPresent(p -> at.append(" (").append(p).append(')'));
        return at.toString();
    }

    /** Location, code and English message on one line, e.g. for logs and the CLI. */
    @Override
    public String toString() {
        return location() + " [" + code.code() + "] " + messageEn;
    }
}
