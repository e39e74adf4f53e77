package de.ozgsdk.forms.rules;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.AttachedRule;
import de.ozgsdk.forms.CodeListColumns;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormRule;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SchemaElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects executable rules with a {@link FormSchema}: recognises the schema's own FIM rules and checks rule sets
 * against the schema's elements and Datentypen, so that a bad rule fails when it is loaded, not when a citizen fills
 * the form.
 *
 * <pre>{@code
 * FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
 * RecognitionReport report = FormRules.recognize(schema);
 * System.out.print(report.format(Locale.GERMAN));          // each FIM rule: executable (and how) or why not
 * FormValidator validator = FormValidator.builder(schema)  // applies report.toRuleSet() by default ...
 *         .rules(RuleFiles.read(dir.resolve("S05000058.rules.json")))  // ... overridden by the side file
 *         .build();                                        // checks the rules, see check()
 * }</pre>
 */
public final class FormRules {

    private static final Logger LOG = LoggerFactory.getLogger(FormRules.class);

    /**
     * A subject that refers to the element the FIM rule is attached to instead of naming its id ("Dieses Feld ist
     * Pflichtfeld, wenn …"); never followed by an id, which would make it an ordinary reference.
     */
    private static final Pattern DEICTIC = Pattern.compile(
            "(?<![\\p{L}])(?:dieses|diese|dieser|das|die|der)\\s+(?<noun>datenfeldgruppe|feldgruppe|gruppe|datenfeld|"
                    + "feld|angabe)(?![\\p{L}])(?!\\s+(?:[FG]\\d|[FG]00-))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private FormRules() {
    }

    /**
     * Recognises every FIM rule of the schema ({@link FormSchema#rules()}, in file order) with
     * {@link FreeTextRecognizer}, and checks each derived rule against the schema: a rule that names an element the
     * schema does not have, or compares values of unfitting Datentypen, is reported as not executable with that
     * reason. A rule text that names no target but speaks of its own element ("Dieses Feld ist Pflichtfeld, wenn
     * F… bejaht wurde.") takes the field or group it is attached to as target, but only when that is unambiguous:
     * the rule is attached to exactly one element, which is a field or group of the kind the text names, and the
     * text refers to it exactly once.
     */
    public static RecognitionReport recognize(FormSchema schema) {
        return recognize(schema, (reference, columns) -> Optional.empty());
    }

    /**
     * Like {@link #recognize(FormSchema)}, and checks the codes a rule compares a field with ({@code F… = 97},
     * {@code bei F… "02 …" angegeben}) against the field's codes: its inline values, else its code list as
     * {@code codeLists} gives it (e.g. {@code codeValues::codes} of the validator's
     * {@link de.ozgsdk.forms.validation.CodeValues}). A rule comparing with a code the field does not have is not
     * executable ({@link RuleError#TEXT_CODE_NOT_IN_LIST}): its condition would never, or always, hold.
     *
     * @param codeLists the codes of a referenced code list in the field's code column, or empty when not available
     *     (then codes of that list are not checked)
     */
    public static RecognitionReport recognize(FormSchema schema,
            BiFunction<CodeListReference, CodeListColumns, Optional<Set<String>>> codeLists) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(codeLists, "codeLists");
        FreeTextRecognizer recognizer = new FreeTextRecognizer();
        Map<String, Set<String>> codes = fieldCodes(schema, codeLists);
        Set<String> known = elementIds(schema);
        Map<String, ValueType> types = elementTypes(schema);
        Map<String, Set<String>> ownersByRule = new HashMap<>();
        for (AttachedRule attached : schema.rules()) {
            ownersByRule.computeIfAbsent(attached.rule().id().id(), k -> new LinkedHashSet<>())
                    .add(attached.owner().id());
        }
        List<Recognition> entries = new ArrayList<>();
        for (AttachedRule attached : schema.rules()) {
            boolean soleOwner = ownersByRule.get(attached.rule().id().id()).size() == 1;
            Recognition recognition = recognize(recognizer, schema, attached, soleOwner);
            entries.add(checked(recognition, known, types, codes));
        }
        return RecognitionReport.of(entries);
    }

    /**
     * Checks a rule set against the schema: the rule set is for this schema (if it names one), every element it
     * names exists ({@link RuleSet#checkElements}), and comparisons fit the Datentypen
     * ({@link RuleSet#checkTypes} with {@link #elementTypes}).
     *
     * @return the rule set, for chaining
     * @throws InvalidInputException ({@link RuleError#SCHEMA_MISMATCH}) when the rule set names another schema
     * @throws RuleSyntaxException for an unknown element or a type mismatch, naming rule, place and column, with a
     *     hint
     */
    public static RuleSet check(RuleSet rules, FormSchema schema) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(schema, "schema");
        String schemaId = schema.id().id();
        if (rules.schemaId().isPresent() && !rules.schemaId().get().equals(schemaId)) {
            throw new InvalidInputException(RuleError.SCHEMA_MISMATCH, rules.schemaId().get(), schemaId);
        }
        return rules.checkElements(elementIds(schema)).checkTypes(elementTypes(schema));
    }

    /**
     * The type of every Datenfeld and Datenfeldgruppe of the schema as the rule language sees it: fields by Datentyp
     * ({@link ValueType#ofFimDatentyp}), groups {@link ValueType#GROUP}. The Datentyp decides as in
     * {@code FormValidator} and the JSON Schema export: a {@code bool}, number, date or time field with a Codeliste or
     * inline values holds values of its Datentyp (a {@code bool} field is {@link ValueType#BOOLEAN}, so „bejaht“
     * compares it with {@code true}); only a text, file or obj field with codes is {@link ValueType#CODE} (codes such
     * as {@code "02"} are compared as texts). An id used for two versions of an element takes the first in file
     * order, as {@link FormSchema#element(String)} does.
     */
    public static Map<String, ValueType> elementTypes(FormSchema schema) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            types.putIfAbsent(field.id().id(), type(field));
        }
        for (FieldGroup group : schema.groups()) {
            types.putIfAbsent(group.id().id(), ValueType.GROUP);
        }
        return Map.copyOf(types);
    }

    private static ValueType type(Field field) {
        ValueType byDatentyp = ValueType.ofFimDatentyp(field.dataType().code()).orElse(ValueType.TEXT);
        boolean hasCodes = field.codeList().isPresent() || !field.values().isEmpty();
        boolean untyped = byDatentyp == ValueType.TEXT || byDatentyp == ValueType.FILE;
        return hasCodes && untyped ? ValueType.CODE : byDatentyp;
    }

    private static Set<String> elementIds(FormSchema schema) {
        Set<String> ids = new LinkedHashSet<>();
        schema.fields().forEach(f -> ids.add(f.id().id()));
        schema.groups().forEach(g -> ids.add(g.id().id()));
        return ids;
    }

    private static Recognition recognize(FreeTextRecognizer recognizer, FormSchema schema, AttachedRule attached,
            boolean soleOwner) {
        FormRule rule = attached.rule();
        String id = rule.id().id();
        String freeText = rule.freeText().orElse("");
        String script = rule.script().orElse("");
        Recognition plain = recognizer.recognize(id, rule.name(), freeText, script);
        if (plain.isExecutable() || !soleOwner || !namesNoTarget(plain)) {
            return plain;
        }
        Optional<SchemaElement> owner = schema.element(attached.owner().id())
                .filter(e -> !attached.owner().id().equals(schema.id().id()));
        return owner.flatMap(o -> withOwnerAsTarget(recognizer, rule, freeText, script, o)).orElse(plain);
    }

    private static boolean namesNoTarget(Recognition recognition) {
        RuleError reason = recognition.reason().orElseThrow().code();
        return reason == RuleError.TEXT_NO_PATTERN || reason == RuleError.TEXT_NO_ELEMENT_ID;
    }

    /** The recognition of the text with its one reference to "this field/group" replaced by the owner's id. */
    private static Optional<Recognition> withOwnerAsTarget(FreeTextRecognizer recognizer, FormRule rule,
            String freeText, String script, SchemaElement owner) {
        Matcher matcher = DEICTIC.matcher(freeText);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int start = matcher.start();
        int end = matcher.end();
        String noun = matcher.group("noun").toLowerCase(Locale.ROOT);
        if (matcher.find() || !fitsKind(noun, owner)) {
            return Optional.empty();
        }
        String ownerId = owner.id().id();
        String substituted = freeText.substring(0, start) + ownerId + freeText.substring(end);
        Recognition recognition = recognizer.recognize(rule.id().id(), rule.name(), substituted, script);
        boolean ownerIsTarget = recognition.rule().map(r -> r.targets().contains(ownerId)
                && !r.condition().elementIds().contains(ownerId)).orElse(false);
        if (!ownerIsTarget) {
            return Optional.empty();
        }
        LOG.debug("FIM rule {} takes its element {} as target", rule.id().id(), ownerId);
        return Optional.of(recognition);
    }

    private static boolean fitsKind(String noun, SchemaElement owner) {
        if (noun.equals("angabe")) {
            return true;
        }
        boolean groupWord = noun.endsWith("gruppe");
        return groupWord == (owner instanceof FieldGroup);
    }

    /** The recognition, or "not executable" when one of its rules does not fit the schema. */
    private static Recognition checked(Recognition recognition, Set<String> known, Map<String, ValueType> types,
            Map<String, Set<String>> codes) {
        if (!recognition.isExecutable()) {
            return recognition;
        }
        try {
            RuleSet.of(recognition.rules()).checkElements(known).checkTypes(types);
        } catch (RuleSyntaxException e) {
            LOG.debug("FIM rule {} does not fit the schema: {}", recognition.fimRuleId(), e.code().code());
            RuleFinding reason = new RuleFinding(recognition.fimRuleId(), (RuleError) e.code(), e.arguments());
            return Recognition.notExecutable(recognition.fimRuleId(), recognition.name(), reason,
                    recognition.hasScript());
        }
        for (ExecutableRule rule : recognition.rules()) {
            for (Map.Entry<String, Set<String>> compared : rule.condition().comparedTexts().entrySet()) {
                Set<String> allowed = codes.get(compared.getKey());
                if (types.get(compared.getKey()) != ValueType.CODE || allowed == null) {
                    continue;
                }
                for (String code : compared.getValue()) {
                    if (!allowed.contains(code)) {
                        LOG.debug("FIM rule {} compares {} with a code it does not have", recognition.fimRuleId(),
                                compared.getKey());
                        RuleFinding reason = RuleFinding.of(recognition.fimRuleId(), RuleError.TEXT_CODE_NOT_IN_LIST,
                                List.of(compared.getKey(), code, Integer.toString(allowed.size())));
                        return Recognition.notExecutable(recognition.fimRuleId(), recognition.name(), reason,
                                recognition.hasScript());
                    }
                }
            }
        }
        return recognition;
    }

    /** The codes of every field whose codes are known: inline values, else the code list from {@code codeLists}. */
    private static Map<String, Set<String>> fieldCodes(FormSchema schema,
            BiFunction<CodeListReference, CodeListColumns, Optional<Set<String>>> codeLists) {
        Map<String, Set<String>> codes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Field field : schema.fields()) {
            if (!seen.add(field.id().id())) {
                continue;
            }
            if (!field.values().isEmpty()) {
                Set<String> values = new LinkedHashSet<>();
                field.values().forEach(value -> values.add(value.code()));
                codes.put(field.id().id(), Set.copyOf(values));
            } else if (field.codeList().isPresent()) {
                codeLists.apply(field.codeList().get(), field.codeListColumns())
                        .ifPresent(list -> codes.put(field.id().id(), Set.copyOf(list)));
            }
        }
        return codes;
    }
}
