package de.ozgsdk.forms.data;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FormBinder#bind} made of a form submission: the data, and the group instances the user added or
 * removed with the repeat buttons ({@code _add}/{@code _remove}). When {@link #changedStructure()} is true the user
 * did not mean to submit: show the same step again with the new data (and usually without violations).
 *
 * @param data    the bound data, group instances re-numbered from 0 without gaps
 * @param added   paths of the instances added, as they are numbered in {@code data}
 * @param removed paths of the instances removed, as they were numbered in the submitted form
 */
public record BindResult(FormData data, List<DataPath> added, List<DataPath> removed) {

    public BindResult {
        Objects.requireNonNull(data, "data");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Whether an instance was added or removed. */
    public boolean changedStructure() {
        return !added.isEmpty() || !removed.isEmpty();
    }
}
