package de.ozgsdk.forms.rules;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.internal.rules.EvaluationProblem;
import de.ozgsdk.forms.internal.rules.MaskedScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executable rules of one Stammdatenschema, immutable and thread-safe: load it once (from a side file with
 * {@link RuleFiles}, from FIM free texts with {@link FreeTextRecognizer}, or in code), check it against the schema,
 * and evaluate it for every submission.
 *
 * <pre>{@code
 * RuleSet rules = RuleFiles.read(dir.resolve("S05000058.rules.json"))
 *         .checkElements(FormRules.elementTypes(schema).keySet())
 *         .checkTypes(FormRules.elementTypes(schema));           // both at once: FormRules.check(rules, schema)
 * RuleOutcome outcome = rules.evaluate(scope, clock);
 * if (outcome.isRequired("G05000499")) {
 *     page.markRequired("G05000499");
 * }
 * outcome.violations().forEach(v -> page.showError(v.targets(), v.message().get(locale)));
 * }</pre>
 */
public final class RuleSet {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);

    private final Optional<String> schemaId;
    private final List<ExecutableRule> rules;

    private RuleSet(Optional<String> schemaId, List<ExecutableRule> rules) {
        this.schemaId = schemaId;
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (ExecutableRule rule : this.rules) {
            if (!ids.add(rule.id())) {
                throw new InvalidInputException(RuleError.DUPLICATE_RULE_ID, rule.id());
            }
        }
    }

    /** A rule set without rules. */
    public static RuleSet empty() {
        return new RuleSet(Optional.empty(), List.of());
    }

    /**
     * A rule set of the given rules, in evaluation order.
     *
     * @throws InvalidInputException ({@link RuleError#DUPLICATE_RULE_ID}) if two rules share an id
     */
    public static RuleSet of(Collection<ExecutableRule> rules) {
        return new RuleSet(Optional.empty(), new ArrayList<>(rules));
    }

    /** A rule set for the Stammdatenschema with the given id (e.g. {@code S05000058}), see {@link #of(Collection)}. */
    public static RuleSet of(String schemaId, Collection<ExecutableRule> rules) {
        Objects.requireNonNull(schemaId, "schemaId");
        return new RuleSet(Optional.of(schemaId), new ArrayList<>(rules));
    }

    /** The id of the Stammdatenschema the rules were written for, if the source named it. */
    public Optional<String> schemaId() {
        return schemaId;
    }

    public List<ExecutableRule> rules() {
        return rules;
    }

    public Optional<ExecutableRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * This set with the rules of {@code other} added, where a rule of {@code other} replaces a rule of this set with
     * the same id: a side file can so correct or complete what was recognised in the FIM free texts. A rule of
     * {@code other} with the id of a FIM rule replaces all rules recognised in that rule's text (a text of several
     * sentences gives {@code R1}, {@code R1.2}, …).
     */
    public RuleSet overriddenBy(RuleSet other) {
        Set<String> replaced = new HashSet<>();
        other.rules.forEach(r -> replaced.add(r.id()));
        Map<String, ExecutableRule> byId = new LinkedHashMap<>();
        rules.stream().filter(r -> !replacesRecognised(replaced, r)).forEach(r -> byId.put(r.id(), r));
        other.rules.forEach(r -> byId.put(r.id(), r));
        return new RuleSet(other.schemaId.or(() -> schemaId), new ArrayList<>(byId.values()));
    }

    private static boolean replacesRecognised(Set<String> replaced, ExecutableRule rule) {
        return rule.origin().source() == RuleOrigin.Source.FIM_FREE_TEXT
                && replaced.contains(rule.origin().location());
    }

    /**
     * Checks that every element the rules name exists in the schema.
     *
     * @param knownIds the ids of all Datenfelder and Datenfeldgruppen of the schema
     * @return this set, for chaining
     * @throws RuleSyntaxException ({@link RuleError#UNKNOWN_ELEMENT}) for an unknown element in a condition, with
     *     the closest known id as hint
     * @throws RuleSyntaxException ({@link RuleError#UNKNOWN_TARGET}) for an unknown target (column 1)
     */
    public RuleSet checkElements(Set<String> knownIds) {
        Set<String> known = Set.copyOf(knownIds);
        for (ExecutableRule rule : rules) {
            rule.condition().checkElements(known, where(rule));
            for (String target : rule.targets()) {
                if (!known.contains(target)) {
                    throw new RuleSyntaxException(RuleError.UNKNOWN_TARGET, where(rule), 1, target);
                }
            }
        }
        return this;
    }

    /**
     * Checks that comparisons and function arguments fit the types of the elements; elements missing from the map
     * are not checked.
     *
     * @return this set, for chaining
     * @throws RuleSyntaxException ({@link RuleError#TYPE_MISMATCH} and related) naming rule and column
     */
    public RuleSet checkTypes(Map<String, ValueType> elementTypes) {
        Map<String, ValueType> types = Map.copyOf(elementTypes);
        for (ExecutableRule rule : rules) {
            rule.condition().checkTypes(types, where(rule));
        }
        return this;
    }

    /**
     * Evaluates all rules against the data of one group instance (or the whole form). Visibility is settled first,
     * repeatedly, until no hidden element changes the outcome any more: data of hidden elements are ignored, also by
     * the other rules. Never throws for data that do not fit a rule; those end up in {@link RuleOutcome#problems()}.
     *
     * @param scope the form data as seen from the group instance
     * @param clock the clock for {@code today()}; its zone decides the date (use Europe/Berlin)
     */
    public RuleOutcome evaluate(RuleScope scope, Clock clock) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(clock, "clock");
        List<RuleFinding> problems = new ArrayList<>();
        MaskedScope masked = settleVisibility(scope, clock, problems);
        Map<String, String> required = new LinkedHashMap<>();
        List<RuleViolation> violations = new ArrayList<>();
        for (ExecutableRule rule : rules) {
            if (rule.kind() == RuleKind.VISIBLE || rule.targets().stream().allMatch(masked::isHidden)) {
                continue;
            }
            Optional<Boolean> holds = test(rule, masked, clock, problems);
            if (holds.isEmpty()) {
                continue;
            }
            if (rule.kind() == RuleKind.REQUIRED && holds.get()) {
                rule.targets().stream().filter(t -> !masked.isHidden(t))
                        .forEach(t -> required.putIfAbsent(t, rule.id()));
            } else if (rule.kind() == RuleKind.CONSTRAINT && !holds.get()) {
                violations.add(new RuleViolation(rule.id(), rule.targets(), rule.message().orElseThrow()));
            }
        }
        return new RuleOutcome(required, hiddenTargets(masked), violations, problems);
    }

    private MaskedScope settleVisibility(RuleScope scope, Clock clock, List<RuleFinding> problems) {
        List<ExecutableRule> visibility = rules.stream().filter(r -> r.kind() == RuleKind.VISIBLE).toList();
        Set<String> hidden = Set.of();
        int maxRounds = visibility.size() + 2;
        for (int round = 0; round < maxRounds; round++) {
            MaskedScope masked = new MaskedScope(scope, hidden);
            List<RuleFinding> roundProblems = new ArrayList<>();
            Set<String> next = new HashSet<>();
            for (ExecutableRule rule : visibility) {
                Optional<Boolean> holds = test(rule, masked, clock, roundProblems);
                if (holds.isPresent() && !holds.get()) {
                    next.addAll(rule.targets());
                }
            }
            if (next.equals(hidden)) {
                problems.addAll(roundProblems);
                return masked;
            }
            hidden = Set.copyOf(next);
        }
        List<String> ids = visibility.stream().map(ExecutableRule::id).toList();
        LOG.warn("visibility rules {} do not settle", ids);
        problems.add(RuleFinding.of(String.join(", ", ids), RuleError.EVAL_VISIBILITY_CYCLE, List.of()));
        return new MaskedScope(scope, hidden);
    }

    private Set<String> hiddenTargets(MaskedScope masked) {
        Set<String> hidden = new LinkedHashSet<>();
        for (ExecutableRule rule : rules) {
            if (rule.kind() == RuleKind.VISIBLE) {
                rule.targets().stream().filter(masked::isHidden).forEach(hidden::add);
            }
        }
        return hidden;
    }

    private static Optional<Boolean> test(ExecutableRule rule, RuleScope scope, Clock clock,
            List<RuleFinding> problems) {
        try {
            return Optional.of(rule.condition().test(scope, clock));
        } catch (EvaluationProblem problem) {
            LOG.debug("rule {} not applied: {}", rule.id(), problem.code().code());
            problems.add(RuleFinding.of(rule.id(), problem.code(), problem.details()));
            return Optional.empty();
        }
    }

    private static String where(ExecutableRule rule) {
        return "\"" + rule.id() + "\" (" + rule.origin().location() + ")";
    }

    @Override
    public String toString() {
        return "RuleSet" + schemaId.map(s -> " " + s).orElse("") + " " + rules;
    }
}
