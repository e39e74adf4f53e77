package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import java.util.Locale;
import java.util.Objects;

/**
 * Thrown when an XDatenfelder file cannot be imported: it says what is wrong ({@link #code()}), where
 * ({@link #location()}: line, column, element path, FIM id) and, in its message, how to fix it.
 *
 * <p>The message arguments are always: source name, line, column, element path, element id (or {@code -}), followed
 * by the arguments specific to the code. They never contain form data, only structure from the schema file.
 *
 * <p>When the cause is an {@link OzgException} (core's XML reader refusing the document) and a detail argument is that
 * cause or its technical message, the detail is the cause's {@link OzgException#userMessage(Locale) user message}
 * in the language asked for, so that a German message holds no English text of core's templates.
 */
public final class FimImportException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient ImportLocation location;
    private final transient Object[] details;

    /** Creates the exception; {@code details} are the code-specific message arguments after the location. */
    public FimImportException(FimError code, ImportLocation location, Throwable cause, Object... details) {
        super(code, cause, arguments(location, inLanguage(Locale.ENGLISH, code, cause, details)));
        this.location = Objects.requireNonNull(location, "location");
        this.details = details.clone();
    }

    /** Where the problem was found. */
    public ImportLocation location() {
        return location;
    }

    /** The line (1-based; 0 when unknown). */
    public int line() {
        return location.line();
    }

    /** The column (1-based; 0 when unknown). */
    public int column() {
        return location.column();
    }

    /** The element path, e.g. {@code /xdatenfelder.datenfeld.0104/datenfeld/feldart}. */
    public String path() {
        return location.path();
    }

    @Override
    public String userMessage(Locale locale) {
        if (details == null || !embedsCause(getCause(), details)) {
            return super.userMessage(locale);
        }
        FimError code = (FimError) code();
        return new FimImportException(code, location, null, inLanguage(locale, code, getCause(), details))
                .userMessage(locale);
    }

    static Object[] arguments(ImportLocation location, Object... details) {
        Object[] arguments = new Object[5 + details.length];
        arguments[0] = location.source();
        arguments[1] = String.valueOf(location.line());
        arguments[2] = String.valueOf(location.column());
        arguments[3] = location.path();
        arguments[4] = location.elementId().map(FimId::toString).orElse("-");
        System.arraycopy(details, 0, arguments, 5, details.length);
        return arguments;
    }

    /**
     * The details with the nested cause as its user message in the language; the detail of {@link
     * FimError#XML_MALFORMED} is a sentence that the template follows with its own, so it gets its final period here.
     */
    private static Object[] inLanguage(Locale locale, FimError code, Throwable cause, Object[] details) {
        Object[] result = details.clone();
        for (int i = 0; i < result.length; i++) {
            if (isCause(result[i], cause)) {
                result[i] = ((OzgException) cause).userMessage(locale);
            }
            if (code == FimError.XML_MALFORMED && result[i] != null) {
                result[i] = sentence(String.valueOf(result[i]));
            }
        }
        return result;
    }

    private static boolean embedsCause(Throwable cause, Object[] details) {
        for (Object detail : details) {
            if (isCause(detail, cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCause(Object detail, Throwable cause) {
        return cause instanceof OzgException nested && detail != null
                && (detail == nested || detail.equals(nested.getMessage()));
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || ".!?".indexOf(stripped.charAt(stripped.length() - 1)) >= 0
                ? stripped : stripped + ".";
    }
}
