package de.ozgsdk.portal.runtime;

import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reading and writing single values of {@link FormData} by {@link DataPath}, the way the prefill needs it. */
final class FormPaths {

    private FormPaths() {
    }

    /** {@code path} with an explicit index on every group segment (0 where none is given), the canonical form. */
    static DataPath canonical(DataPath path) {
        List<DataPath.Segment> segments = new ArrayList<>();
        List<DataPath.Segment> given = path.segments();
        for (int i = 0; i < given.size(); i++) {
            DataPath.Segment s = given.get(i);
            boolean group = i < given.size() - 1;
            segments.add(group && s.index().isEmpty() ? new DataPath.Segment(s.id(), OptionalInt.of(0)) : s);
        }
        return DataPath.of(segments);
    }

    /** The first value at a canonical path, if any and not blank. */
    static Optional<String> value(FormData data, DataPath path) {
        return data.value(path).filter(v -> !v.isBlank());
    }

    /** {@code data} with the field at the canonical {@code path} set to the single {@code value}. */
    static FormData set(FormData data, DataPath path, String value) {
        return set(data, path.segments(), 0, value);
    }

    private static FormData set(FormData data, List<DataPath.Segment> segments, int at, String value) {
        DataPath.Segment segment = segments.get(at);
        if (at == segments.size() - 1) {
            return data.toBuilder().value(segment.id(), value).build();
        }
        int index = segment.index().orElse(0);
        List<FormData> instances = new ArrayList<>(data.groups(segment.id()));
        while (instances.size() <= index) {
            instances.add(FormData.empty());
        }
        instances.set(index, set(instances.get(index), segments, at + 1, value));
        return data.toBuilder().groups(segment.id(), instances).build();
    }
}
