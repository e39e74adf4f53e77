package de.ozgsdk.forms.data;

import de.ozgsdk.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The data of a form, or of one instance of a Datenfeldgruppe within it: an immutable tree keyed by element id,
 * where a field holds its values as entered (strings, a list because a field may repeat) and a group holds its
 * instances (each again a {@code FormData}).
 *
 * <p>Values are kept as the user typed them ({@code "31.01.2024"}, {@code "12,50"}), so that a form can be shown
 * again with the user's input; typed values come from {@link de.ozgsdk.forms.validation.ValidationResult#value}.
 * A blank value counts as "not given". {@code FormData} knows nothing of the schema; {@link FormDataJson},
 * {@link FormBinder} and the validator bring it together with one. {@link #toString()} shows the structure only,
 * never values (they are personal data).
 *
 * <pre>{@code
 * FormData data = FormData.builder()
 *         .value("F05001344", "01")
 *         .group("G05000496", FormData.builder().value("F05000059", "Mustermann").build())
 *         .build();
 * data.value(DataPath.parse("G05000496[0].F05000059")); // Optional[Mustermann]
 * }</pre>
 */
public final class FormData {

    private static final FormData EMPTY = new FormData(Map.of());

    /** What one id holds: field values or group instances, never both. */
    private sealed interface Entry permits Values, Groups {
        int size();
    }

    private record Values(List<String> values) implements Entry {
        @Override
        public int size() {
            return values.size();
        }
    }

    private record Groups(List<FormData> instances) implements Entry {
        @Override
        public int size() {
            return instances.size();
        }
    }

    private final Map<String, Entry> entries;
    private final int hash;

    private FormData(Map<String, Entry> entries) {
        this.entries = entries;
        this.hash = entries.hashCode();
    }

    /** Data without any value. */
    public static FormData empty() {
        return EMPTY;
    }

    /** Starts empty data. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this data. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entries.putAll(entries);
        return b;
    }

    /** The ids present, in the order they were added. */
    public Set<String> ids() {
        return entries.keySet();
    }

    /** Whether the id holds field values. */
    public boolean isField(String id) {
        return entries.get(id) instanceof Values;
    }

    /** Whether the id holds group instances. */
    public boolean isGroup(String id) {
        return entries.get(id) instanceof Groups;
    }

    /** The values of a field as entered; empty when absent or when the id holds groups. */
    public List<String> values(String fieldId) {
        return entries.get(fieldId) instanceof Values v ? v.values() : List.of();
    }

    /** The first value of a field as entered, if any. */
    public Optional<String> value(String fieldId) {
        List<String> values = values(fieldId);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The instances of a group; empty when absent or when the id holds field values. */
    public List<FormData> groups(String groupId) {
        return entries.get(groupId) instanceof Groups g ? g.instances() : List.of();
    }

    /**
     * The value at a path such as {@code G60000086[0].F60000227} or {@code F60000300[2]} (a group segment without
     * index means instance 0, the field segment without index means value 0).
     */
    public Optional<String> value(DataPath path) {
        DataPath.Segment last = path.last();
        List<String> values = parentOf(path).map(p -> p.values(last.id())).orElse(List.of());
        int index = last.indexOrZero();
        return index < values.size() ? Optional.of(values.get(index)) : Optional.empty();
    }

    /** All values of the field a path points at (the last segment's index is ignored). */
    public List<String> values(DataPath path) {
        return parentOf(path).map(p -> p.values(path.last().id())).orElse(List.of());
    }

    /** The group instance a path points at, e.g. {@code G60000086[1]} (no index: instance 0). */
    public Optional<FormData> group(DataPath path) {
        return parentOf(path).flatMap(p -> instance(p, path.last()));
    }

    private Optional<FormData> parentOf(DataPath path) {
        FormData current = this;
        List<DataPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            Optional<FormData> next = instance(current, segments.get(i));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    private static Optional<FormData> instance(FormData data, DataPath.Segment segment) {
        List<FormData> instances = data.groups(segment.id());
        int index = segment.indexOrZero();
        return index < instances.size() ? Optional.of(instances.get(index)) : Optional.empty();
    }

    /** Whether no non-blank value exists anywhere in this tree (empty group instances count as empty). */
    public boolean isBlank() {
        for (Entry entry : entries.values()) {
            if (entry instanceof Values v && v.values().stream().anyMatch(s -> !s.isBlank())
                    || entry instanceof Groups g && g.instances().stream().anyMatch(i -> !i.isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** The number of field values in this tree, at every depth. */
    public int valueCount() {
        int count = 0;
        for (Entry entry : entries.values()) {
            if (entry instanceof Values v) {
                count += v.size();
            } else if (entry instanceof Groups g) {
                for (FormData instance : g.instances()) {
                    count += instance.valueCount();
                }
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FormData d && hash == d.hash && entries.equals(d.entries);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The structure without values, e.g. {@code {F60000227=1 value, G60000086=[{F60000243=1 value}]}}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        entries.forEach((id, entry) -> {
            if (s.length() > 1) {
                s.append(", ");
            }
            s.append(id).append('=');
            if (entry instanceof Values v) {
                s.append(v.size()).append(v.size() == 1 ? " value" : " values");
            } else if (entry instanceof Groups g) {
                s.append(g.instances());
            }
        });
        return s.append('}').toString();
    }

    /**
     * Builds {@link FormData}; ids keep the order in which they are first set. An id holds either field values or
     * group instances: mixing them is refused ({@link DataError#KIND_CONFLICT}).
     */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a field to one value (replacing earlier values). */
        public Builder value(String fieldId, String value) {
            return values(fieldId, List.of(value));
        }

        /** Sets a field to these values (replacing earlier values); an empty list removes the field. */
        public Builder values(String fieldId, List<String> values) {
            checkId(fieldId);
            List<String> copy = List.copyOf(values);
            requireKind(fieldId, Values.class);
            if (copy.isEmpty()) {
                entries.remove(fieldId);
            } else {
                entries.put(fieldId, new Values(copy));
            }
            return this;
        }

        /** Appends a value to a field. */
        public Builder addValue(String fieldId, String value) {
            Objects.requireNonNull(value, "value");
            List<String> values = new ArrayList<>(currentValues(fieldId));
            values.add(value);
            return values(fieldId, values);
        }

        /** Appends an instance to a group. */
        public Builder group(String groupId, FormData instance) {
            Objects.requireNonNull(instance, "instance");
            checkId(groupId);
            requireKind(groupId, Groups.class);
            List<FormData> instances = new ArrayList<>(entries.get(groupId) instanceof Groups g
                    ? g.instances() : List.of());
            instances.add(instance);
            entries.put(groupId, new Groups(Collections.unmodifiableList(instances)));
            return this;
        }

        /** Sets the instances of a group (replacing earlier ones); an empty list removes the group. */
        public Builder groups(String groupId, List<FormData> instances) {
            checkId(groupId);
            List<FormData> copy = List.copyOf(instances);
            requireKind(groupId, Groups.class);
            if (copy.isEmpty()) {
                entries.remove(groupId);
            } else {
                entries.put(groupId, new Groups(copy));
            }
            return this;
        }

        /** Removes whatever the id holds. */
        public Builder remove(String id) {
            entries.remove(id);
            return this;
        }

        public FormData build() {
            return entries.isEmpty() ? EMPTY : new FormData(Collections.unmodifiableMap(new LinkedHashMap<>(
                    entries)));
        }

        private List<String> currentValues(String fieldId) {
            return entries.get(fieldId) instanceof Values v ? v.values() : List.of();
        }

        private void requireKind(String id, Class<? extends Entry> kind) {
            Entry existing = entries.get(id);
            if (existing != null && !kind.isInstance(existing)) {
                throw new InvalidInputException(DataError.KIND_CONFLICT, id,
                        existing instanceof Values ? "values" : "groups");
            }
        }

        private static void checkId(String id) {
            new DataPath.Segment(id, OptionalInt.empty());
        }
    }
}
