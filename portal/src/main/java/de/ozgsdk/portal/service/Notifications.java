package de.ozgsdk.portal.service;

import de.ozgsdk.core.LocalizedText;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the citizen receives after submitting: the subject and text of the postbox message and the introduction of
 * the PDF receipt. The texts are templates with the placeholders {@code {service}}, {@code {submissionId}},
 * {@code {municipality}} and {@code {submittedAt}}, which the runtime fills; other braces stay as they are.
 *
 * @param postboxSubject the subject of the postbox message
 * @param postboxText    the plain text of the postbox message
 * @param receiptIntro   the paragraph at the top of the receipt
 */
public record Notifications(LocalizedText postboxSubject, LocalizedText postboxText, LocalizedText receiptIntro) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(service|submissionId|municipality|submittedAt)}");

    /** Checks that every text is present. */
    public Notifications {
        Objects.requireNonNull(postboxSubject, "postboxSubject");
        Objects.requireNonNull(postboxText, "postboxText");
        Objects.requireNonNull(receiptIntro, "receiptIntro");
    }

    /** The texts a service gets unless it defines its own, in German and English. */
    public static Notifications defaults() {
        return new Notifications(
                LocalizedText.builder("Ihr Antrag: {service}")
                        .put(Locale.ENGLISH, "Your application: {service}").build(),
                LocalizedText.builder("Ihr Antrag \"{service}\" ist am {submittedAt} bei {municipality} eingegangen. "
                                + "Vorgangsnummer: {submissionId}. Die Eingangsbestätigung liegt bei.")
                        .put(Locale.ENGLISH, "Your application \"{service}\" reached {municipality} on {submittedAt}. "
                                + "Reference: {submissionId}. The receipt is attached.").build(),
                LocalizedText.builder("Ihr Antrag ist eingegangen. Bitte bewahren Sie diese Bestätigung auf.")
                        .put(Locale.ENGLISH, "Your application has been received. Please keep this receipt.")
                        .build());
    }

    /**
     * Fills the placeholders of {@code template} in {@code locale} from {@code values} (keys {@code service},
     * {@code submissionId}, {@code municipality}, {@code submittedAt}); a placeholder without a value stays.
     */
    public static String fill(LocalizedText template, Locale locale, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template.get(locale));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
