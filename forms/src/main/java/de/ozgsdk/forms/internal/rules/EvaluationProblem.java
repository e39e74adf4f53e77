package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.RuleError;
import java.util.List;

/**
 * Stops the evaluation of one rule whose data do not fit it (type mismatch, several values); the rule set turns it
 * into a reported problem, so it never reaches a caller. Carries no stack trace: it is a result, not a bug.
 */
public final class EvaluationProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RuleError code;
    private final List<String> details;

    EvaluationProblem(RuleError code, List<String> details) {
        super(code.code(), null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public RuleError code() {
        return code;
    }

    /** The message arguments after the rule id. */
    public List<String> details() {
        return details;
    }
}
