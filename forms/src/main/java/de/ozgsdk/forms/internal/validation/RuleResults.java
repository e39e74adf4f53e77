package de.ozgsdk.forms.internal.validation;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.RuleFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the executable rules decided for one form submission, by data path: hidden elements, elements required by a
 * rule, violated constraints at their targets, and the rules that could not be evaluated. Filled by
 * {@link RulePlan#evaluate}, then read by the validator; confined to one validation (not thread-safe).
 *
 * <p>Paths name elements at their place: a field {@code G1[0].F2} (no value index), a group {@code G1[0].G3} (no
 * instance index: the group as a whole at that place).
 */
public final class RuleResults {

    /** An element that a rule made required, with the rule's id and optional message. */
    public record Requirement(String ruleId, Optional<LocalizedText> message) {
    }

    /** A violated constraint at one of its target elements. */
    public record TargetViolation(DataPath path, SchemaElement element, String ruleId, LocalizedText message) {
    }

    private final Set<DataPath> hidden = new LinkedHashSet<>();
    private final Map<DataPath, Requirement> required = new LinkedHashMap<>();
    private final Set<DataPath> requiredInside = new HashSet<>();
    private final Map<DataPath, List<TargetViolation>> violations = new LinkedHashMap<>();
    private final Set<RuleFinding> problems = new LinkedHashSet<>();

    /** No rule decided anything: the results of a validator without rules. */
    public static RuleResults none() {
        return new RuleResults();
    }

    void hide(DataPath path) {
        hidden.add(path);
    }

    void require(DataPath path, Requirement requirement) {
        if (required.putIfAbsent(path, requirement) == null) {
            List<DataPath.Segment> segments = path.segments();
            for (int i = 1; i < segments.size(); i++) {
                requiredInside.add(DataPath.of(segments.subList(0, i)));
            }
        }
    }

    void violate(TargetViolation violation) {
        violations.computeIfAbsent(violation.path(), p -> new ArrayList<>()).add(violation);
    }

    void problem(RuleFinding finding) {
        problems.add(finding);
    }

    /** Whether a rule hides the element at this path or an element that encloses it. */
    public boolean isHidden(DataPath path) {
        return isHidden(hidden, path);
    }

    /**
     * Whether the element at the path, or one that encloses it, is among the hidden element paths (a hidden group
     * {@code G1} hides all its instances {@code G1[i]}).
     */
    public static boolean isHidden(Set<DataPath> hidden, DataPath path) {
        if (hidden.isEmpty()) {
            return false;
        }
        List<DataPath.Segment> segments = path.segments();
        for (int i = 1; i <= segments.size(); i++) {
            DataPath prefix = DataPath.of(segments.subList(0, i));
            if (hidden.contains(prefix) || segments.get(i - 1).index().isPresent()
                    && hidden.contains(prefix.withoutIndex())) {
                return true;
            }
        }
        return false;
    }

    /** The rule that made the element at this path required, if any. */
    public Optional<Requirement> requirement(DataPath path) {
        return required.isEmpty() ? Optional.empty() : Optional.ofNullable(required.get(path));
    }

    /**
     * Whether a rule requires the group at this path or something inside its first instance, so that a blank
     * optional group must be validated as if it were required.
     */
    public boolean isRequiredByRule(DataPath groupPath) {
        return !required.isEmpty()
                && (required.containsKey(groupPath) || requiredInside.contains(groupPath.withIndex(0)));
    }

    /** Takes the violations at this path, so that each is reported once. */
    public List<TargetViolation> takeViolations(DataPath path) {
        List<TargetViolation> at = violations.isEmpty() ? null : violations.remove(path);
        return at == null ? List.of() : at;
    }

    /** Takes the violations not yet taken (targets the validation walk did not reach, e.g. in an absent group). */
    public List<TargetViolation> takeRemainingViolations() {
        List<TargetViolation> rest = new ArrayList<>();
        violations.values().forEach(rest::addAll);
        violations.clear();
        return rest;
    }

    /**
     * The data without the elements the rules hide (the same instance when nothing is hidden): what may be kept and
     * submitted.
     */
    public FormData visible(FormData data) {
        return hidden.isEmpty() ? data : strip(data, Optional.empty());
    }

    private FormData strip(FormData data, Optional<DataPath> prefix) {
        FormData.Builder changed = null;
        for (String id : data.ids()) {
            DataPath path = prefix.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
            if (isHidden(path)) {
                changed = changed != null ? changed : data.toBuilder();
                changed.remove(id);
            } else if (data.isGroup(id)) {
                List<FormData> instances = data.groups(id);
                List<FormData> stripped = new ArrayList<>(instances.size());
                boolean differs = false;
                for (int i = 0; i < instances.size(); i++) {
                    stripped.add(strip(instances.get(i), Optional.of(path.withIndex(i))));
                    differs |= stripped.get(i) != instances.get(i);
                }
                if (differs) {
                    changed = changed != null ? changed : data.toBuilder();
                    changed.groups(id, stripped);
                }
            }
        }
        return changed == null ? data : changed.build();
    }

    public Set<DataPath> hidden() {
        return Collections.unmodifiableSet(hidden);
    }

    public Set<DataPath> required() {
        return Collections.unmodifiableSet(required.keySet());
    }

    public List<RuleFinding> problems() {
        return List.copyOf(problems);
    }
}
