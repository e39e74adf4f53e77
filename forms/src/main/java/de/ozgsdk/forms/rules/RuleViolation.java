package de.ozgsdk.forms.rules;

import de.ozgsdk.core.LocalizedText;
import java.util.List;
import java.util.Objects;

/**
 * A constraint that does not hold for the form data: the validation layer shows the message at the target elements.
 *
 * @param ruleId the violated rule
 * @param targets the elements at which to show the message
 * @param message what the citizen must correct, in German and possibly other languages
 */
public record RuleViolation(String ruleId, List<String> targets, LocalizedText message) {

    public RuleViolation {
        Objects.requireNonNull(ruleId, "ruleId");
        targets = List.copyOf(targets);
        Objects.requireNonNull(message, "message");
    }
}
