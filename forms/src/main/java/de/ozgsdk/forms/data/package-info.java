/**
 * Form data of a FIM schema: {@link de.ozgsdk.forms.data.FormData} (an immutable tree of values keyed by element id,
 * with repeatable groups), {@link de.ozgsdk.forms.data.DataPath} (the address of a value,
 * {@code G60000086[0].F60000227}), JSON in FIT-Connect "Fachdaten" style ({@link de.ozgsdk.forms.data.FormDataJson})
 * and binding of HTML form submissions ({@link de.ozgsdk.forms.data.FormBinder}); see {@code forms/FORMDATA.md}.
 *
 * <pre>{@code
 * FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S00000009_xdatenfelder.xml"));
 * FormBinder binder = FormBinder.of(schema);
 * BindResult bound = binder.bind(Map.of(
 *         "F00000152", List.of("Köln"),
 *         "G00000091[0].F00000034", List.of("Muster GmbH"),
 *         "_add", List.of("G00000091")));        // the "add another" button was pressed
 * FormData data = bound.data();
 * String json = FormDataJson.of(schema).write(data); // {"F00000152":"Köln","G00000091":[{...},{}]}
 * ValidationResult result = FormValidator.of(schema).validate(data);
 * }</pre>
 *
 * <p><b>Form parameter scheme.</b> A parameter name is a data path: {@code F1} (top-level field),
 * {@code G1[0].F2} (field in instance 0 of group G1; {@code G1.F2} means the same), {@code F3[2]} (value 2 of a
 * repeated field). Repeated names (multi-select, checkbox groups) give several values. A {@code bool} checkbox is
 * rendered after a hidden input with the same name and value {@code false}; the last value wins. The buttons
 * {@code _add=G1} / {@code _remove=G1[1]} add or remove an instance of a repeatable group; other names starting with
 * {@code _} are ignored. Limits: {@link de.ozgsdk.forms.data.DataLimits}.
 */
package de.ozgsdk.forms.data;
