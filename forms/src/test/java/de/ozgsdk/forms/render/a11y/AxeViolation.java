package de.ozgsdk.forms.render.a11y;

import java.util.List;

/**
 * One axe-core rule a page violates, with the elements that violate it.
 *
 * @param ruleId axe rule id, e.g. {@code color-contrast}, {@code label}
 * @param impact axe impact: minor, moderate, serious or critical
 * @param help axe's one-line description of the rule
 * @param nodes the violating elements
 * @param viewport where the page was laid out when axe ran
 */
record AxeViolation(String ruleId, String impact, String help, List<Node> nodes, Viewport viewport) {

    AxeViolation {
        nodes = List.copyOf(nodes);
    }

    /**
     * One violating element.
     *
     * @param target CSS selector of the element, as axe reports it
     * @param failureSummary axe's explanation of what to fix on this element
     */
    record Node(String target, String failureSummary) {
    }

    /** Selectors of all violating elements. */
    List<String> targets() {
        return nodes.stream().map(Node::target).toList();
    }

    /** A readable line for an assertion message: rule, impact, help and each element with what to fix. */
    String describe() {
        StringBuilder text = new StringBuilder()
                .append("axe ").append(ruleId).append(" (").append(impact).append(") at ").append(viewport).append(": ")
                .append(help);
        for (Node node : nodes) {
            text.append("\n    at ").append(node.target()).append(": ")
                    .append(node.failureSummary().replace("\n", " "));
        }
        return text.toString();
    }
}
