/**
 * Jakarta Bean Validation bridge: {@link de.ozgsdk.forms.validation.bean.ValidFormData} validates form data inside a
 * user's usual {@code jakarta.validation.Validator}. The schema is found either through the validated object
 * ({@link de.ozgsdk.forms.validation.bean.FormDataHolder}) or through a
 * {@link de.ozgsdk.forms.validation.bean.FormSchemaResolver} handed to the provider by
 * {@link de.ozgsdk.forms.validation.bean.FormConstraintValidatorFactory}; there is no global registry. Needs
 * {@code jakarta.validation:jakarta.validation-api} and a provider such as Hibernate Validator on the class path.
 *
 * <pre>{@code
 * record Application(@ValidFormData(schema = "S05000058") FormData formData) { }
 *
 * Configuration<?> config = Validation.byDefaultProvider().configure();
 * Validator validator = config.constraintValidatorFactory(new FormConstraintValidatorFactory(
 *                 config.getDefaultConstraintValidatorFactory(),
 *                 FormSchemaResolver.of(List.of(form.validator())), Locale.GERMAN))
 *         .buildValidatorFactory().getValidator();
 * Set<ConstraintViolation<Application>> violations = validator.validate(new Application(data));
 * // property paths such as formData.G05000496[0].F05000059
 * }</pre>
 */
package de.ozgsdk.forms.validation.bean;
