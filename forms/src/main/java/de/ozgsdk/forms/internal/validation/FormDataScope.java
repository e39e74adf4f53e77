package de.ozgsdk.forms.internal.validation;

import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.data.ValueParser;
import de.ozgsdk.forms.rules.RuleScope;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The form data as a rule sees them from one group instance (or the top level): element ids resolve nearest first,
 * i.e. in the schema subtree of the current instance at the smallest depth, else in that of the enclosing instance,
 * and so on up to the whole form. Where an id resolves into a repeated group, all its instances count (several
 * values). Elements hidden by rules evaluated so far look empty.
 *
 * <p>Values are typed by Datentyp with the validator's own {@link ValueParser}: texts, {@code BigDecimal} or
 * {@code BigInteger} numbers, {@code Boolean}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime} (a value
 * with offset is converted to the zone of the validation clock). The Datentyp decides also for fields with a
 * Codeliste or inline values, as in the validator: a text field gives its code as text, a {@code bool} field with a
 * code list its Boolean (see {@code FormRules.elementTypes}). A value that is no valid value of its Datentyp is given
 * as the text entered: the validator reports it, and a rule comparing it with a typed value reports a problem instead
 * of deciding on a wrong value.
 */
final class FormDataScope implements RuleScope {

    /** One group instance on the way from the top level to the instance a rule is evaluated in. */
    record Frame(Optional<FieldGroup> group, FormData data, Optional<DataPath> path) {
    }

    /** A place of an element in the data, seen from the scope's instance. */
    record Occurrence(DataPath path, ElementRef ref, FormData holder, List<String> groupsNearestFirst) {
    }

    private final RulePlan plan;
    private final List<Frame> chain;
    private final RuleResults results;
    private final ZoneId zone;

    FormDataScope(RulePlan plan, List<Frame> chain, RuleResults results, ZoneId zone) {
        this.plan = plan;
        this.chain = List.copyOf(chain);
        this.results = results;
        this.zone = zone;
    }

    @Override
    public List<?> values(String elementId) {
        List<Object> values = new ArrayList<>();
        for (Occurrence occurrence : occurrences(elementId, false)) {
            if (occurrence.ref().element() instanceof Field field && field.kind() != FieldKind.LABEL) {
                for (String raw : occurrence.holder().values(elementId)) {
                    if (!raw.isBlank()) {
                        values.add(typed(field, raw));
                    }
                }
            }
        }
        return values;
    }

    @Override
    public boolean isFilled(String elementId) {
        for (Occurrence occurrence : occurrences(elementId, false)) {
            FormData holder = occurrence.holder();
            if (occurrence.ref().element() instanceof Field
                    ? holder.values(elementId).stream().anyMatch(v -> !v.isBlank())
                    : holder.groups(elementId).stream().anyMatch(i -> !i.isBlank())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int count(String elementId) {
        int count = 0;
        for (Occurrence occurrence : occurrences(elementId, false)) {
            FormData holder = occurrence.holder();
            count += occurrence.ref().element() instanceof Field
                    ? (int) holder.values(elementId).stream().filter(v -> !v.isBlank()).count()
                    : (int) holder.groups(elementId).stream().filter(i -> !i.isBlank()).count();
        }
        return count;
    }

    @Override
    public List<String> enclosingGroups(String elementId) {
        Set<String> groups = new LinkedHashSet<>();
        occurrences(elementId, false).forEach(o -> groups.addAll(o.groupsNearestFirst()));
        return List.copyOf(groups);
    }

    /**
     * The places an id resolves to, nearest first, leaving out hidden ones. With {@code virtual}, a group without
     * instances on the way counts as one empty instance, so that a rule target inside an absent group still has a
     * path ({@code G3[0].F5}).
     */
    List<Occurrence> occurrences(String elementId, boolean virtual) {
        for (int level = chain.size() - 1; level >= 0; level--) {
            Frame frame = chain.get(level);
            List<List<ElementRef>> routes = plan.routes(frame.group(), elementId);
            if (!routes.isEmpty()) {
                List<Occurrence> found = new ArrayList<>();
                for (List<ElementRef> route : routes) {
                    walk(route, 0, frame.data(), frame.path(), new ArrayList<>(), virtual, found);
                }
                return found;
            }
        }
        return List.of();
    }

    private void walk(List<ElementRef> route, int step, FormData holder, Optional<DataPath> prefix,
            List<String> groups, boolean virtual, List<Occurrence> found) {
        ElementRef ref = route.get(step);
        String id = ref.id().id();
        DataPath path = prefix.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
        if (results.isHidden(path)) {
            return;
        }
        if (step == route.size() - 1) {
            List<String> nearestFirst = new ArrayList<>(groups);
            Collections.reverse(nearestFirst);
            found.add(new Occurrence(path, ref, holder, nearestFirst));
            return;
        }
        List<FormData> instances = holder.groups(id);
        groups.add(id);
        if (instances.isEmpty() && virtual) {
            walk(route, step + 1, FormData.empty(), Optional.of(path.withIndex(0)), groups, true, found);
        }
        for (int i = 0; i < instances.size(); i++) {
            walk(route, step + 1, instances.get(i), Optional.of(path.withIndex(i)), groups, virtual, found);
        }
        groups.remove(groups.size() - 1);
    }

    private Object typed(Field field, String raw) {
        String text = raw.strip();
        Object value = ValueParser.parse(field.dataType(), text).orElse(text);
        return value instanceof OffsetDateTime withOffset
                ? withOffset.atZoneSameInstant(zone).toLocalDateTime() : value;
    }
}
