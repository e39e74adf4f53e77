package de.ozgsdk.sandbox.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text the sandbox shows (the overview's list of requests): every known value of a persona
 * (names, addresses, birth dates, postbox handles, ...) and whatever looks like personal data of unknown people
 * (e-mail addresses, dates, IBAN-like values, the mailbox of a postbox path).
 */
public final class PersonalDataMask {

    /** What a masked value becomes. */
    public static final String MASK = "***";

    private static final int SHORTEST_KNOWN_VALUE = 4;
    private static final Pattern IBAN = Pattern.compile(
            "\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern MAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})\\b");
    private static final Pattern MAILBOX = Pattern.compile("(/postfach/)[^/?#\\s]+");

    private final Pattern known;

    private PersonalDataMask(Pattern known) {
        this.known = known;
    }

    /** A mask of {@code knownValues} (values shorter than four characters, e.g. a country code, are left). */
    public static PersonalDataMask of(Collection<String> knownValues) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : knownValues) {
            String trimmed = value == null ? "" : value.trim();
            if (trimmed.length() >= SHORTEST_KNOWN_VALUE) {
                values.add(trimmed);
                // paths and form summaries carry values URL-encoded
                String encoded = URLEncoder.encode(trimmed, StandardCharsets.UTF_8);
                values.add(encoded);
                values.add(encoded.replace("+", "%20"));
            }
        }
        if (values.isEmpty()) {
            return new PersonalDataMask(null);
        }
        StringBuilder alternatives = new StringBuilder();
        // longest first, so "Heidestraße 17" is masked whole before "Heidestraße" could match
        values.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(value -> {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(value));
        });
        return new PersonalDataMask(Pattern.compile(alternatives.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** {@code text} with personal data replaced by {@link #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String masked = text;
        if (known != null) {
            masked = known.matcher(masked).replaceAll(MASK);
        }
        masked = MAILBOX.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = MAIL.matcher(masked).replaceAll(MASK);
        masked = DATE.matcher(masked).replaceAll(MASK);
        return IBAN.matcher(masked).replaceAll(MASK);
    }

    @Override
    public String toString() {
        return "PersonalDataMask[" + (known == null ? "no" : "some") + " known values]";
    }
}
