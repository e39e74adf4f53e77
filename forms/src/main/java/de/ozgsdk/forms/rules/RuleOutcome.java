package de.ozgsdk.forms.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of evaluating a {@link RuleSet} against form data: which elements are required, which are hidden, which
 * constraints are violated, and which rules could not be evaluated because the data did not fit them.
 *
 * @param requiredBy elements made required by a {@link RuleKind#REQUIRED} rule (never a hidden one), each with the
 *     id of the first rule in the set that requires it
 * @param hidden targets of {@link RuleKind#VISIBLE} rules whose condition does not hold; elements inside a hidden
 *     group are hidden too, and the validation layer must neither validate nor keep them
 * @param violations violated {@link RuleKind#CONSTRAINT} rules
 * @param problems rules that could not be evaluated; a required rule with a problem makes nothing required, a
 *     visibility rule with a problem leaves its targets visible, a constraint with a problem is not reported as
 *     violated
 */
public record RuleOutcome(Map<String, String> requiredBy, Set<String> hidden, List<RuleViolation> violations,
        List<RuleFinding> problems) {

    public RuleOutcome {
        requiredBy = Map.copyOf(requiredBy);
        hidden = Set.copyOf(hidden);
        violations = List.copyOf(violations);
        problems = List.copyOf(problems);
    }

    /** The elements made required by a {@link RuleKind#REQUIRED} rule (never a hidden one). */
    public Set<String> required() {
        return requiredBy.keySet();
    }

    public boolean isRequired(String elementId) {
        return requiredBy.containsKey(elementId);
    }

    /** Whether a rule hides the element itself (ask the form structure for elements inside hidden groups). */
    public boolean isHidden(String elementId) {
        return hidden.contains(elementId);
    }
}
