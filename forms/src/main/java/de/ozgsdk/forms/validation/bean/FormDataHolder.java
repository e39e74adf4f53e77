package de.ozgsdk.forms.validation.bean;

import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;

/**
 * An object that carries form data together with the validator of its schema, such as an application entity of a
 * service. Annotated with {@link ValidFormData} it validates without any registry.
 */
public interface FormDataHolder {

    /** The data to validate. */
    FormData formData();

    /** The validator of the data's schema (create it once per schema and share it). */
    FormValidator formValidator();
}
