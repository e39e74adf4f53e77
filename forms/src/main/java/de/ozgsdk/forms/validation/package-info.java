/**
 * Validation of form data against its FIM schema: {@link de.ozgsdk.forms.validation.FormValidator} (built once per
 * schema) checks Multiplizität, Datentyp, Präzisierung, currency, code lists and the DIN SPEC 91379 character set,
 * and returns a {@link de.ozgsdk.forms.validation.ValidationResult} of
 * {@link de.ozgsdk.forms.validation.Violation}s with stable {@link de.ozgsdk.forms.validation.ViolationCode}s and
 * German and English messages. With executable rules ({@link de.ozgsdk.forms.rules}) it also applies conditional
 * requirement, conditional visibility and cross-field constraints, and tells which elements are hidden or required
 * for the data validated.
 *
 * <pre>{@code
 * FormValidator validator = FormValidator.builder(schema)     // the schema's FIM rules apply by default
 *         .codeValues(CodeValues.of(Map.of("urn:de:fim:codeliste:zustimmung", Set.of("01", "02"))))
 *         .build();
 * ValidationResult result = validator.validate(FormDataJson.of(schema).read(json));
 * for (Violation v : result.violations()) {
 *     System.out.println(v.path() + " " + v.code() + ": " + v.message(Locale.ENGLISH));
 * }
 * }</pre>
 */
package de.ozgsdk.forms.validation;
