package de.ozgsdk.forms.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link RuleScope} over fixed values held in maps, for tests, for trying rules out (e.g. in the CLI) and for flat
 * forms without repeated groups.
 *
 * <pre>{@code
 * RuleScope scope = MapRuleScope.builder()
 *         .value("F05001047", "02")
 *         .group("G05000499", 1, "F05001243", "F05001244")
 *         .value("F05001243", "Muster")
 *         .build();
 * }</pre>
 */
public final class MapRuleScope implements RuleScope {

    private final Map<String, List<Object>> values;
    private final Map<String, Integer> instances;
    private final Map<String, List<String>> members;
    private final Map<String, String> parents;

    private MapRuleScope(Builder builder) {
        this.values = copy(builder.values);
        this.instances = Map.copyOf(builder.instances);
        this.members = copy(builder.members);
        this.parents = Map.copyOf(builder.parents);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<?> values(String elementId) {
        return values.getOrDefault(elementId, List.of());
    }

    @Override
    public boolean isFilled(String elementId) {
        if (instances.containsKey(elementId)) {
            return instances.get(elementId) > 0
                    && members.getOrDefault(elementId, List.of()).stream().anyMatch(this::isFilled);
        }
        return values(elementId).stream()
                .anyMatch(v -> v != null && !(v instanceof String && ((String) v).isBlank()));
    }

    @Override
    public int count(String elementId) {
        Integer count = instances.get(elementId);
        return count != null ? count : values(elementId).size();
    }

    @Override
    public List<String> enclosingGroups(String elementId) {
        List<String> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String parent = parents.get(elementId);
        while (parent != null && seen.add(parent)) {
            groups.add(parent);
            parent = parents.get(parent);
        }
        return groups;
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> map) {
        Map<String, List<T>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link MapRuleScope}; the maps are copied on {@link #build()}. */
    public static final class Builder {
        private final Map<String, List<Object>> values = new HashMap<>();
        private final Map<String, Integer> instances = new HashMap<>();
        private final Map<String, List<String>> members = new HashMap<>();
        private final Map<String, String> parents = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets the values of a Datenfeld (several for a repeated field or a multiple choice); {@code null} entries
         * stand for "not filled".
         */
        public Builder value(String elementId, Object... fieldValues) {
            Objects.requireNonNull(elementId, "elementId");
            Objects.requireNonNull(fieldValues, "fieldValues");
            values.put(elementId, new ArrayList<>(Arrays.asList(fieldValues)));
            return this;
        }

        /**
         * Declares a Datenfeldgruppe with its number of instances and its member elements (Datenfelder or nested
         * groups); the group counts as filled when it has an instance and a filled member.
         */
        public Builder group(String groupId, int instanceCount, String... memberIds) {
            Objects.requireNonNull(groupId, "groupId");
            if (instanceCount < 0) {
                throw new IllegalArgumentException("instanceCount must not be negative: " + instanceCount);
            }
            instances.put(groupId, instanceCount);
            members.put(groupId, List.of(memberIds));
            for (String member : memberIds) {
                parents.put(member, groupId);
            }
            return this;
        }

        public MapRuleScope build() {
            return new MapRuleScope(this);
        }
    }
}
