package de.ozgsdk.forms.validation.bean;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.forms.data.DataError;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The validator behind {@link ValidFormData}. Created by {@link FormConstraintValidatorFactory} (with a resolver for
 * schema ids); the no-argument constructor, which providers use without that factory, handles
 * {@link FormDataHolder}s only and writes German messages.
 */
public final class FormDataConstraintValidator implements ConstraintValidator<ValidFormData, Object> {

    private final FormSchemaResolver resolver;
    private final Locale locale;
    private String schemaId = "";

    /** For {@link FormDataHolder}s only, German messages. */
    public FormDataConstraintValidator() {
        this(id -> Optional.empty(), Locale.GERMAN);
    }

    FormDataConstraintValidator(FormSchemaResolver resolver, Locale locale) {
        this.resolver = resolver;
        this.locale = locale;
    }

    @Override
    public void initialize(ValidFormData annotation) {
        this.schemaId = annotation.schema();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        FormValidator validator;
        FormData data;
        boolean typeLevel = false;
        if (value instanceof FormDataHolder holder) {
            validator = Objects.requireNonNull(holder.formValidator(), "formValidator()");
            data = Objects.requireNonNull(holder.formData(), "formData()");
            typeLevel = true;
        } else if (value instanceof FormData formData) {
            validator = resolver.validator(schemaId).orElseThrow(() -> new ConfigurationException(
                    DataError.SCHEMA_NOT_REGISTERED, schemaId.isEmpty() ? "(@ValidFormData without schema)"
                            : schemaId));
            data = formData;
        } else {
            throw new ConfigurationException(DataError.SCHEMA_NOT_REGISTERED, value.getClass().getName()
                    + " (neither FormData nor FormDataHolder)");
        }
        ValidationResult result = validator.validate(data);
        if (result.isValid()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (Violation violation : result.violations()) {
            String path = typeLevel ? "formData." + violation.path() : violation.path().toString();
            context.buildConstraintViolationWithTemplate(escape(violation.message(locale)))
                    .addPropertyNode(path)
                    .addConstraintViolation();
        }
        return false;
    }

    /** Escapes what message interpolation would read as parameters or expressions. */
    private static String escape(String message) {
        StringBuilder out = new StringBuilder(message.length() + 8);
        for (char c : message.toCharArray()) {
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
