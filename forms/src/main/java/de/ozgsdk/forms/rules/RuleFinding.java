package de.ozgsdk.forms.rules;

import de.ozgsdk.forms.internal.rules.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A reported (not thrown) finding about one rule: a problem met while evaluating it against form data, or the reason
 * why a FIM rule is not executable. The message names rule, column and element ids, never form values.
 *
 * @param ruleId the rule (or FIM rule) concerned
 * @param code what was found
 * @param arguments the message arguments; the first is the rule id
 */
public record RuleFinding(String ruleId, RuleError code, List<String> arguments) {

    public RuleFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
    }

    /** A finding whose message arguments are the rule id followed by the details. */
    static RuleFinding of(String ruleId, RuleError code, List<String> details) {
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add(ruleId);
        arguments.addAll(details);
        return new RuleFinding(ruleId, code, arguments);
    }

    /** The message in English for English locales, otherwise in German. */
    public String message(Locale locale) {
        return Messages.format(code, locale, arguments);
    }

    @Override
    public String toString() {
        return "[" + code.code() + "] " + message(Locale.ENGLISH);
    }
}
