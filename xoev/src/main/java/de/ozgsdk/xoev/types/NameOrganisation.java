package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of an organisation ({@code basis:NameOrganisation}, element {@code <basis:nameOrganisation>}), optionally
 * with a short name.
 */
@XmlRootElement(name = "nameOrganisation")
@XmlType(name = "NameOrganisation", propOrder = {"name", "kurzbezeichnung"})
public final class NameOrganisation {

    private static final String OWNER = "NameOrganisation";

    @XmlElement(required = true)
    private String name;
    @XmlElement
    private String kurzbezeichnung;

    private NameOrganisation() {
        // for JAXB
    }

    private NameOrganisation(String name, String kurzbezeichnung) {
        this.name = name;
        this.kurzbezeichnung = kurzbezeichnung;
    }

    /** An organisation's name, e.g. "Müller &amp; Söhne GmbH". */
    public static NameOrganisation of(String name) {
        return new NameOrganisation(Arguments.text(name, "name", OWNER), null);
    }

    /** This name with a short name, e.g. "MSG". */
    public NameOrganisation withKurzbezeichnung(String kurzbezeichnung) {
        return new NameOrganisation(name, Arguments.text(kurzbezeichnung, "kurzbezeichnung", OWNER));
    }

    /** The full name. */
    public String name() {
        return name;
    }

    /** The short name, if given. */
    public Optional<String> kurzbezeichnung() {
        return Optional.ofNullable(kurzbezeichnung);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameOrganisation other && Objects.equals(name, other.name)
                && Objects.equals(kurzbezeichnung, other.kurzbezeichnung);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kurzbezeichnung);
    }

    @Override
    public String toString() {
        return "NameOrganisation[" + name + (kurzbezeichnung == null ? "" : ", " + kurzbezeichnung) + "]";
    }
}
