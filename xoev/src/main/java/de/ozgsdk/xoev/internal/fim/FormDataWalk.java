package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataError;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.xoev.fim.FimXmlError;
import de.ozgsdk.xoev.internal.xml.XmlChars;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks form data along the schema, in the order the generated XSD declares the elements, and reports each element
 * of the XML form to a {@link Sink}: the root, one element per non-blank field value (its text from
 * {@link LexicalValues#toXml}) and per non-blank group instance. No tree is built. Data that do not fit the schema
 * are refused as {@code FormDataJson} refuses them ({@code OZG-DATA-102/103}, checked in blank instances too); a value
 * of a label field and a value XML cannot carry are collected as {@link Problem}s and left out. Built once per schema;
 * immutable and thread-safe.
 */
public final class FormDataWalk {

    /** Receives the elements in document order. */
    public interface Sink {
        /** An element starts: the root ({@code index} -1) or a field value or group instance with its index. */
        void start(String localName, int index);

        /** The text of the field value just started. */
        void text(String text);

        /** The element started last ends. */
        void end();
    }

    /** A value that cannot be written: code and data path ({@code G1[0].F2[1]}). */
    public record Problem(FimXmlError code, String path) {
    }

    /** Ids in data paths are ASCII letters, digits, - and _ (checked by {@code FormData}): one char per character. */
    private static final int MAX_ID_IN_MESSAGES = 80;

    private final FormSchema schema;
    /** The first place of each id per level, in schema order (what the XSD declares); the top level under null. */
    private final Map<String, ElementRef> top;
    private final Map<FieldGroup, Map<String, ElementRef>> byGroup = new IdentityHashMap<>();

    public FormDataWalk(FormSchema schema) {
        this.schema = schema;
        this.top = index(schema.children());
    }

    private Map<String, ElementRef> index(List<ElementRef> children) {
        Map<String, ElementRef> places = new LinkedHashMap<>();
        for (ElementRef child : children) {
            places.putIfAbsent(child.id().id(), child);
            if (child.element() instanceof FieldGroup group && !byGroup.containsKey(group)) {
                byGroup.put(group, Map.of());
                byGroup.put(group, index(group.children()));
            }
        }
        return places;
    }

    /**
     * Reports the data's elements, the root named {@code rootElement}, to the sink.
     *
     * @return the values left out, in document order
     * @throws InvalidInputException (forms {@code OZG-DATA-102/103}) when the data hold an id the schema lacks at that
     *                               place, or values where the schema has a group (and the reverse)
     */
    public List<Problem> walk(FormData data, String rootElement, Sink sink) {
        List<Problem> problems = new ArrayList<>(0);
        sink.start(rootElement, -1);
        level(data, top, Optional.empty(), "", sink, problems);
        sink.end();
        return problems;
    }

    /**
     * One group instance (or the top level) whose data path is {@code prefix} ({@code G1[0].} or empty); {@code sink}
     * null: only check the structure (a blank instance).
     */
    private void level(FormData data, Map<String, ElementRef> places, Optional<FieldGroup> group, String prefix,
                       Sink sink, List<Problem> problems) {
        Set<String> ids = data.ids();
        for (String id : ids) {
            if (!places.containsKey(id)) {
                throw new InvalidInputException(DataError.UNKNOWN_ELEMENT, path(prefix, id),
                        group.map(g -> g.id().id()).orElse(schema.id().id()));
            }
        }
        for (ElementRef place : places.values()) {
            String id = place.id().id();
            if (!ids.contains(id)) {
                continue;
            }
            if (place.element() instanceof Field field) {
                List<String> values = data.values(id);
                if (values.isEmpty()) {
                    throw new InvalidInputException(DataError.PATH_KIND_MISMATCH, path(prefix, id), "field");
                }
                if (sink != null) {
                    values(field, id, values, prefix, sink, problems);
                }
            } else if (place.element() instanceof FieldGroup child) {
                List<FormData> instances = data.groups(id);
                if (instances.isEmpty()) {
                    throw new InvalidInputException(DataError.PATH_KIND_MISMATCH, path(prefix, id), "group");
                }
                for (int i = 0; i < instances.size(); i++) {
                    FormData instance = instances.get(i);
                    boolean written = sink != null && !isBlank(instance);
                    if (written) {
                        sink.start(id, i);
                    }
                    level(instance, byGroup.get(child), Optional.of(child), prefix + id + "[" + i + "].",
                            written ? sink : null, problems);
                    if (written) {
                        sink.end();
                    }
                }
            }
        }
    }

    /** Whether no non-blank value exists in the instance ({@link FormData#isBlank()} without its streams). */
    private static boolean isBlank(FormData data) {
        for (String id : data.ids()) {
            for (String value : data.values(id)) {
                if (!value.isBlank()) {
                    return false;
                }
            }
            for (FormData instance : data.groups(id)) {
                if (!isBlank(instance)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void values(Field field, String id, List<String> values, String prefix, Sink sink,
                               List<Problem> problems) {
        for (int i = 0; i < values.size(); i++) {
            String raw = values.get(i);
            if (raw.isBlank()) {
                continue;
            }
            if (field.kind() == FieldKind.LABEL) {
                problems.add(new Problem(FimXmlError.LABEL_HOLDS_VALUE, prefix + id + "[" + i + "]"));
                continue;
            }
            String text = LexicalValues.toXml(field.dataType(), raw);
            if (!XmlChars.isXmlText(text)) {
                problems.add(new Problem(FimXmlError.CHARACTER_NOT_XML, prefix + id + "[" + i + "]"));
                continue;
            }
            sink.start(id, i);
            sink.text(text);
            sink.end();
        }
    }

    /** The data path of an id in messages, as {@code FormDataJson} writes it (ids are shortened to 80 characters). */
    private static String path(String prefix, String id) {
        return prefix + (id.length() > MAX_ID_IN_MESSAGES ? id.substring(0, MAX_ID_IN_MESSAGES) + "…" : id);
    }
}
