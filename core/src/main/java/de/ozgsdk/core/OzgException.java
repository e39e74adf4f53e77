package de.ozgsdk.core;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Root of every exception the SDK throws: it carries a stable {@link ErrorCode}, an {@link ErrorKind} to catch by,
 * and a message that is safe to show to a citizen in German or English ({@link #userMessage(Locale)}), apart from the
 * technical detail in {@link #getMessage()}.
 *
 * <p><b>Two messages.</b> {@link #getMessage()} is always English and starts with the code
 * ({@code "[OZG-CORE-101] ..."}): it is for logs, stack traces and bug reports, and reads the same on every machine.
 * {@link #userMessage(Locale)} is the same text without the code in the user's language (German for every locale
 * except English), for a page, a dialog or an API error response. Both say what was wrong, where, and how to fix it;
 * neither contains personal data (message arguments are ids, positions and limits).
 *
 * <pre>{@code
 * try {
 *     LeikaKey service = LeikaKey.parse(input);
 *     page.show(service.value());
 * } catch (InvalidInputException e) {
 *     page.showError(e.userMessage(Locale.GERMAN)); // Der Leistungsschlüssel "4711" ist ungültig: er muss …
 *     log.warn("rejected input, code {}", e.code().code());
 * }
 * }</pre>
 *
 * <p>Catch by kind ({@link InvalidInputException}, {@link ConfigurationException}, {@link RemoteSystemException},
 * {@link SecurityCheckException}, ...) or branch on {@link #code()}, never on the message text.
 *
 * <p>Message arguments must never contain personal data: they end up in logs.
 */
public abstract class OzgException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final String[] arguments;

    protected OzgException(ErrorCode code, Throwable cause, Object... arguments) {
        super(format(code, Locale.ENGLISH, stringify(arguments)), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = stringify(arguments);
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** The kind of failure, fixed by the exception's class. */
    public abstract ErrorKind kind();

    /** The arguments the message was formatted with (ids, positions, limits; never personal data). */
    public List<String> arguments() {
        return List.of(arguments);
    }

    /**
     * The message in the given language (German or English; other languages get German, the language of the
     * administration), without code or stack trace, safe to show to a user. {@link #getMessage()} is the English text
     * with the code in front, for logs.
     */
    public String userMessage(Locale locale) {
        return format(code, "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN, arguments);
    }

    /** The English message with the code in front ({@code "[OZG-FIM-102] The file ..."}), for logs and reports. */
    @Override
    public String getMessage() {
        return "[" + code.code() + "] " + super.getMessage();
    }

    private static String[] stringify(Object[] arguments) {
        return Arrays.stream(arguments == null ? new Object[0] : arguments)
                .map(OzgException::describe)
                .toArray(String[]::new);
    }

    /**
     * The text of one message argument. Arguments can come from untrusted input (a certificate subject from the wire
     * whose {@code toString()} decodes broken ASN.1, found by fuzzing); an error must still reach the caller.
     */
    private static String describe(Object argument) {
        try {
            return String.valueOf(argument);
        } catch (RuntimeException e) {
            return "(unreadable " + argument.getClass().getSimpleName() + ")";
        }
    }

    private static String format(ErrorCode code, Locale locale, Object[] arguments) {
        String template;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    code.bundleBaseName(), locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            template = bundle.getString(code.code());
        } catch (MissingResourceException e) {
            // A missing template is a bug of ours, but the error itself must still reach the caller intact.
            return code.code() + " " + Arrays.toString(arguments);
        }
        return new MessageFormat(template, locale).format(arguments);
    }
}
