package de.ozgsdk.portal.runtime;

import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.forms.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * What an adapter needs to render one form step: the application (data, prefilled and read-only paths, version for
 * the hidden field), the step's index and definition, and the violations of this step if the citizen pressed
 * "next" on it and it was not valid (the renderer shows those of this step and those of no step).
 *
 * @param state      the application
 * @param index      the step (0-based)
 * @param step       the step's title and elements
 * @param stepCount  the number of steps
 * @param violations the violations to show; empty on a first visit and after "back"
 */
public record StepPage(ApplicationState state, int index, StepPlan.Step step, int stepCount,
        List<Violation> violations) {

    /** Checks that every part is present and copies the violations. */
    public StepPage {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(step, "step");
        violations = List.copyOf(violations);
    }
}
