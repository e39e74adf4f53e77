package de.ozgsdk.forms.internal.render;

import de.ozgsdk.forms.data.DataPath;
import java.util.List;

/**
 * Element ids derived from data paths: {@code G60000086[0].F60000227} becomes {@code f-G60000086.0.F60000227}. Ids
 * and indexes of a path never contain {@code .}, and ids start with a letter while indexes are digits, so the
 * mapping is injective; the prefix tells the kind (input, group, hint, error, option), so ids never collide.
 */
public final class Ids {

    private Ids() {
    }

    /** The id of a field's (first) input. */
    public static String input(DataPath path) {
        return encode("f-", path).toString();
    }

    /** The id of a group's fieldset (instance: with index; repeat container: without). */
    public static String group(DataPath path) {
        return encode("g-", path).toString();
    }

    /** The id of the hint of the element with this input or fieldset id. */
    public static String hint(String elementId) {
        return "h-" + elementId;
    }

    /** The id of the inline error of the element with this input or fieldset id. */
    public static String error(String elementId) {
        return "e-" + elementId;
    }

    /** The id of option {@code index} (from 1; option 0 uses the input id) of a radio or checkbox group. */
    public static String option(DataPath path, int index) {
        return encode("o-", path).append('-').append(index).toString();
    }

    /** The id of the explanation of option {@code index} (from 0) of a radio or checkbox group. */
    public static String optionHint(DataPath path, int index) {
        return encode("oh-", path).append('-').append(index).toString();
    }

    /** The path written with dots: {@code G1[0].F2} as {@code G1.0.F2}. */
    public static String encode(DataPath path) {
        return encode("", path).toString();
    }

    /** The prefix and the path written with dots, in one buffer of the right size (ids are made for every input). */
    private static StringBuilder encode(String prefix, DataPath path) {
        List<DataPath.Segment> segments = path.segments();
        int length = prefix.length() + 8;
        for (DataPath.Segment segment : segments) {
            length += segment.id().length() + 4;
        }
        StringBuilder s = new StringBuilder(length).append(prefix);
        for (int i = 0; i < segments.size(); i++) {
            DataPath.Segment segment = segments.get(i);
            if (i > 0) {
                s.append('.');
            }
            s.append(segment.id());
            if (segment.index().isPresent()) {
                s.append('.').append(segment.index().getAsInt());
            }
        }
        return s;
    }
}
