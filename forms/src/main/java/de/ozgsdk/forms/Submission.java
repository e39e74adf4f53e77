package de.ozgsdk.forms;

import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.ValidationResult;

/**
 * Form data that passed {@link FimForm#validate} and are ready to store and send: without the answers that rules
 * hide ({@link ValidationResult#visibleData()}), so that what a citizen entered before changing an answer does not
 * travel with the application. Only {@link FimForm#submission(FormData)} makes one, so a method that takes a
 * {@code Submission} gets checked data of a known form.
 */
public final class Submission {

    private final FimForm form;
    private final ValidationResult validation;

    Submission(FimForm form, ValidationResult validation) {
        this.form = form;
        this.validation = validation;
    }

    /** The form the data were validated with. */
    public FimForm form() {
        return form;
    }

    /** The data to submit: valid, hidden answers dropped, values as entered. */
    public FormData data() {
        return validation.visibleData();
    }

    /** The validation that accepted the data, e.g. for typed values ({@link ValidationResult#value}). */
    public ValidationResult validation() {
        return validation;
    }

    /** The data as JSON ({@link FimForm#toJson(FormData)}). */
    public String toJson() {
        return form.toJson(data());
    }

    /** The form's schema id and the structure of the data (never values: they are personal data). */
    @Override
    public String toString() {
        return "Submission[" + form.schema().id() + ", " + data() + "]";
    }
}
