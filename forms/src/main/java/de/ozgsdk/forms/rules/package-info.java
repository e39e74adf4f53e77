/**
 * Executable rules for FIM forms: a small, safe expression language (no script engine, no reflection, no I/O) for
 * conditional requirement, conditional visibility and cross-field constraints; rule side files in JSON; and the
 * recognition of common German phrases in the free text of FIM rules.
 *
 * <h2>Where rules come from</h2>
 * <ul>
 *   <li>{@link de.ozgsdk.forms.rules.FreeTextRecognizer}: the free text of each FIM rule ({@code definition},
 *       {@code freitextRegel}) becomes an {@link de.ozgsdk.forms.rules.ExecutableRule} where the phrase is
 *       unambiguous; a {@link de.ozgsdk.forms.rules.RecognitionReport} says for every FIM rule how it is executed or
 *       why not. FIM scripts are never executed.</li>
 *   <li>{@link de.ozgsdk.forms.rules.RuleFiles}: a service author attaches rules in a JSON side file (the FIM file
 *       stays untouched); a side-file rule with the id of a FIM rule replaces what was recognised
 *       ({@link de.ozgsdk.forms.rules.RuleSet#overriddenBy}).</li>
 *   <li>{@link de.ozgsdk.forms.rules.FormRules}: recognises all FIM rules of a {@link de.ozgsdk.forms.FormSchema}
 *       and checks rule sets against the schema's elements and Datentypen; the validator
 *       ({@code FormValidator.builder(schema).rules(ruleSet)}) applies them, see {@code forms/RULES.md}.</li>
 * </ul>
 *
 * <h2>Rule kinds</h2>
 * {@code required}: the targets are required while the condition holds. {@code visible}: the targets are shown only
 * while the condition holds; hidden elements are not validated and their data are ignored, also by other rules.
 * {@code constraint}: the condition must hold, otherwise the message is shown at the targets.
 *
 * <h2>Grammar</h2>
 * <pre class="language-text">
 * condition   = or
 * or          = and { "or" and }
 * and         = not { "and" not }
 * not         = "not" not | primary
 * primary     = "(" condition ")"
 *             | "true" | "false"                                  (alone, not followed by a comparison)
 *             | conditionFn "(" arguments ")"
 *             | value compare value                               (comparisons do not chain)
 * compare     = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value       = element | string | number | "true" | "false" | valueFn "(" arguments ")"
 * element     = upper-case letter { letter | digit | "_" } { "-" ( letter | digit | "_" ) ... }
 *               e.g. F05001047, G05000499, F60000000227, F00-4cb0dd14-629c-4661-9435-4e9eadc43e07
 * string      = '"' ... '"' | "'" ... "'"                          (escapes: \" \' \\ only)
 * number      = [ "-" ] digits [ "." digits ]
 * conditionFn = filled(E) | empty(E) | exactlyOne(E, E, ...) | atLeastOne(E, E, ...) | in(value, literal, ...)
 * valueFn     = count(E) | len(value) | today() | age(value) | addDays(value, value) | addMonths(value, value)
 *             | addYears(value, value) | date("2024-01-31") | time("14:30") | dateTime("2024-01-31T14:30")
 * </pre>
 * Element ids start with an upper-case letter; keywords and functions are lower-case, so a typo such as
 * {@code filed(F1)} or {@code ture} is reported with the closest correct word. Expressions are at most
 * {@value de.ozgsdk.forms.internal.rules.Parser#MAX_LENGTH} characters (of their canonical text) and nest at most
 * {@value de.ozgsdk.forms.internal.rules.Parser#MAX_DEPTH} levels.
 *
 * <h2>Semantics</h2>
 * Comparisons are typed: texts and codes with texts, numbers with numbers (by value: {@code 18 == 18.0}), booleans,
 * dates, times and date-times each with their own kind; {@code < <= > >=} only for numbers and the temporal types.
 * A comparison with an empty field is false, whatever the operator ({@code F1 != "02"} is false while F1 is empty;
 * write {@code empty(F1) or F1 != "02"} if that is meant). Data that do not fit a rule (a text compared with a date,
 * several values where one is expected) make the rule report a {@link de.ozgsdk.forms.rules.RuleFinding} instead of
 * failing. When the element types are known, {@link de.ozgsdk.forms.rules.RuleSet#checkTypes} rejects such rules at
 * load time. {@code today()} reads the injected {@link java.time.Clock}.
 *
 * <p>Element ids resolve through {@link de.ozgsdk.forms.rules.RuleScope}, which the validation layer implements per
 * group instance: nearest occurrence first (same group instance, then enclosing groups, then the whole form). Each
 * rule is evaluated in every instance of its home group, the innermost group holding the elements it names (see
 * {@code forms/RULES.md}), so that rules inside repeated groups apply per instance.
 */
package de.ozgsdk.forms.rules;
