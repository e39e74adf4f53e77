package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * The identification of an authority in a directory ({@code basis:Behoerdenkennung}): the directory as a code
 * ({@code <praefix>}) and the authority's identifier in it ({@code <kennung>}).
 */
@XmlType(name = "Behoerdenkennung", propOrder = {"praefix", "kennung"})
public final class Behoerdenkennung {

    /** The {@code praefix} of an authority in the DVDV: {@code dvdv} of {@link Codeliste#BEHOERDENKENNUNG_PRAEFIX}. */
    public static final Code DVDV = Codeliste.BEHOERDENKENNUNG_PRAEFIX.code("dvdv");

    private static final String OWNER = "Behoerdenkennung";

    @XmlElement(required = true)
    private Code praefix;
    @XmlElement(required = true)
    private String kennung;

    private Behoerdenkennung() {
        // for JAXB
    }

    private Behoerdenkennung(Code praefix, String kennung) {
        this.praefix = praefix;
        this.kennung = kennung;
    }

    /**
     * An authority's identification.
     *
     * @param praefix the directory, a code of {@link Codeliste#BEHOERDENKENNUNG_PRAEFIX} (e.g. {@link #DVDV}) or of
     *                a list of your own (declare it on {@link Nachrichtenkopf.Builder#codeliste(Codeliste)})
     * @param kennung the identifier in that directory, e.g. {@code 05315000}
     */
    public static Behoerdenkennung of(Code praefix, String kennung) {
        return new Behoerdenkennung(Arguments.present(praefix, "praefix", OWNER),
                Arguments.text(kennung, "kennung", OWNER));
    }

    /**
     * An authority in the Deutsches Verwaltungsdiensteverzeichnis: {@code of(DVDV, kennung)}.
     *
     * @param kennung the authority's key in the DVDV, e.g. {@code 05315000}
     */
    public static Behoerdenkennung dvdv(String kennung) {
        return of(DVDV, kennung);
    }

    /** The directory the identifier belongs to. */
    public Code praefix() {
        return praefix;
    }

    /** The identifier in the directory. */
    public String kennung() {
        return kennung;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Behoerdenkennung other && Objects.equals(praefix, other.praefix)
                && Objects.equals(kennung, other.kennung);
    }

    @Override
    public int hashCode() {
        return Objects.hash(praefix, kennung);
    }

    @Override
    public String toString() {
        return "Behoerdenkennung[" + praefix + ", " + kennung + "]";
    }
}
