package de.ozgsdk.forms.validation.bean;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation constraint: the annotated {@link de.ozgsdk.forms.data.FormData} (field, getter, parameter) is valid
 * against the schema named by {@link #schema()}, or the annotated {@link FormDataHolder} (type or field) is valid
 * against the validator it carries. Each violation of the form becomes one {@code ConstraintViolation} whose property
 * path ends in the data path ({@code formData.G60000086[0].F60000227}) and whose message is the violation's message.
 *
 * <pre>{@code
 * class Application {
 *     @ValidFormData(schema = "S05000058")
 *     FormData formData;
 * }
 * }</pre>
 *
 * @see FormConstraintValidatorFactory how a schema id finds its validator
 */
@Documented
@Constraint(validatedBy = FormDataConstraintValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidFormData {

    /** The schema id ({@code FormSchema.id().id()}, e.g. {@code S60000011}); empty for a {@link FormDataHolder}. */
    String schema() default "";

    /** Not used for the violations of the form (they carry their own messages); kept as Bean Validation requires. */
    String message() default "{de.ozgsdk.forms.validation.bean.ValidFormData.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
