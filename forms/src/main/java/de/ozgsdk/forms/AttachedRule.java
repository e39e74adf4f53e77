package de.ozgsdk.forms;

import java.util.Objects;

/**
 * A rule together with the element it is attached to: the schema itself, a Datenfeldgruppe or a Datenfeld.
 *
 * @param rule  the rule
 * @param owner the id of the schema, group or field whose {@code <xdf:regel>} it is
 */
public record AttachedRule(FormRule rule, FimId owner) {

    public AttachedRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(owner, "owner");
    }
}
