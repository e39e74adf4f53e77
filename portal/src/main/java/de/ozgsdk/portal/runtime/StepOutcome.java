package de.ozgsdk.portal.runtime;

import de.ozgsdk.forms.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * The result of posting a step: the stored application (on "next" with violations it stays on the step, otherwise
 * it moved on or back) and the violations of the step, if any.
 *
 * @param state            the application as stored now
 * @param violations       the violations of the posted step (empty unless "next" found some)
 * @param changedStructure whether an instance of a repeated group was added or removed: show the step again
 */
public record StepOutcome(ApplicationState state, List<Violation> violations, boolean changedStructure) {

    /** Checks that every part is present and copies the violations. */
    public StepOutcome {
        Objects.requireNonNull(state, "state");
        violations = List.copyOf(violations);
    }

    /** Whether the step was accepted (no violations). */
    public boolean accepted() {
        return violations.isEmpty();
    }
}
