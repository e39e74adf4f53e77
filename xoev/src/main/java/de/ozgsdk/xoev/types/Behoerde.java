package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;
import java.util.Optional;

/**
 * An authority as author or reader of a message ({@code basis:Behoerde}): its {@link Behoerdenkennung} and optionally
 * its name.
 */
@XmlType(name = "Behoerde", propOrder = {"behoerdenkennung", "name"})
public final class Behoerde {

    private static final String OWNER = "Behoerde";

    @XmlElement(required = true)
    private Behoerdenkennung behoerdenkennung;
    @XmlElement
    private String name;

    private Behoerde() {
        // for JAXB
    }

    private Behoerde(Behoerdenkennung behoerdenkennung, String name) {
        this.behoerdenkennung = behoerdenkennung;
        this.name = name;
    }

    /** An authority without a name. */
    public static Behoerde of(Behoerdenkennung behoerdenkennung) {
        return new Behoerde(Arguments.present(behoerdenkennung, "behoerdenkennung", OWNER), null);
    }

    /**
     * An authority in the Deutsches Verwaltungsdiensteverzeichnis, without a name:
     * {@code of(Behoerdenkennung.dvdv(kennung))}.
     *
     * @param kennung the authority's key in the DVDV, e.g. {@code 05315000}
     */
    public static Behoerde dvdv(String kennung) {
        return of(Behoerdenkennung.dvdv(kennung));
    }

    /** This authority with the given name, e.g. "Stadt Köln, Bürgeramt". */
    public Behoerde withName(String name) {
        return new Behoerde(behoerdenkennung, Arguments.text(name, "name", OWNER));
    }

    /** The authority's identification. */
    public Behoerdenkennung behoerdenkennung() {
        return behoerdenkennung;
    }

    /** The authority's name, if given. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Behoerde other && Objects.equals(behoerdenkennung, other.behoerdenkennung)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(behoerdenkennung, name);
    }

    @Override
    public String toString() {
        return "Behoerde[" + behoerdenkennung + (name == null ? "" : ", " + name) + "]";
    }
}
