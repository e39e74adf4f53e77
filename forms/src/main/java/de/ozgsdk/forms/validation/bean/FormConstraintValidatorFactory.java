package de.ozgsdk.forms.validation.bean;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link ConstraintValidatorFactory} that gives {@link ValidFormData} validators their {@link FormSchemaResolver}
 * and message locale, and leaves every other constraint to the provider's own factory. This is how a schema id
 * reaches its validator without static state.
 *
 * <pre>{@code
 * Configuration<?> config = Validation.byDefaultProvider().configure();
 * ValidatorFactory factory = config.constraintValidatorFactory(new FormConstraintValidatorFactory(
 *         config.getDefaultConstraintValidatorFactory(), FormSchemaResolver.of(List.of(formValidator)),
 *         Locale.GERMAN)).buildValidatorFactory();
 * Set<ConstraintViolation<Application>> violations = factory.getValidator().validate(application);
 * }</pre>
 *
 * <p>Messages are rendered in the locale given here, because Bean Validation gives constraint validators no portable
 * access to the locale the provider interpolates with. Use one factory per language if you need several.
 */
public final class FormConstraintValidatorFactory implements ConstraintValidatorFactory {

    private final ConstraintValidatorFactory delegate;
    private final FormSchemaResolver resolver;
    private final Locale locale;

    /**
     * @param delegate the provider's factory ({@code Configuration.getDefaultConstraintValidatorFactory()})
     * @param resolver finds the validator of a schema id
     * @param locale   the language of the messages (German unless {@code en})
     */
    public FormConstraintValidatorFactory(ConstraintValidatorFactory delegate, FormSchemaResolver resolver,
                                          Locale locale) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    @Override
    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
        if (key == FormDataConstraintValidator.class) {
            return key.cast(new FormDataConstraintValidator(resolver, locale));
        }
        return delegate.getInstance(key);
    }

    @Override
    public void releaseInstance(ConstraintValidator<?, ?> instance) {
        if (!(instance instanceof FormDataConstraintValidator)) {
            delegate.releaseInstance(instance);
        }
    }
}
