package de.ozgsdk.forms.internal.validation;

import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.ExecutableRule;
import de.ozgsdk.forms.rules.RuleOutcome;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.forms.rules.RuleViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the executable rules of a schema are evaluated, prepared once per validator; immutable and thread-safe.
 *
 * <p><b>Home of a rule.</b> A rule is evaluated in every instance of its home: the innermost Datenfeldgruppe whose
 * subtree holds all elements the rule names (targets and condition), counting only the elements that lie inside a
 * repeatable group when there are such, so that a rule about the fields of a repeated group is evaluated per
 * instance while it may still refer to fields outside (they resolve outwards). A rule about elements in different
 * places has the whole form as home. A group used at several places is a home at each of them.
 *
 * <p><b>Order.</b> Homes are evaluated from the top down, and the instances a validator skips (blank instances of
 * optional groups, hidden groups) are skipped here too. Within one instance {@link RuleSet#evaluate} settles
 * visibility; an element hidden by a rule of an enclosing instance looks empty to the rules below it, but an element
 * hidden by a rule of an inner instance is still seen by the rules of the enclosing ones evaluated before.
 */
public final class RulePlan {

    private static final RulePlan NONE = new RulePlan();

    private final RuleSet topRules;
    private final Map<FieldGroup, RuleSet> groupRules = new IdentityHashMap<>();
    private final Set<FieldGroup> leadsToHome = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, List<List<ElementRef>>> topRoutes;
    private final Map<FieldGroup, Map<String, List<List<ElementRef>>>> groupRoutes = new IdentityHashMap<>();

    private RulePlan() {
        this.topRules = RuleSet.empty();
        this.topRoutes = Map.of();
    }

    private RulePlan(FormSchema schema, RuleSet rules) {
        Structure structure = new Structure(schema);
        Set<String> named = new HashSet<>();
        List<ExecutableRule> top = new ArrayList<>();
        Map<FieldGroup, List<ExecutableRule>> byGroup = new IdentityHashMap<>();
        for (ExecutableRule rule : rules.rules()) {
            Set<String> ids = namedIds(rule);
            named.addAll(ids);
            List<FieldGroup> homes = structure.homes(ids);
            if (homes.isEmpty()) {
                top.add(rule);
            }
            homes.forEach(h -> byGroup.computeIfAbsent(h, k -> new ArrayList<>()).add(rule));
        }
        this.topRules = RuleSet.of(top);
        byGroup.forEach((group, list) -> {
            groupRules.put(group, RuleSet.of(list));
            leadsToHome.add(group);
            leadsToHome.addAll(structure.ancestors(group));
        });
        this.topRoutes = structure.nearestRoutes(schema.children(), named);
        for (FieldGroup group : leadsToHome) {
            groupRoutes.put(group, structure.nearestRoutes(group.children(), named));
        }
    }

    /** The plan of a validator without rules. */
    public static RulePlan none() {
        return NONE;
    }

    /** Places the rules in the schema; the rules must have been checked against it. */
    public static RulePlan of(FormSchema schema, RuleSet rules) {
        return rules.rules().isEmpty() ? NONE : new RulePlan(schema, rules);
    }

    public boolean isEmpty() {
        return this == NONE;
    }

    /** Evaluates every rule in every instance of its home. Never throws for data that do not fit the rules. */
    public RuleResults evaluate(FormSchema schema, FormData data, Clock clock) {
        RuleResults results = new RuleResults();
        if (!isEmpty()) {
            List<FormDataScope.Frame> chain = new ArrayList<>();
            chain.add(new FormDataScope.Frame(Optional.empty(), data, Optional.empty()));
            visit(chain, schema.children(), topRules, results, clock);
        }
        return results;
    }

    List<List<ElementRef>> routes(Optional<FieldGroup> container, String id) {
        Map<String, List<List<ElementRef>>> routes = container.isEmpty() ? topRoutes
                : groupRoutes.getOrDefault(container.get(), Map.of());
        return routes.getOrDefault(id, List.of());
    }

    private void visit(List<FormDataScope.Frame> chain, List<ElementRef> children, RuleSet rules,
            RuleResults results, Clock clock) {
        if (!rules.rules().isEmpty()) {
            apply(new FormDataScope(this, chain, results, clock.getZone()), rules, results, clock);
        }
        FormDataScope.Frame frame = chain.get(chain.size() - 1);
        for (ElementRef child : children) {
            if (!(child.element() instanceof FieldGroup group) || !leadsToHome.contains(group)) {
                continue;
            }
            String id = group.id().id();
            DataPath path = frame.path().map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
            if (results.isHidden(path)) {
                continue;
            }
            for (Map.Entry<Integer, FormData> instance : instancesToCheck(frame.data().groups(id),
                    child.multiplicity(), results.isRequiredByRule(path)).entrySet()) {
                chain.add(new FormDataScope.Frame(Optional.of(group), instance.getValue(),
                        Optional.of(path.withIndex(instance.getKey()))));
                visit(chain, group.children(), groupRules.getOrDefault(group, RuleSet.empty()), results, clock);
                chain.remove(chain.size() - 1);
            }
        }
    }

    /**
     * The instances the validator checks: the filled ones, or the first (possibly empty) one when none is filled
     * and the group is required.
     */
    private static Map<Integer, FormData> instancesToCheck(List<FormData> instances, Multiplicity multiplicity,
            boolean requiredByRule) {
        Map<Integer, FormData> filled = new LinkedHashMap<>();
        for (int i = 0; i < instances.size(); i++) {
            if (!instances.get(i).isBlank()) {
                filled.put(i, instances.get(i));
            }
        }
        if (filled.isEmpty() && (multiplicity.isRequired() || requiredByRule)) {
            filled.put(0, instances.isEmpty() ? FormData.empty() : instances.get(0));
        }
        return filled;
    }

    private static void apply(FormDataScope scope, RuleSet rules, RuleResults results, Clock clock) {
        RuleOutcome outcome = rules.evaluate(scope, clock);
        outcome.problems().forEach(results::problem);
        for (String id : outcome.hidden()) {
            scope.occurrences(id, true).forEach(o -> results.hide(o.path()));
        }
        outcome.requiredBy().forEach((id, ruleId) -> {
            ExecutableRule rule = rules.rule(ruleId).orElseThrow();
            RuleResults.Requirement requirement = new RuleResults.Requirement(ruleId, rule.message());
            scope.occurrences(id, true).forEach(o -> results.require(o.path(), requirement));
        });
        for (RuleViolation violation : outcome.violations()) {
            for (String target : violation.targets()) {
                scope.occurrences(target, true).forEach(o -> results.violate(new RuleResults.TargetViolation(
                        o.path(), o.ref().element(), violation.ruleId(), violation.message())));
            }
        }
    }

    private static Set<String> namedIds(ExecutableRule rule) {
        Set<String> ids = new LinkedHashSet<>(rule.targets());
        ids.addAll(rule.condition().elementIds());
        return ids;
    }

    /** The schema's tree as the plan needs it: places of ids, subtrees of groups. */
    private static final class Structure {
        private final Map<String, List<List<ElementRef>>> places = new HashMap<>();
        private final Map<FieldGroup, Set<String>> idsBelow = new IdentityHashMap<>();
        private final Map<FieldGroup, Set<FieldGroup>> groupsBelow = new IdentityHashMap<>();
        private final Map<FieldGroup, Set<FieldGroup>> parents = new IdentityHashMap<>();
        private final List<FieldGroup> groups = new ArrayList<>();

        Structure(FormSchema schema) {
            collectPlaces(schema.children(), new ArrayList<>());
            for (FieldGroup group : groups) {
                below(group);
            }
        }

        private void collectPlaces(List<ElementRef> children, List<ElementRef> way) {
            for (ElementRef child : children) {
                way.add(child);
                places.computeIfAbsent(child.id().id(), k -> new ArrayList<>()).add(List.copyOf(way));
                if (child.element() instanceof FieldGroup group) {
                    if (!idsBelow.containsKey(group)) {
                        idsBelow.put(group, new HashSet<>());
                        groups.add(group);
                    }
                    collectPlaces(group.children(), way);
                }
                way.remove(way.size() - 1);
            }
        }

        /** Fills the ids and groups below a group, once per group. */
        private void below(FieldGroup group) {
            if (groupsBelow.containsKey(group)) {
                return;
            }
            Set<FieldGroup> subgroups = Collections.newSetFromMap(new IdentityHashMap<>());
            groupsBelow.put(group, subgroups);
            Set<String> ids = idsBelow.get(group);
            for (ElementRef child : group.children()) {
                ids.add(child.id().id());
                if (child.element() instanceof FieldGroup sub) {
                    parents.computeIfAbsent(sub, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(group);
                    below(sub);
                    subgroups.add(sub);
                    subgroups.addAll(groupsBelow.get(sub));
                    ids.addAll(idsBelow.get(sub));
                }
            }
        }

        /** The home groups of a rule naming these ids (see the class comment); empty for the whole form. */
        List<FieldGroup> homes(Set<String> ids) {
            Set<String> inRepeated = new LinkedHashSet<>();
            for (String id : ids) {
                boolean repeated = places.getOrDefault(id, List.of()).stream().anyMatch(Structure::insideRepeatable);
                if (repeated) {
                    inRepeated.add(id);
                }
            }
            Set<String> decisive = inRepeated.isEmpty() ? ids : inRepeated;
            List<FieldGroup> covering = groups.stream().filter(g -> idsBelow.get(g).containsAll(decisive)).toList();
            List<FieldGroup> homes = new ArrayList<>();
            for (FieldGroup candidate : covering) {
                Set<FieldGroup> below = groupsBelow.get(candidate);
                if (covering.stream().noneMatch(below::contains)) {
                    homes.add(candidate);
                }
            }
            return homes;
        }

        private static boolean insideRepeatable(List<ElementRef> way) {
            for (int i = 0; i < way.size() - 1; i++) {
                if (way.get(i).multiplicity().isRepeatable()) {
                    return true;
                }
            }
            return false;
        }

        /** Every group that encloses the group somewhere in the schema. */
        Set<FieldGroup> ancestors(FieldGroup group) {
            Set<FieldGroup> result = Collections.newSetFromMap(new IdentityHashMap<>());
            List<FieldGroup> todo = new ArrayList<>(parents.getOrDefault(group, Set.of()));
            while (!todo.isEmpty()) {
                FieldGroup next = todo.remove(todo.size() - 1);
                if (result.add(next)) {
                    todo.addAll(parents.getOrDefault(next, Set.of()));
                }
            }
            return result;
        }

        /**
         * For each of the wanted ids, the routes from these children down to its occurrences at the smallest depth
         * (breadth first), so that the nearest occurrence wins.
         */
        Map<String, List<List<ElementRef>>> nearestRoutes(List<ElementRef> children, Set<String> wanted) {
            Map<String, List<List<ElementRef>>> routes = new HashMap<>();
            List<List<ElementRef>> level = new ArrayList<>();
            children.forEach(c -> level.add(List.of(c)));
            List<List<ElementRef>> current = level;
            while (!current.isEmpty() && routes.size() < wanted.size()) {
                Map<String, List<List<ElementRef>>> found = new HashMap<>();
                List<List<ElementRef>> next = new ArrayList<>();
                for (List<ElementRef> route : current) {
                    ElementRef last = route.get(route.size() - 1);
                    String id = last.id().id();
                    if (wanted.contains(id) && !routes.containsKey(id)) {
                        found.computeIfAbsent(id, k -> new ArrayList<>()).add(route);
                    }
                    if (last.element() instanceof FieldGroup group) {
                        for (ElementRef child : group.children()) {
                            List<ElementRef> longer = new ArrayList<>(route);
                            longer.add(child);
                            next.add(longer);
                        }
                    }
                }
                found.forEach((id, list) -> routes.put(id, List.copyOf(list)));
                current = next;
            }
            return Map.copyOf(routes);
        }
    }
}
