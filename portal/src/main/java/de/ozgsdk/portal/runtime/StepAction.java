package de.ozgsdk.portal.runtime;

/** What the citizen pressed on a form step. */
public enum StepAction {
    /** Validate the step and go on to the next step or the review page. */
    NEXT,
    /** Keep the input as it is, without validating, and go to the previous step. */
    BACK,
    /** Keep the input as it is, without validating, and stay (save and leave, or add/remove an instance). */
    SAVE
}
