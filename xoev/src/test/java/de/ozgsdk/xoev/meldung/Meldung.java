package de.ozgsdk.xoev.meldung;

import de.ozgsdk.xoev.types.Anschrift;
import de.ozgsdk.xoev.types.NameNatuerlichePerson;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/** {@code <m:meldung>}: a plain mutable JAXB bean, so that tests can also build invalid ones. */
@XmlRootElement(name = "meldung")
@XmlType(propOrder = {"person", "anschrift", "bemerkung"})
public class Meldung {

    public static final String NAMESPACE = "urn:ozgsdk:test:meldung:1.0";

    /** Imports the building blocks with a schemaLocation that must never be fetched. */
    public static final String XSD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       xmlns:basis="urn:ozgsdk:xoev:basis:1.0"
                       targetNamespace="urn:ozgsdk:test:meldung:1.0"
                       elementFormDefault="qualified">
              <xs:import namespace="urn:ozgsdk:xoev:basis:1.0"
                         schemaLocation="https://schemas.example.invalid/ozg-xoev-basis-1.0.xsd"/>
              <xs:element name="meldung">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="person" type="basis:NameNatuerlichePerson"/>
                    <xs:element name="anschrift" type="basis:Anschrift"/>
                    <xs:element name="bemerkung" type="xs:string" minOccurs="0"/>
                  </xs:sequence>
                  <xs:attribute name="aktenzeichen" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

    @XmlAttribute(required = true)
    public String aktenzeichen;
    @XmlElement(required = true)
    public NameNatuerlichePerson person;
    @XmlElement(required = true)
    public Anschrift anschrift;
    public String bemerkung;

    public Meldung() {
    }

    public Meldung(String aktenzeichen, NameNatuerlichePerson person, Anschrift anschrift, String bemerkung) {
        this.aktenzeichen = aktenzeichen;
        this.person = person;
        this.anschrift = anschrift;
        this.bemerkung = bemerkung;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Meldung other && Objects.equals(aktenzeichen, other.aktenzeichen)
                && Objects.equals(person, other.person) && Objects.equals(anschrift, other.anschrift)
                && Objects.equals(bemerkung, other.bemerkung);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aktenzeichen, person, anschrift, bemerkung);
    }
}
