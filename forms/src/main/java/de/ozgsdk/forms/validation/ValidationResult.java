package de.ozgsdk.forms.validation;

import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.validation.RuleResults;
import de.ozgsdk.forms.rules.RuleFinding;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of {@link FormValidator#validate}: the violations in schema order, the typed values of the valid
 * field values, and what the executable rules decided for these data (hidden elements, elements they made required,
 * rules that could not be evaluated).
 */
public final class ValidationResult {

    private final List<Violation> violations;
    private final Map<DataPath, Object> values;
    private final Set<DataPath> hidden;
    private final Set<DataPath> requiredByRule;
    private final List<RuleFinding> ruleProblems;
    private final FormData visibleData;

    ValidationResult(List<Violation> violations, Map<DataPath, Object> values, Set<DataPath> hidden,
            Set<DataPath> requiredByRule, List<RuleFinding> ruleProblems, FormData visibleData) {
        this.violations = List.copyOf(violations);
        this.values = Map.copyOf(values);
        this.hidden = Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
        this.requiredByRule = Collections.unmodifiableSet(new LinkedHashSet<>(requiredByRule));
        this.ruleProblems = List.copyOf(ruleProblems);
        this.visibleData = visibleData;
    }

    /** Whether there is no violation. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Every violation, in the order of the schema's elements (unknown elements after the known ones). */
    public List<Violation> violations() {
        return violations;
    }

    /** The violations at exactly this path, e.g. to show them next to one input. */
    public List<Violation> violationsAt(DataPath path) {
        return violations.stream().filter(v -> v.path().equals(path)).toList();
    }

    /**
     * The typed value of a valid field value: {@code Boolean}, {@code LocalDate}, {@code LocalTime},
     * {@code LocalDateTime} or {@code OffsetDateTime}, {@code BigDecimal} ({@code num}), {@code BigInteger}
     * ({@code num_int}), {@code de.ozgsdk.core.Money} ({@code num_currency}), or the stripped text ({@code text},
     * NFC-normalised for {@code text_latin}; {@code file}, {@code obj}). Paths as in violations; for a single-valued
     * field {@code F1} and {@code F1[0]} both work. Empty for blank, absent or invalid values.
     */
    public Optional<Object> value(DataPath path) {
        Object value = values.get(path);
        if (value == null && path.last().index().isEmpty()) {
            value = values.get(path.withIndex(0));
        } else if (value == null && path.last().indexOrZero() == 0) {
            value = values.get(path.withoutIndex());
        }
        return Optional.ofNullable(value);
    }

    /**
     * The elements that {@code visible} rules hide for these data, by place: a field {@code G1[0].F2}, a group
     * {@code G05000499} (all its instances). A renderer leaves them out; the validator did not check them. Elements
     * inside a hidden group are not listed one by one: ask {@link #isHidden(DataPath)}.
     */
    public Set<DataPath> hiddenElements() {
        return hidden;
    }

    /**
     * Whether the element at the path is hidden by a rule, itself or through an enclosing group; takes any path a
     * renderer or a violation uses ({@code G1[2].F5}, {@code F14[1]}).
     */
    public boolean isHidden(DataPath path) {
        return RuleResults.isHidden(hidden, path);
    }

    /**
     * The elements that {@code required} rules make required for these data, by place as in
     * {@link #hiddenElements()} (whether or not they are filled), so that a renderer can mark them as required.
     */
    public Set<DataPath> requiredByRule() {
        return requiredByRule;
    }

    /**
     * The rules that could not be evaluated for these data, e.g. a date comparison while the date entered is
     * invalid (which is itself a violation), or several values where one is expected. Such a rule is not applied:
     * it requires nothing, hides nothing, reports no violation. These findings are for the service's log and
     * author, not for the citizen, and do not make the data invalid; their messages name rule ids and columns,
     * never values.
     */
    public List<RuleFinding> ruleProblems() {
        return ruleProblems;
    }

    /**
     * The data that were validated, without the elements that rules hide: the values a citizen entered before
     * changing an answer that hides them are dropped here, so this is what to store and submit. The input is
     * returned as it is when nothing is hidden. Values are kept as entered (not normalised).
     */
    public FormData visibleData() {
        return visibleData;
    }

    /** {@code valid} or the number of violations and their paths and codes (no values). */
    @Override
    public String toString() {
        return isValid() ? "valid" : violations.size() + " violations " + violations;
    }
}
