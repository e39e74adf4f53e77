package de.ozgsdk.bench.xoev.jaxb;

import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** {@code <antrag:antrag.einreichung.0001>} as a JAXB class; fields are public for the benchmark's setup. */
@XmlRootElement(name = "antrag.einreichung.0001", namespace = "urn:ozgsdk:xoev:antrag:1.0")
@XmlType(propOrder = {"nachrichtenkopf", "metadaten", "fachdaten", "anlagen"})
public class JaxbAntrag {

    @XmlElement(required = true)
    public Nachrichtenkopf nachrichtenkopf;
    @XmlElement(required = true)
    public Metadaten metadaten = new Metadaten();
    @XmlElement(required = true)
    public Fachdaten fachdaten = new Fachdaten();
    @XmlElement
    public Anlagen anlagen;

    /** {@code <metadaten>}. */
    @XmlType(name = "Metadaten", propOrder = {"leikaLeistung", "mandant", "dienst", "einreichungsID",
            "einreichungszeitpunkt", "zeitstempel", "zahlung", "vertrauensniveau", "postfachReferenz"})
    public static class Metadaten {
        public String leikaLeistung;
        public String mandant;
        public Dienst dienst = new Dienst();
        public String einreichungsID;
        public String einreichungszeitpunkt;
        public byte[] zeitstempel;
        public Zahlung zahlung;
        public String vertrauensniveau;
        public String postfachReferenz;
    }

    /** {@code <dienst>}. */
    @XmlType(name = "Dienst", propOrder = {"kennung", "version"})
    public static class Dienst {
        public String kennung;
        public String version;
    }

    /** {@code <zahlung>}. */
    @XmlType(name = "Zahlung", propOrder = {"kassenzeichen", "status"})
    public static class Zahlung {
        public String kassenzeichen;
        public Code status;
    }

    /** {@code <fachdaten>}: one element of any namespace. */
    @XmlType(name = "Fachdaten")
    public static class Fachdaten {
        @XmlAnyElement
        public Element element;
    }

    /** {@code <anlagen>}. */
    @XmlType(name = "Anlagen")
    public static class Anlagen {
        public List<Anlage> anlage = new ArrayList<>();
    }

    /** {@code <anlage>} with the content held in memory. */
    @XmlType(name = "Anlage", propOrder = {"dateiname", "medientyp", "inhalt", "groesse", "sha256"})
    public static class Anlage {
        public String dateiname;
        public String medientyp;
        public byte[] inhalt;
        public long groesse;
        public String sha256;
    }
}
