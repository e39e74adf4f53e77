package de.ozgsdk.forms.internal.text;

import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link MessageFormat} pattern parsed once, for messages whose arguments are texts: {@link #format} gives exactly
 * what {@code new MessageFormat(pattern, locale).format(arguments)} gives, without parsing the pattern on every call
 * (which costs more than the rest of a message). Patterns with typed elements ({@code {0,number}}) and arguments that
 * are not strings go through {@link MessageFormat} as before. Immutable and thread-safe.
 */
public final class MessageTemplate {

    private static final int MAX_ARGUMENTS = 10;
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private final String pattern;
    private final Locale locale;
    /** Literal texts around the arguments: {@code literals[i]}, argument {@code indexes[i]}, ..., last literal. */
    private final String[] literals;
    private final int[] indexes;

    private MessageTemplate(String pattern, Locale locale, String[] literals, int[] indexes) {
        this.pattern = pattern;
        this.locale = locale;
        this.literals = literals;
        this.indexes = indexes;
    }

    /**
     * The pattern parsed for the locale.
     *
     * @throws IllegalArgumentException for a pattern {@link MessageFormat} refuses
     */
    public static MessageTemplate of(String pattern, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        MessageFormat format = new MessageFormat(pattern, locale);
        Format[] formats = format.getFormatsByArgumentIndex();
        boolean simple = formats.length <= MAX_ARGUMENTS && pattern.indexOf(OPEN) < 0 && pattern.indexOf(CLOSE) < 0;
        for (Format f : formats) {
            simple &= f == null;
        }
        if (!simple) {
            return new MessageTemplate(pattern, locale, null, null);
        }
        Object[] markers = new Object[formats.length];
        for (int i = 0; i < markers.length; i++) {
            markers[i] = "" + OPEN + (char) ('0' + i) + CLOSE;
        }
        return split(pattern, locale, format.format(markers));
    }

    /** Splits the pattern formatted with markers into the literal parts and the argument indexes between them. */
    private static MessageTemplate split(String pattern, Locale locale, String marked) {
        List<String> literals = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        int start = 0;
        for (int i = marked.indexOf(OPEN); i >= 0; i = marked.indexOf(OPEN, start)) {
            literals.add(marked.substring(start, i));
            indexes.add(marked.charAt(i + 1) - '0');
            start = i + 3;
        }
        literals.add(marked.substring(start));
        return new MessageTemplate(pattern, locale, literals.toArray(new String[0]),
                indexes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The message with these arguments, as {@link MessageFormat#format(Object)} writes it. */
    public String format(Object... arguments) {
        if (literals == null || !allStrings(arguments)) {
            return new MessageFormat(pattern, locale).format(arguments);
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < indexes.length; i++) {
            out.append(literals[i]);
            int index = indexes[i];
            if (index < arguments.length) {
                out.append((String) arguments[index]);
            } else {
                out.append('{').append(index).append('}');
            }
        }
        return out.append(literals[indexes.length]).toString();
    }

    private static boolean allStrings(Object[] arguments) {
        for (Object argument : arguments) {
            if (!(argument instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "MessageTemplate " + pattern;
    }
}
