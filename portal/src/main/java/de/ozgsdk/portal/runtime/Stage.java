package de.ozgsdk.portal.runtime;

/** Where an application stands in the flow of its service. */
public enum Stage {
    /** The service needs a login at its trust level and the application has no logged-in owner yet. */
    LOGIN_REQUIRED,
    /** The citizen fills a form step ({@link ApplicationState#step()}). */
    STEP,
    /** Every step is valid; the citizen checks the answers before paying or submitting. */
    REVIEW,
    /** The answers are confirmed and a fee is due; submit is possible once it is paid. */
    PAYMENT,
    /** The application was submitted; only its receipt remains. */
    SUBMITTED
}
