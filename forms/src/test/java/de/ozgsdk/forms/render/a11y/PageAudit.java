package de.ozgsdk.forms.render.a11y;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the harness measured on one page: the axe-core violations and the layout findings in every viewport.
 *
 * @param page a name for the page in messages (schema, step, locale)
 * @param axe the WCAG 2.1 A/AA violations axe-core reported
 * @param layout the layout findings of all measured viewports
 */
record PageAudit(String page, List<AxeViolation> axe, List<LayoutFinding> layout) {

    PageAudit {
        axe = List.copyOf(axe);
        layout = List.copyOf(layout);
    }

    /** Every problem as a readable line naming the page; empty when the page passed all checks. */
    List<String> problems() {
        return Stream.concat(axe.stream().map(AxeViolation::describe), layout.stream().map(LayoutFinding::describe))
                .map(problem -> page + ": " + problem)
                .toList();
    }
}
