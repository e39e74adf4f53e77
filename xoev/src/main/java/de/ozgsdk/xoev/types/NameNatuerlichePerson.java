package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of a natural person ({@code basis:NameNatuerlichePerson}, element {@code <basis:nameNatuerlichePerson>}):
 * first names and family name, optionally academic title and birth name.
 *
 * <p>{@link #toString()} does not show the name: it is personal data and must not end up in logs.
 */
@XmlRootElement(name = "nameNatuerlichePerson")
@XmlType(name = "NameNatuerlichePerson", propOrder = {"titel", "vorname", "familienname", "geburtsname"})
public final class NameNatuerlichePerson {

    private static final String OWNER = "NameNatuerlichePerson";

    @XmlElement
    private String titel;
    @XmlElement(required = true)
    private String vorname;
    @XmlElement(required = true)
    private String familienname;
    @XmlElement
    private String geburtsname;

    private NameNatuerlichePerson() {
        // for JAXB
    }

    private NameNatuerlichePerson(String titel, String vorname, String familienname, String geburtsname) {
        this.titel = titel;
        this.vorname = vorname;
        this.familienname = familienname;
        this.geburtsname = geburtsname;
    }

    /**
     * A person's name.
     *
     * @param vorname      all first names, separated by blanks, e.g. "Anna Maria"
     * @param familienname the family name, e.g. "Müller-Lüdenscheidt"
     */
    public static NameNatuerlichePerson of(String vorname, String familienname) {
        return new NameNatuerlichePerson(null, Arguments.text(vorname, "vorname", OWNER),
                Arguments.text(familienname, "familienname", OWNER), null);
    }

    /** This name with an academic title, e.g. "Dr.". */
    public NameNatuerlichePerson withTitel(String titel) {
        return new NameNatuerlichePerson(Arguments.text(titel, "titel", OWNER), vorname, familienname, geburtsname);
    }

    /** This name with the birth name. */
    public NameNatuerlichePerson withGeburtsname(String geburtsname) {
        return new NameNatuerlichePerson(titel, vorname, familienname,
                Arguments.text(geburtsname, "geburtsname", OWNER));
    }

    /** The academic title, if given. */
    public Optional<String> titel() {
        return Optional.ofNullable(titel);
    }

    /** All first names, separated by blanks. */
    public String vorname() {
        return vorname;
    }

    /** The family name. */
    public String familienname() {
        return familienname;
    }

    /** The birth name, if given. */
    public Optional<String> geburtsname() {
        return Optional.ofNullable(geburtsname);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameNatuerlichePerson other && Objects.equals(titel, other.titel)
                && Objects.equals(vorname, other.vorname) && Objects.equals(familienname, other.familienname)
                && Objects.equals(geburtsname, other.geburtsname);
    }

    @Override
    public int hashCode() {
        return Objects.hash(titel, vorname, familienname, geburtsname);
    }

    @Override
    public String toString() {
        return "NameNatuerlichePerson[redacted]";
    }
}
