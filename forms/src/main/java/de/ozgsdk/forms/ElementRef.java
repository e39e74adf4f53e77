package de.ozgsdk.forms;

import java.util.Objects;

/**
 * One place in a structure ({@code <xdf:struktur>}): the element found there and its Multiplizität at that place.
 * The same element may appear in several {@code ElementRef}s with different Multiplizitäten.
 *
 * @param element      the Datenfeld or Datenfeldgruppe ({@code <xdf:enthaelt>})
 * @param multiplicity {@code <xdf:anzahl>}
 */
public record ElementRef(SchemaElement element, Multiplicity multiplicity) {

    public ElementRef {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(multiplicity, "multiplicity");
    }

    /** Shortcut for {@code element().id()}. */
    public FimId id() {
        return element.id();
    }

    @Override
    public String toString() {
        return element.id() + " " + multiplicity;
    }
}
