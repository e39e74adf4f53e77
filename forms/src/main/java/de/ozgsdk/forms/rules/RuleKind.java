package de.ozgsdk.forms.rules;

/** What an {@link ExecutableRule} does with its targets when its condition is evaluated. */
public enum RuleKind {
    /** The targets become required (Pflichtangabe) while the condition holds. */
    REQUIRED,
    /**
     * The targets are shown only while the condition holds; hidden targets are not validated and their data are
     * ignored (also by other rules) and dropped on submission.
     */
    VISIBLE,
    /**
     * The condition is an assertion about the data; when it does not hold, the rule's message is shown at the
     * targets.
     */
    CONSTRAINT
}
