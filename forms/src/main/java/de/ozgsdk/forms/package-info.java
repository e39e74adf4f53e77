/**
 * FIM form engine: everything an online service needs to work with a form defined in FIM XDatenfelder 2.0 or 3.0,
 * from the Stammdatenschema file to checked form data.
 *
 * <p><b>Start here:</b> {@link de.ozgsdk.forms.FimForm}, one object per FIM form, built once from the file and its code
 * lists, that binds, validates (with the executable FIM rules), gives the data to submit, JSON, JSON Schema and HTML.
 * The parts behind it:
 *
 * <ul>
 *   <li><b>Model and import</b> (this package, see {@code forms/MODEL.md}): {@link de.ozgsdk.forms.FimImporter}
 *       reads an XDatenfelder message (hardened XML, line and column in every error, {@code OZG-FIM-1xx}/{@code 2xx})
 *       into the immutable, version-neutral {@link de.ozgsdk.forms.FormSchema} of
 *       {@link de.ozgsdk.forms.FieldGroup}s and {@link de.ozgsdk.forms.Field}s with Multiplizität, Datentyp,
 *       Präzisierung, code list references and rules; it can also be built in code.</li>
 *   <li><b>Code lists</b> ({@link de.ozgsdk.forms.codelist}): genericode code lists read by
 *       {@link de.ozgsdk.forms.codelist.GenericodeReader} and found by reference in a
 *       {@link de.ozgsdk.forms.codelist.CodeListRegistry} (directories, classpath, a remote source).</li>
 *   <li><b>Form data</b> ({@link de.ozgsdk.forms.data}): {@link de.ozgsdk.forms.data.FormData} keyed by element id,
 *       addressed by {@link de.ozgsdk.forms.data.DataPath}, as JSON ({@link de.ozgsdk.forms.data.FormDataJson}) or
 *       bound from an HTML form submission ({@link de.ozgsdk.forms.data.FormBinder}); see {@code forms/FORMDATA.md}.
 *       </li>
 *   <li><b>Validation</b> ({@link de.ozgsdk.forms.validation}): {@link de.ozgsdk.forms.validation.FormValidator}
 *       checks data against the schema (Multiplizität, Datentyp, Präzisierung, code lists, DIN SPEC 91379) with
 *       violations in German and English, also as a Jakarta Bean Validation constraint.</li>
 *   <li><b>Rules</b> ({@link de.ozgsdk.forms.rules}): executable rules (conditional requirement, conditional
 *       visibility, constraints) recognised from the German free text of FIM rules or written in a side file, and
 *       applied by the validator; see {@code forms/RULES.md}.</li>
 *   <li><b>JSON Schema</b> ({@link de.ozgsdk.forms.jsonschema}): a JSON Schema 2020-12 of the form's JSON data for
 *       front ends and other tools; see {@code forms/JSONSCHEMA.md}.</li>
 *   <li><b>HTML</b> ({@link de.ozgsdk.forms.render}): accessible form pages that work without JavaScript; see
 *       {@code forms/RENDERING.md}.</li>
 * </ul>
 *
 * <p>Load a form once, then validate every application's JSON data with it. The samples of this module read FIM
 * files from a folder {@code fim} ({@code xdf2/}, {@code codelists/}) and write to a folder {@code dir}; the build
 * runs each of them against the real files of {@code shared/fixtures/fim} ({@code FormsSnippetsTest}).
 *
 * <pre>{@code
 * CodeListRegistry codeLists = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
 * FimForm form = FimForm.load(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"), codeLists); // once, thread-safe
 *
 * FormData data = form.readJson(Files.readString(dir.resolve("antrag.json")));
 * ValidationResult result = form.validate(data);    // code lists and the recognised FIM rules included
 * for (Violation v : result.violations()) {
 *     System.out.println(v.path() + ": " + v.message(Locale.GERMAN));
 * }
 * String jsonSchema = form.jsonSchema().toJson();    // the same constraints for a front end
 * }</pre>
 *
 * <p>Errors are {@link de.ozgsdk.core.OzgException}s with a stable code: {@code getMessage()} is English with the code,
 * for logs; {@code userMessage(Locale)} is German or English without it, for users (see {@code forms/MODEL.md}).
 */
package de.ozgsdk.forms;
