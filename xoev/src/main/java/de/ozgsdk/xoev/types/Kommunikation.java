package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * A way to reach someone ({@code basis:Kommunikation}, element {@code <basis:kommunikation>}): the channel as a code
 * (e-mail, telephone, ...) and the address or number in it.
 */
@XmlRootElement(name = "kommunikation")
@XmlType(name = "Kommunikation", propOrder = {"kanal", "kennung"})
public final class Kommunikation {

    private static final String OWNER = "Kommunikation";

    @XmlElement(required = true)
    private Code kanal;
    @XmlElement(required = true)
    private String kennung;

    private Kommunikation() {
        // for JAXB
    }

    private Kommunikation(Code kanal, String kennung) {
        this.kanal = kanal;
        this.kennung = kennung;
    }

    /**
     * A way to reach someone.
     *
     * @param kanal   the channel, a code of a channel code list
     * @param kennung the address or number, e.g. an e-mail address
     */
    public static Kommunikation of(Code kanal, String kennung) {
        return new Kommunikation(Arguments.present(kanal, "kanal", OWNER), Arguments.text(kennung, "kennung", OWNER));
    }

    /** The channel. */
    public Code kanal() {
        return kanal;
    }

    /** The address or number in the channel. */
    public String kennung() {
        return kennung;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kommunikation other && Objects.equals(kanal, other.kanal)
                && Objects.equals(kennung, other.kennung);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kanal, kennung);
    }

    /** Names the channel only: the address or number is personal data. */
    @Override
    public String toString() {
        return "Kommunikation[" + kanal + ", kennung redacted]";
    }
}
