package de.ozgsdk.portal.service;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.forms.data.DataPath;
import java.util.Objects;

/**
 * Once-only (Eckpunkt 6): a field of the form that the runtime fills from an attribute the citizen's Servicekonto
 * transmitted at login, so that nobody types in what the state already knows. The runtime marks prefilled values as
 * such on the page.
 *
 * @param target   the field, by its data path without indexes (a field in a repeated group gets the first instance)
 * @param source   the Servicekonto attribute
 * @param editable whether the citizen may change the prefilled value (false: shown read-only, e.g. the name from
 *                 the eID card)
 */
public record PrefillRule(DataPath target, PersonAttribute source, boolean editable) {

    /** Checks that both parts are present. */
    public PrefillRule {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
    }

    /** An editable prefill of {@code target} from {@code source}. */
    public static PrefillRule of(String target, PersonAttribute source) {
        return new PrefillRule(DataPath.parse(target), source, true);
    }
}
