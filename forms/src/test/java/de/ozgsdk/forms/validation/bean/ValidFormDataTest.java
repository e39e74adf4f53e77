package de.ozgsdk.forms.validation.bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.TestSchemas;
import de.ozgsdk.forms.validation.FormValidator;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The bridge inside a real Hibernate Validator. */
class ValidFormDataTest {

    private static final FormValidator FORM_VALIDATOR = FormValidator.of(TestSchemas.person());
    private static final ValidatorFactory ENGLISH = factory(Locale.ENGLISH);
    private static final ValidatorFactory PLAIN = Validation.buildDefaultValidatorFactory();

    static class Application {
        @NotBlank
        String reference = "A-1";

        @ValidFormData(schema = "S1")
        FormData formData;

        Application(FormData formData) {
            this.formData = formData;
        }
    }

    @ValidFormData
    record Holder(FormData formData) implements FormDataHolder {
        @Override
        public FormValidator formValidator() {
            return FORM_VALIDATOR;
        }
    }

    private static final FormValidator BRACES = FormValidator.of(TestSchemas.schema(TestSchemas.ref(
            TestSchemas.field("F1", "Preis {netto} ${1+1}", "Price", de.ozgsdk.forms.DataType.TEXT,
                    de.ozgsdk.forms.Precision.NONE), "1:1")));

    @ValidFormData
    record BracesHolder(FormData formData) implements FormDataHolder {
        @Override
        public FormValidator formValidator() {
            return BRACES;
        }
    }

    static class UnknownSchema {
        @ValidFormData(schema = "S404")
        FormData formData = FormData.empty();
    }

    private static ValidatorFactory factory(Locale locale) {
        Configuration<?> config = Validation.byDefaultProvider().configure();
        return config.constraintValidatorFactory(new FormConstraintValidatorFactory(
                config.getDefaultConstraintValidatorFactory(), FormSchemaResolver.of(List.of(FORM_VALIDATOR)),
                locale)).buildValidatorFactory();
    }

    @AfterAll
    static void close() {
        ENGLISH.close();
        PLAIN.close();
    }

    @Test
    void acceptsValidFormDataAlongsideOtherConstraints() {
        assertThat(ENGLISH.getValidator().validate(new Application(TestSchemas.minimalPerson()))).isEmpty();
    }

    @Test
    void mapsEachFormViolationToAConstraintViolationWithTheDataPath() {
        FormData data = TestSchemas.minimalPerson().toBuilder().value("F1", "x".repeat(56))
                .group("G2", FormData.builder().value("F32", "heute").build()).build();

        Set<ConstraintViolation<Application>> violations = ENGLISH.getValidator().validate(new Application(data));

        assertThat(violations).extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("formData.F1",
                                "Please enter at most 55 characters for “Surname”."),
                        org.assertj.core.groups.Tuple.tuple("formData.G2[0].F30", "Please fill in “Name of the child”."),
                        org.assertj.core.groups.Tuple.tuple("formData.G2[0].F32",
                                "Please enter a valid date for “Child's date of birth” as YYYY-MM-DD or DD.MM.YYYY,"
                                        + " e.g. 2024-01-31."));
    }

    @Test
    void reportsUnknownElementsAsConstraintViolations() {
        FormData data = FormData.builder().value("F99", "x").build();
        Validator validator = ENGLISH.getValidator();

        assertThat(validator.validate(new Application(data))).extracting(ConstraintViolation::getMessage)
                .contains("The entry F99 does not belong to this form. Please reload the form.");
    }

    @Test
    void keepsBracesAndExpressionsInLabelsLiteral() {
        assertThat(PLAIN.getValidator().validate(new BracesHolder(FormData.empty())))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("Bitte füllen Sie „Preis {netto} ${1+1}“ aus.");
    }

    @Test
    void validatesAHolderWithoutAnyConfiguration() {
        Set<ConstraintViolation<Holder>> violations = PLAIN.getValidator()
                .validate(new Holder(FormData.builder().value("F1", "Müller").build()));

        assertThat(violations).extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
                .contains(org.assertj.core.groups.Tuple.tuple("formData.G1[0].F20", "Bitte füllen Sie „Straße“ aus."));
    }

    @Test
    void failsClearlyForAnUnregisteredSchema() {
        assertThatThrownBy(() -> ENGLISH.getValidator().validate(new UnknownSchema()))
                .isInstanceOf(ValidationException.class)
                .hasRootCauseInstanceOf(ConfigurationException.class)
                .rootCause().hasMessageContaining("S404");
    }
}
