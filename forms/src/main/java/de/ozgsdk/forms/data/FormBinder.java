package de.ozgsdk.forms.data;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.internal.data.SchemaIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Binds the parameters of an HTML form submission ({@code application/x-www-form-urlencoded}, as a servlet's
 * {@code getParameterMap()} gives them) to {@link FormData} of one schema. Thread-safe; create one per schema.
 *
 * <p><b>Parameter names</b> are {@link DataPath}s: {@code F60000227} (top-level field),
 * {@code G60000086[0].F60000243} (field in the first instance of a group; {@code G60000086.F60000243} means the
 * same), {@code F60000300[2]} (third value of a repeated field). Several values under one name (a multi-select, a
 * checkbox group) are the field's values in order; indexed values come first in index order, then unindexed ones.
 * Indexes may have gaps (after a removal in the browser): instances and values are re-numbered from 0 in order.
 * An empty value is "not given" but still creates the group instance it belongs to, so an empty instance the user
 * added survives the round trip.
 *
 * <p><b>Checkboxes</b> ({@code bool}): an unchecked checkbox sends nothing, so render a hidden {@code false} before
 * the checkbox: {@code <input type="hidden" name="F1" value="false"><input type="checkbox" name="F1"
 * value="true">}. For a single-valued {@code bool} field the last value sent wins.
 *
 * <p><b>Repeat buttons</b> without JavaScript: a submit button {@code name="_add" value="G60000086"} appends an empty
 * instance to that repeatable group ({@code G1[0].G2} for a nested one); {@code name="_remove"
 * value="G60000086[1]"} removes that instance. {@link BindResult#changedStructure()} then tells the caller to show
 * the step again. Other names starting with {@code _} are reserved for the portal (CSRF tokens, navigation buttons)
 * and ignored.
 *
 * <p><b>Refused</b> with an {@link InvalidInputException} (the form was crafted or is outdated, so there is nothing a
 * citizen could correct): a name that is no path ({@link DataError#PATH_MALFORMED}) or names no element of the schema
 * ({@link DataError#UNKNOWN_ELEMENT}, {@link DataError#PATH_KIND_MISMATCH}); more values than
 * {@link DataLimits#maxValues()} ({@link DataError#TOO_MANY_VALUES}); a value or name longer than
 * {@link DataLimits#maxValueLength()} ({@link DataError#VALUE_TOO_LONG}); an index at or above
 * {@link DataLimits#maxRepetitions()} ({@link DataError#TOO_MANY_REPETITIONS}); an {@code _add}/{@code _remove} that
 * does not name a repeatable group ({@link DataError#ACTION_INVALID}).
 *
 * <p>A {@link de.ozgsdk.forms.FimForm} binds with its own binder and takes the servlet's map as it is:
 * {@code form.bind(request.getParameterMap())}. The binder itself takes lists of values; {@link #fromArrays(Map)}
 * converts a servlet's {@code Map<String, String[]>}:
 *
 * <pre>{@code
 * FormBinder binder = FormBinder.of(schema);
 * BindResult bound = binder.bind(FormBinder.fromArrays(request.getParameterMap())); // a servlet's parameters
 * if (bound.changedStructure()) {
 *     showStepAgain(bound.data());   // "add" or "remove" was pressed: one instance more or less
 * }
 * }</pre>
 */
public final class FormBinder {

    /** The parameter of an "add instance" button; its value is the group's path. */
    public static final String ADD = "_add";
    /** The parameter of a "remove instance" button; its value is the instance's path with index. */
    public static final String REMOVE = "_remove";

    private final FormSchema schema;
    private final SchemaIndex index;
    private final DataLimits limits;

    private FormBinder(FormSchema schema, DataLimits limits) {
        this.schema = schema;
        this.index = new SchemaIndex(schema);
        this.limits = limits;
    }

    /** A binder for this schema with {@link DataLimits#DEFAULT}. */
    public static FormBinder of(FormSchema schema) {
        return new FormBinder(Objects.requireNonNull(schema, "schema"), DataLimits.DEFAULT);
    }

    /** A binder for this schema with the given limits. */
    public static FormBinder of(FormSchema schema, DataLimits limits) {
        return new FormBinder(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(limits, "limits"));
    }

    /** Converts a servlet parameter map ({@code Map<String, String[]>}) to the form {@link #bind} takes. */
    public static Map<String, List<String>> fromArrays(Map<String, String[]> parameters) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        parameters.forEach((name, values) -> lists.put(name, values == null ? List.of() : List.of(values)));
        return lists;
    }

    /**
     * Binds the parameters; see the class description for the scheme and what is refused.
     *
     * @throws InvalidInputException with a {@link DataError} code naming the parameter
     */
    public BindResult bind(Map<String, ? extends List<String>> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        checkCounts(parameters);
        Node root = new Node();
        List<String> actions = new ArrayList<>();
        for (Map.Entry<String, ? extends List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue() == null ? List.of() : parameter.getValue();
            if (ADD.equals(name) || REMOVE.equals(name)) {
                values.forEach(v -> actions.add(name + "=" + v));
            } else if (!name.startsWith("_")) {
                bindField(root, DataPath.parse(name), values);
            }
        }
        List<DataPath> added = new ArrayList<>();
        List<DataPath> removed = new ArrayList<>();
        for (String action : actions) {
            int eq = action.indexOf('=');
            boolean add = action.startsWith(ADD + "=");
            DataPath target = actionTarget(action.substring(eq + 1), add);
            if (add) {
                added.add(add(root, target));
            } else if (remove(root, target)) {
                removed.add(target);
            }
        }
        return new BindResult(root.toFormData(), renumber(root, added), removed);
    }

    private void checkCounts(Map<String, ? extends List<String>> parameters) {
        long count = 0;
        for (Map.Entry<String, ? extends List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.length() > limits.maxValueLength()) {
                throw new InvalidInputException(DataError.VALUE_TOO_LONG, DataPath.quote(name),
                        limits.maxValueLength());
            }
            List<String> values = parameter.getValue() == null ? List.of() : parameter.getValue();
            count += Math.max(1, values.size());
            if (count > limits.maxValues()) {
                throw new InvalidInputException(DataError.TOO_MANY_VALUES, limits.maxValues());
            }
            for (String value : values) {
                if (value != null && value.length() > limits.maxValueLength()) {
                    throw new InvalidInputException(DataError.VALUE_TOO_LONG, DataPath.quote(name),
                            limits.maxValueLength());
                }
            }
        }
    }

    private void bindField(Node root, DataPath path, List<String> values) {
        Node node = root;
        Optional<FieldGroup> group = Optional.empty();
        List<DataPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            DataPath.Segment segment = segments.get(i);
            ElementRef ref = resolve(group, segment, path);
            boolean last = i == segments.size() - 1;
            if (ref.element() instanceof FieldGroup childGroup) {
                if (last) {
                    throw new InvalidInputException(DataError.PATH_KIND_MISMATCH, path, "field");
                }
                node = node.instance(segment.id(), segment.indexOrZero());
                group = Optional.of(childGroup);
            } else if (ref.element() instanceof Field field) {
                if (!last) {
                    throw new InvalidInputException(DataError.PATH_KIND_MISMATCH, path, "group");
                }
                Slot slot = node.fields.computeIfAbsent(segment.id(), k -> new Slot());
                for (String value : values) {
                    if (value != null && !value.isEmpty()) {
                        slot.add(segment, value);
                    }
                }
                if (field.dataType() == DataType.BOOL && !ref.multiplicity().isRepeatable()) {
                    slot.keepLast();
                }
            }
        }
    }

    private ElementRef resolve(Optional<FieldGroup> group, DataPath.Segment segment, Object where) {
        ElementRef ref = index.child(group, segment.id()).orElseThrow(() -> new InvalidInputException(
                DataError.UNKNOWN_ELEMENT, where, group.map(g -> g.id().id()).orElse(schema.id().id())));
        if (segment.indexOrZero() >= limits.maxRepetitions()) {
            throw new InvalidInputException(DataError.TOO_MANY_REPETITIONS, where, limits.maxRepetitions());
        }
        return ref;
    }

    /** Resolves the path of an action to a repeatable group; {@code _remove} needs the instance index. */
    private DataPath actionTarget(String text, boolean add) {
        DataPath path;
        try {
            path = DataPath.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(DataError.ACTION_INVALID, e, add ? ADD : REMOVE, DataPath.quote(text));
        }
        Optional<FieldGroup> group = Optional.empty();
        ElementRef ref = null;
        for (DataPath.Segment segment : path.segments()) {
            ref = resolve(group, segment, path);
            if (!(ref.element() instanceof FieldGroup g)) {
                throw new InvalidInputException(DataError.ACTION_INVALID, add ? ADD : REMOVE, path);
            }
            group = Optional.of(g);
        }
        if (!ref.multiplicity().isRepeatable() || !add && path.last().index().isEmpty()) {
            throw new InvalidInputException(DataError.ACTION_INVALID, add ? ADD : REMOVE, path);
        }
        return path;
    }

    private DataPath add(Node root, DataPath target) {
        Node parent = parentNode(root, target);
        TreeMap<Integer, Node> instances = parent.groups.computeIfAbsent(target.last().id(), k -> new TreeMap<>());
        int next = instances.isEmpty() ? 0 : instances.lastKey() + 1;
        if (instances.size() >= limits.maxRepetitions() || next > DataPath.MAX_INDEX) {
            throw new InvalidInputException(DataError.TOO_MANY_REPETITIONS, target, limits.maxRepetitions());
        }
        instances.put(next, new Node());
        return target.withIndex(next);
    }

    private static boolean remove(Node root, DataPath target) {
        Node parent = parentNode(root, target);
        TreeMap<Integer, Node> instances = parent.groups.get(target.last().id());
        return instances != null && instances.remove(target.last().indexOrZero()) != null;
    }

    private static Node parentNode(Node root, DataPath target) {
        Node node = root;
        List<DataPath.Segment> segments = target.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            node = node.instance(segments.get(i).id(), segments.get(i).indexOrZero());
        }
        return node;
    }

    /** Maps the paths of added instances (sparse numbering) to the compacted numbering of the result. */
    private static List<DataPath> renumber(Node root, List<DataPath> added) {
        List<DataPath> result = new ArrayList<>();
        for (DataPath path : added) {
            Node node = root;
            List<DataPath.Segment> segments = new ArrayList<>();
            boolean found = true;
            for (DataPath.Segment segment : path.segments()) {
                TreeMap<Integer, Node> instances = node.groups.getOrDefault(segment.id(), new TreeMap<>());
                int dense = instances.headMap(segment.indexOrZero()).size();
                segments.add(new DataPath.Segment(segment.id(), OptionalInt.of(dense)));
                node = instances.get(segment.indexOrZero());
                if (node == null) {
                    found = false;
                    break;
                }
            }
            if (found) {
                result.add(DataPath.of(segments));
            }
        }
        return result;
    }

    /** A group instance being bound: sparse instance and value numbering until {@link #toFormData()}. */
    private static final class Node {
        private final Map<String, TreeMap<Integer, Node>> groups = new LinkedHashMap<>();
        private final Map<String, Slot> fields = new LinkedHashMap<>();

        Node instance(String groupId, int index) {
            return groups.computeIfAbsent(groupId, k -> new TreeMap<>()).computeIfAbsent(index, k -> new Node());
        }

        FormData toFormData() {
            FormData.Builder builder = FormData.builder();
            fields.forEach((id, slot) -> builder.values(id, slot.values()));
            groups.forEach((id, instances) -> builder.groups(id,
                    instances.values().stream().map(Node::toFormData).toList()));
            return builder.build();
        }
    }

    /** The values of one field: indexed ones by index, then unindexed ones in order. */
    private static final class Slot {
        private final TreeMap<Integer, String> indexed = new TreeMap<>();
        private final List<String> unindexed = new ArrayList<>();

        void add(DataPath.Segment segment, String value) {
            if (segment.index().isPresent()) {
                indexed.put(segment.index().getAsInt(), value);
            } else {
                unindexed.add(value);
            }
        }

        void keepLast() {
            List<String> all = values();
            if (all.size() > 1) {
                String last = all.get(all.size() - 1);
                indexed.clear();
                unindexed.clear();
                unindexed.add(last);
            }
        }

        List<String> values() {
            List<String> all = new ArrayList<>(indexed.values());
            all.addAll(unindexed);
            return all;
        }
    }
}
