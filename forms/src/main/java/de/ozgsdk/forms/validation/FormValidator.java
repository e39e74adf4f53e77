package de.ozgsdk.forms.validation;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.data.DataError;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.data.ValueParser;
import de.ozgsdk.forms.internal.validation.LatinCharacters;
import de.ozgsdk.forms.internal.validation.RulePlan;
import de.ozgsdk.forms.internal.validation.RuleResults;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.forms.rules.RuleSyntaxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@link FormData} against every constraint of a {@link FormSchema}: Multiplizität of fields and groups,
 * Datentyp, Präzisierung (length, pattern, value range), currency amounts, code lists and inline values, the DIN SPEC
 * 91379 character set of {@code text_latin}, Auswahlgruppen, and elements the schema does not know. Built once per
 * schema (patterns compiled, code lists resolved), thread-safe.
 *
 * <pre>{@code
 * FormValidator validator = FormValidator.builder(schema).codeValues(CodeValues.of(registry)).build();
 * ValidationResult result = validator.validate(data);
 * for (Violation v : result.violations()) {
 *     System.out.println(v.path() + ": " + v.message(Locale.GERMAN));
 *     // G05000496[0].F05000059: Bitte geben Sie bei „Familienname“ höchstens 120 Zeichen ein.
 * }
 * }</pre>
 *
 * <p><b>Semantics.</b> A blank value counts as absent. Values are checked after stripping surrounding white space. A
 * group instance with no non-blank value anywhere (values hidden by rules do not count) counts as absent; when a
 * required group has no filled instance, the validator reports the required fields of its first instance
 * ({@code G1[0].F2}), or {@code REQUIRED} on the group when it has no required field. Paths carry an index for every
 * group instance and for the values of fields whose Multiplizität allows more than one. {@code label} fields hold no
 * data. {@code hidden} and {@code locked} fields are checked like input fields: the service fills them, and a violation
 * there is a service error to show at form level. In an Auswahlgruppe exactly one alternative is checked (the filled
 * one; an alternative hidden by a rule counts as not filled). Code list membership is checked when {@link CodeValues}
 * has the list; otherwise it is skipped (logged once at build) unless {@link Builder#requireCodeLists(boolean)} is set.
 * {@code file} and {@code obj} values are opaque references: only their Multiplizität is checked. Validity dates of
 * elements are not considered.
 *
 * <p><b>Executable rules</b> (see {@code forms/RULES.md}) are on by default: the schema's own FIM rules, as far as
 * {@link FormRules#recognize(FormSchema, java.util.function.BiFunction)} makes them executable (with the codes of
 * {@link Builder#codeValues}), plus the rules of {@link Builder#rules(RuleSet)} (a side file), which replace recognised
 * rules of the same id. {@link Builder#fimRules(boolean) fimRules(false)} switches the recognised FIM rules off, as
 * {@code ozg fim validate --no-fim-rules} does. They are evaluated before the checks, in every instance of the group
 * they belong to: an element a {@code required} rule requires is checked as
 * required ({@link ViolationCode#REQUIRED} with {@link Violation#ruleId()}); an element a {@code visible} rule hides
 * is not checked at all, and its data are left out of {@link ValidationResult#visibleData()}; a violated
 * {@code constraint} is {@link ViolationCode#RULE_VIOLATED} at each of its targets. Rules that cannot be evaluated for
 * the data at hand are listed in {@link ValidationResult#ruleProblems()}, never thrown.
 *
 * <pre>{@code
 * FormValidator validator = FormValidator.builder(schema)   // the schema's own FIM rules apply by default
 *         .rules(RuleFiles.read(dir.resolve("S05000058.rules.json")))   // added; replace FIM rules of the same id
 *         .build();                                            // fails here for a bad rule
 * ValidationResult result = validator.validate(data);
 * result.hiddenElements();  // e.g. [G05000499]: do not render, do not submit
 * FormData toSubmit = result.visibleData();
 * }</pre>
 */
public final class FormValidator {

    private static final Logger LOG = LoggerFactory.getLogger(FormValidator.class);

    private final FormSchema schema;
    private final Map<Field, FieldCheck> checks = new IdentityHashMap<>();
    private final RuleSet rules;
    private final RulePlan rulePlan;
    private final Clock clock;

    private FormValidator(Builder b) {
        this.schema = b.schema;
        for (Field field : schema.fields()) {
            checks.put(field, new FieldCheck(field, allowedCodes(field, b)));
        }
        RuleSet fim = b.fimRules ? FormRules.recognize(schema, b.codeValues::codes).toRuleSet() : RuleSet.empty();
        this.rules = FormRules.check(fim.overriddenBy(b.rules), schema);
        this.rulePlan = RulePlan.of(schema, rules);
        this.clock = b.clock;
    }

    /**
     * A validator without code lists (inline values are still checked), with the schema's executable FIM rules, as
     * {@code builder(schema).build()}.
     */
    public static FormValidator of(FormSchema schema) {
        return builder(schema).build();
    }

    /**
     * Starts a validator for the schema; by default the schema's executable FIM rules apply, no code lists, missing
     * code lists are skipped.
     */
    public static Builder builder(FormSchema schema) {
        return new Builder(schema);
    }

    /** The schema this validator checks against. */
    public FormSchema schema() {
        return schema;
    }

    /**
     * The executable rules this validator applies (checked against the schema): by default the schema's recognised
     * FIM rules, overridden by those of {@link Builder#rules(RuleSet)}.
     */
    public RuleSet rules() {
        return rules;
    }

    /** Validates the data; never throws for bad values or for rules that do not fit them, only reports them. */
    public ValidationResult validate(FormData data) {
        Objects.requireNonNull(data, "data");
        RuleResults ruleResults = rulePlan.evaluate(schema, data, clock);
        // The walk sees only what may be submitted: an instance holding nothing but hidden data counts as absent.
        FormData visible = ruleResults.visible(data);
        Run run = new Run(ruleResults);
        validateInstance(run, visible, schema.children(), Optional.empty(), false);
        ruleResults.takeRemainingViolations().forEach(run::addRuleViolation);
        if (!ruleResults.problems().isEmpty()) {
            LOG.debug("{} rule problems: {}", ruleResults.problems().size(), ruleResults.problems());
        }
        return new ValidationResult(run.violations, run.values, ruleResults.hidden(), ruleResults.required(),
                ruleResults.problems(), visible);
    }

    private static Optional<Set<String>> allowedCodes(Field field, Builder b) {
        if (!field.values().isEmpty()) {
            Set<String> codes = new HashSet<>();
            field.values().stream().map(InlineValue::code).forEach(codes::add);
            return Optional.of(Set.copyOf(codes));
        }
        if (field.codeList().isEmpty()) {
            return Optional.empty();
        }
        Optional<Set<String>> codes = b.codeValues.codes(field.codeList().get(), field.codeListColumns());
        if (codes.isEmpty()) {
            if (b.requireCodeLists) {
                throw new ConfigurationException(DataError.CODE_LIST_UNAVAILABLE, field.codeList().get(),
                        field.id().id());
            }
            LOG.warn("code list {} of field {} is not available; its values are not checked",
                    field.codeList().get(), field.id().id());
        }
        return codes;
    }

    // ---- the walk

    /** The violations and typed values of one validation. */
    private static final class Run {
        private final List<Violation> violations = new ArrayList<>();
        private final Map<DataPath, Object> values = new LinkedHashMap<>();
        private final RuleResults rules;

        Run(RuleResults rules) {
            this.rules = rules;
        }

        void add(DataPath path, ViolationCode code, String id, LocalizedText label, Object... arguments) {
            violations.add(new Violation(path, code, id, label, List.of(arguments)));
        }

        void addRequiredByRule(DataPath path, String id, LocalizedText label, RuleResults.Requirement requirement) {
            violations.add(new Violation(path, ViolationCode.REQUIRED, id, label, List.of(),
                    Optional.of(requirement.ruleId()), requirement.message()));
        }

        void addRuleViolation(RuleResults.TargetViolation violation) {
            violations.add(new Violation(violation.path(), ViolationCode.RULE_VIOLATED,
                    violation.element().id().id(), violation.element().label(), List.of(),
                    Optional.of(violation.ruleId()), Optional.of(violation.message())));
        }

        void addRuleViolationsAt(DataPath path) {
            rules.takeViolations(path).forEach(this::addRuleViolation);
        }
    }

    private void validateInstance(Run run, FormData data, List<ElementRef> children, Optional<DataPath> prefix,
                                  boolean choice) {
        Set<String> known = new HashSet<>();
        List<ElementRef> toCheck = children;
        if (choice) {
            // the data walked are the visible data: an alternative hidden by a rule is not filled
            List<ElementRef> filled = children.stream().filter(c -> isFilled(data, c.id().id())).toList();
            if (filled.size() > 1) {
                DataPath at = prefix.orElseThrow();
                FieldGroup group = schema.group(at.elementId()).orElseThrow();
                run.add(at, ViolationCode.CHOICE_AMBIGUOUS, group.id().id(), group.label());
            }
            toCheck = filled.isEmpty() ? List.of() : List.of(filled.get(0));
            if (filled.isEmpty()) {
                DataPath at = prefix.orElseThrow();
                FieldGroup group = schema.group(at.elementId()).orElseThrow();
                run.add(at, ViolationCode.REQUIRED, group.id().id(), group.label());
            }
        }
        children.forEach(c -> known.add(c.id().id()));
        for (ElementRef child : toCheck) {
            String id = child.id().id();
            DataPath path = pathOf(prefix, id);
            if (run.rules.isHidden(path)) {
                continue;
            }
            if (child.element() instanceof Field field) {
                if (data.isGroup(id)) {
                    run.add(path, ViolationCode.WRONG_STRUCTURE, id, field.label());
                } else {
                    validateField(run, field, child.multiplicity(), data.values(id), path);
                }
            } else if (child.element() instanceof FieldGroup group) {
                if (data.isField(id)) {
                    run.add(path, ViolationCode.WRONG_STRUCTURE, id, group.label());
                } else {
                    validateGroup(run, group, child.multiplicity(), data.groups(id), path);
                }
            }
            run.addRuleViolationsAt(path);
        }
        for (String id : data.ids()) {
            if (!known.contains(id)) {
                DataPath path = prefix.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
                run.add(path, ViolationCode.UNKNOWN_ELEMENT, id, LocalizedText.of(id));
            }
        }
    }

    private static DataPath pathOf(Optional<DataPath> prefix, String id) {
        return prefix.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
    }

    private static boolean isFilled(FormData data, String id) {
        return data.values(id).stream().anyMatch(v -> !v.isBlank())
                || data.groups(id).stream().anyMatch(g -> !g.isBlank());
    }

    private void validateGroup(Run run, FieldGroup group, Multiplicity multiplicity, List<FormData> instances,
                               DataPath path) {
        if (group.children().isEmpty()) {
            // nobody can fill a group without children (OZG-FIM-209 at import): never demand it
            return;
        }
        String id = group.id().id();
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            if (!instances.get(i).isBlank()) {
                filled.add(i);
            }
        }
        Optional<RuleResults.Requirement> byRule = run.rules.requirement(path);
        if (filled.isEmpty() && (multiplicity.isRequired() || run.rules.isRequiredByRule(path))) {
            int before = run.violations.size();
            FormData first = instances.isEmpty() ? FormData.empty() : instances.get(0);
            validateInstance(run, first, group.children(), Optional.of(path.withIndex(0)), group.isChoice());
            if (run.violations.size() == before && multiplicity.isRequired()) {
                run.add(path, ViolationCode.REQUIRED, id, group.label());
            } else if (run.violations.size() == before && byRule.isPresent()) {
                run.addRequiredByRule(path, id, group.label(), byRule.get());
            }
            return;
        }
        checkCount(run, multiplicity, filled.size(), path, id, group.label(), byRule);
        for (int i : filled) {
            validateInstance(run, instances.get(i), group.children(), Optional.of(path.withIndex(i)),
                    group.isChoice());
        }
    }

    private static void checkCount(Run run, Multiplicity multiplicity, int count, DataPath path, String id,
                                   LocalizedText label, Optional<RuleResults.Requirement> byRule) {
        if (count == 0 && multiplicity.isRequired()) {
            run.add(path, ViolationCode.REQUIRED, id, label);
        } else if (count == 0 && byRule.isPresent()) {
            run.addRequiredByRule(path, id, label, byRule.get());
        } else if (count < multiplicity.min()) {
            run.add(path, ViolationCode.TOO_FEW, id, label, multiplicity.min());
        } else if (multiplicity.max().isPresent() && count > multiplicity.max().getAsInt()) {
            run.add(path, ViolationCode.TOO_MANY, id, label, multiplicity.max().getAsInt());
        }
    }

    private void validateField(Run run, Field field, Multiplicity multiplicity, List<String> values, DataPath path) {
        String id = field.id().id();
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isBlank()) {
                present.add(i);
            }
        }
        if (field.kind() == FieldKind.LABEL) {
            if (!present.isEmpty()) {
                run.add(path, ViolationCode.NO_INPUT_ALLOWED, id, field.label());
            }
            return;
        }
        checkCount(run, multiplicity, present.size(), path, id, field.label(), run.rules.requirement(path));
        boolean indexed = multiplicity.isRepeatable() || values.size() > 1;
        FieldCheck check = checks.get(field);
        for (int i : present) {
            DataPath at = indexed ? path.withIndex(i) : path;
            check.check(run, values.get(i), at);
        }
    }

    /** The precompiled checks of one field. */
    private static final class FieldCheck {
        private final Field field;
        private final DataType type;
        private final OptionalInt minLength;
        private final OptionalInt maxLength;
        private final Optional<Pattern> pattern;
        private final Optional<Object> min;
        private final Optional<Object> max;
        private final Optional<Set<String>> codes;

        FieldCheck(Field field, Optional<Set<String>> codes) {
            this.field = field;
            this.type = field.dataType();
            this.minLength = field.precision().minLength();
            this.maxLength = field.precision().maxLength();
            this.pattern = field.precision().compiledPattern();
            this.min = field.precision().minValue().flatMap(this::limit);
            this.max = field.precision().maxValue().flatMap(this::limit);
            this.codes = codes;
        }

        private Optional<Object> limit(String text) {
            return switch (type) {
                case NUM, NUM_CURRENCY, NUM_INT -> ValueParser.decimal(text.strip()).map(Object.class::cast);
                case DATE, TIME, DATETIME -> ValueParser.parse(type, text);
                default -> Optional.empty();
            };
        }

        void check(Run run, String raw, DataPath at) {
            // text_latin is DIN SPEC 91379 text in NFC: lengths and patterns apply to that form, as it is kept
            String text = type == DataType.TEXT_LATIN ? Normalizer.normalize(raw.strip(), Normalizer.Form.NFC)
                    : raw.strip();
            String id = field.id().id();
            LocalizedText label = field.label();
            Optional<Object> parsed = ValueParser.parse(type, text);
            if (parsed.isEmpty()) {
                run.add(at, ValueParser.isNonexistentDate(type, text) ? ViolationCode.DATE_DOES_NOT_EXIST
                        : typeViolation(), id, label);
                return;
            }
            Object value = parsed.get();
            if (type == DataType.NUM_CURRENCY) {
                try {
                    value = Money.parse(text);
                } catch (InvalidInputException e) {
                    run.add(at, ViolationCode.INVALID_CURRENCY_AMOUNT, id, label);
                    return;
                }
            }
            if (codes.isPresent() && !codes.get().contains(text)) {
                run.add(at, ViolationCode.NOT_IN_CODE_LIST, id, label);
                return;
            }
            int before = run.violations.size();
            checkText(run, text, at);
            checkRange(run, value, at);
            if (run.violations.size() == before) {
                run.values.put(at, type == DataType.TEXT_LATIN ? text : value);
            }
        }

        private void checkText(Run run, String text, DataPath at) {
            String id = field.id().id();
            int before = run.violations.size();
            if (type.isText()) {
                int length = text.codePointCount(0, text.length());
                if (minLength.isPresent() && length < minLength.getAsInt()) {
                    run.add(at, ViolationCode.TOO_SHORT, id, field.label(), minLength.getAsInt());
                }
                if (maxLength.isPresent() && length > maxLength.getAsInt()) {
                    run.add(at, ViolationCode.TOO_LONG, id, field.label(), maxLength.getAsInt());
                }
            }
            if (type == DataType.TEXT_LATIN) {
                LatinCharacters.firstDisallowed(text).ifPresent(position ->
                        run.add(at, ViolationCode.CHARACTERS_NOT_LATIN, id, field.label(), position));
            }
            // One violation per cause: a pattern usually restates the length and the characters ("[0-9]{5}" of a
            // postcode), so it speaks only when they are right, and a 4-digit postcode gets one message, not two.
            boolean lengthAndCharactersFit = run.violations.size() == before;
            if (lengthAndCharactersFit && pattern.isPresent() && !pattern.get().matcher(text).matches()) {
                run.add(at, ViolationCode.PATTERN_MISMATCH, id, field.label(), pattern.get().pattern());
            }
        }

        private void checkRange(Run run, Object value, DataPath at) {
            if (min.isPresent() && compare(value, min.get()) < 0) {
                run.add(at, ViolationCode.BELOW_MINIMUM, field.id().id(), field.label(), min.get());
            }
            if (max.isPresent() && compare(value, max.get()) > 0) {
                run.add(at, ViolationCode.ABOVE_MAXIMUM, field.id().id(), field.label(), max.get());
            }
        }

        /** Compares a value with a limit of the same kind; 0 when they cannot be compared. */
        private static int compare(Object value, Object limit) {
            BigDecimal number = value instanceof BigDecimal d ? d : value instanceof BigInteger i
                    ? new BigDecimal(i) : value instanceof Money m ? m.amount() : null;
            if (number != null && limit instanceof BigDecimal l) {
                return number.compareTo(l);
            }
            if (value instanceof LocalDate d && limit instanceof LocalDate l) {
                return d.compareTo(l);
            }
            if (value instanceof LocalTime t && limit instanceof LocalTime l) {
                return t.compareTo(l);
            }
            LocalDateTime dateTime = value instanceof OffsetDateTime o ? o.toLocalDateTime()
                    : value instanceof LocalDateTime l ? l : null;
            LocalDateTime limitDateTime = limit instanceof OffsetDateTime o ? o.toLocalDateTime()
                    : limit instanceof LocalDateTime l ? l : null;
            return dateTime != null && limitDateTime != null ? dateTime.compareTo(limitDateTime) : 0;
        }

        private ViolationCode typeViolation() {
            return switch (type) {
                case BOOL -> ViolationCode.NOT_A_BOOLEAN;
                case DATE -> ViolationCode.NOT_A_DATE;
                case TIME -> ViolationCode.NOT_A_TIME;
                case DATETIME -> ViolationCode.NOT_A_DATETIME;
                case NUM_INT -> ViolationCode.NOT_AN_INTEGER;
                default -> ViolationCode.NOT_A_NUMBER;
            };
        }
    }

    /** Builds a {@link FormValidator}. */
    public static final class Builder {
        private final FormSchema schema;
        private CodeValues codeValues = CodeValues.none();
        private boolean requireCodeLists;
        private RuleSet rules = RuleSet.empty();
        private boolean fimRules = true;
        private Clock clock = Clock.system(ZoneId.of("Europe/Berlin"));

        private Builder(FormSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /** Where the codes of code lists come from; default {@link CodeValues#none()}. */
        public Builder codeValues(CodeValues codeValues) {
            this.codeValues = Objects.requireNonNull(codeValues, "codeValues");
            return this;
        }

        /**
         * Whether a code list that {@link #codeValues} does not have makes {@link #build()} fail with a
         * {@link ConfigurationException} ({@link DataError#CODE_LIST_UNAVAILABLE}); default false: its membership is
         * not checked and a warning is logged.
         */
        public Builder requireCodeLists(boolean requireCodeLists) {
            this.requireCodeLists = requireCodeLists;
            return this;
        }

        /**
         * Executable rules to apply besides the schema's recognised FIM rules (default: none), e.g. a side file
         * ({@code RuleFiles.read(...)}); a rule here replaces the recognised rules of a FIM rule with the same id
         * ({@link RuleSet#overriddenBy}). Replaces what an earlier call gave. They are checked against the schema by
         * {@link #build()}.
         */
        public Builder rules(RuleSet rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * Whether the schema's own FIM rules apply, as far as their free text is recognised as executable
         * ({@link FormRules#recognize(FormSchema, java.util.function.BiFunction)}, with the codes of
         * {@link #codeValues}); default {@code true}, the same as {@code ozg fim validate}. {@code false} applies only
         * the rules of {@link #rules(RuleSet)} ({@code ozg fim validate --no-fim-rules}).
         */
        public Builder fimRules(boolean fimRules) {
            this.fimRules = fimRules;
            return this;
        }

        /**
         * The clock of {@code today()} and {@code age()} in rules; its zone also places date-times with an offset.
         * Default: the system clock in Europe/Berlin.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the validator: compiles the checks, resolves the code lists and checks the rules against the
         * schema.
         *
         * @throws ConfigurationException ({@link DataError#CODE_LIST_UNAVAILABLE}) see {@link #requireCodeLists}
         * @throws RuleSyntaxException for a rule that names an element the schema does not have or compares values
         *     of unfitting Datentypen: with the rule, its place (side file and JSON pointer) and the column
         * @throws de.ozgsdk.core.InvalidInputException ({@code OZG-RULE-317}) for rules written for another schema
         */
        public FormValidator build() {
            return new FormValidator(this);
        }
    }
}
