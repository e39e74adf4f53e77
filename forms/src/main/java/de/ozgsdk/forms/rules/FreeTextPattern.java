package de.ozgsdk.forms.rules;

/** A German phrase of FIM rule free texts that {@link FreeTextRecognizer} turns into an expression. */
public enum FreeTextPattern {
    /**
     * "Wenn bei F… "02 …" angegeben wird, dann wird G… zur Pflichtangabe", "F… ist Pflichtfeld, wenn …", "Wenn das Feld
     * F… = 97 "Andere", dann muss das Feld F… befüllt sein".
     */
    CONDITIONAL_REQUIRED,
    /**
     * "F… ist nur dann zu befüllen, wenn F… bejaht wurde", "F… wird nur angezeigt, wenn …", and with the negated
     * condition "Wenn F… {@code <>} 97, dann darf F… nicht befüllt sein".
     */
    CONDITIONAL_VISIBLE,
    /** "Es muss entweder Feldgruppe G… oder Feldgruppe G… befüllt werden". */
    EXACTLY_ONE,
    /** "Mindestens eines der Felder F…, F… muss befüllt sein". */
    AT_LEAST_ONE,
    /** "Das Datum F… muss nach F… liegen", "F… darf nicht vor F… liegen". */
    DATE_ORDER,
    /** "F… darf nicht in der Zukunft liegen", "F… muss in der Vergangenheit liegen". */
    DATE_RELATIVE_TO_TODAY
}
