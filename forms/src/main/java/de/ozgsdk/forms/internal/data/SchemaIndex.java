package de.ozgsdk.forms.internal.data;

import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The children of the schema's top level and of every group, by id, so that data readers find the place of an id in
 * constant time. Built once per schema; immutable afterwards, so it may be shared between threads.
 */
public final class SchemaIndex {

    private final Map<String, ElementRef> top;
    private final Map<FieldGroup, Map<String, ElementRef>> byGroup = new IdentityHashMap<>();

    public SchemaIndex(FormSchema schema) {
        this.top = index(schema.children());
    }

    private Map<String, ElementRef> index(List<ElementRef> children) {
        Map<String, ElementRef> map = new HashMap<>();
        for (ElementRef child : children) {
            map.putIfAbsent(child.id().id(), child);
            if (child.element() instanceof FieldGroup group && !byGroup.containsKey(group)) {
                byGroup.put(group, Map.of());
                byGroup.put(group, index(group.children()));
            }
        }
        return Map.copyOf(map);
    }

    /** The place of an id at the top level of the schema. */
    public Optional<ElementRef> top(String id) {
        return Optional.ofNullable(top.get(id));
    }

    /** The places of the schema's top level, by id. */
    public Map<String, ElementRef> topLevel() {
        return top;
    }

    /** The places among the children of a group, by id (empty for a group that is not in the schema). */
    public Map<String, ElementRef> childrenOf(FieldGroup group) {
        return byGroup.getOrDefault(group, Map.of());
    }

    /** The place of an id among the children of a group (or the top level when {@code group} is empty). */
    public Optional<ElementRef> child(Optional<FieldGroup> group, String id) {
        return group.isEmpty() ? top(id) : Optional.ofNullable(byGroup.getOrDefault(group.get(), Map.of()).get(id));
    }
}
