package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A postal address of a building ({@code basis:Anschrift}, element {@code <basis:anschrift>}): street, house number,
 * postcode and place, optionally district, addition and state (a code; absent means Germany).
 *
 * <pre>{@code
 * Anschrift anschrift = Anschrift.builder()
 *         .strasse("Hauptstraße").hausnummer("12a").postleitzahl("50667").ort("Köln")
 *         .build();
 * }</pre>
 *
 * <p>{@link #toString()} does not show the address: it is personal data and must not end up in logs.
 */
@XmlRootElement(name = "anschrift")
@XmlType(name = "Anschrift",
        propOrder = {"strasse", "hausnummer", "postleitzahl", "ort", "ortsteil", "zusatz", "staat"})
public final class Anschrift {

    private static final String OWNER = "Anschrift";
    /** German postcodes are five digits; foreign ones may have letters, one blank or hyphen between groups. */
    private static final Pattern POSTLEITZAHL = Pattern.compile("(?=.{1,10}$)[0-9A-Za-z]+([ \\-][0-9A-Za-z]+)*");

    @XmlElement(required = true)
    private String strasse;
    @XmlElement(required = true)
    private String hausnummer;
    @XmlElement(required = true)
    private String postleitzahl;
    @XmlElement(required = true)
    private String ort;
    @XmlElement
    private String ortsteil;
    @XmlElement
    private String zusatz;
    @XmlElement
    private Code staat;

    private Anschrift() {
        // for JAXB
    }

    private Anschrift(Builder builder) {
        this.strasse = Arguments.present(builder.strasse, "strasse", OWNER);
        this.hausnummer = Arguments.present(builder.hausnummer, "hausnummer", OWNER);
        this.postleitzahl = Arguments.present(builder.postleitzahl, "postleitzahl", OWNER);
        this.ort = Arguments.present(builder.ort, "ort", OWNER);
        this.ortsteil = builder.ortsteil;
        this.zusatz = builder.zusatz;
        this.staat = builder.staat;
    }

    /** Starts an address; street, house number, postcode and place are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this address. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.strasse = strasse;
        builder.hausnummer = hausnummer;
        builder.postleitzahl = postleitzahl;
        builder.ort = ort;
        builder.ortsteil = ortsteil;
        builder.zusatz = zusatz;
        builder.staat = staat;
        return builder;
    }

    /** The street. */
    public String strasse() {
        return strasse;
    }

    /** The house number with its addition, e.g. "12a". */
    public String hausnummer() {
        return hausnummer;
    }

    /** The postcode. */
    public String postleitzahl() {
        return postleitzahl;
    }

    /** The place (municipality or city). */
    public String ort() {
        return ort;
    }

    /** The district, if given. */
    public Optional<String> ortsteil() {
        return Optional.ofNullable(ortsteil);
    }

    /** An addition such as "c/o ..." or "Hinterhaus", if given. */
    public Optional<String> zusatz() {
        return Optional.ofNullable(zusatz);
    }

    /** The state as a code, if given; absent means Germany. */
    public Optional<Code> staat() {
        return Optional.ofNullable(staat);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Anschrift other && Objects.equals(strasse, other.strasse)
                && Objects.equals(hausnummer, other.hausnummer) && Objects.equals(postleitzahl, other.postleitzahl)
                && Objects.equals(ort, other.ort) && Objects.equals(ortsteil, other.ortsteil)
                && Objects.equals(zusatz, other.zusatz) && Objects.equals(staat, other.staat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strasse, hausnummer, postleitzahl, ort, ortsteil, zusatz, staat);
    }

    @Override
    public String toString() {
        return "Anschrift[redacted]";
    }

    /** Builds an {@link Anschrift}; each setter checks its argument (not blank, only XML characters). */
    public static final class Builder {
        private String strasse;
        private String hausnummer;
        private String postleitzahl;
        private String ort;
        private String ortsteil;
        private String zusatz;
        private Code staat;

        private Builder() {
        }

        /** The street; required. */
        public Builder strasse(String strasse) {
            this.strasse = Arguments.text(strasse, "strasse", OWNER);
            return this;
        }

        /** The house number with its addition, e.g. "12a"; required. */
        public Builder hausnummer(String hausnummer) {
            this.hausnummer = Arguments.text(hausnummer, "hausnummer", OWNER);
            return this;
        }

        /**
         * The postcode; required. Up to 10 letters and digits, groups separated by one blank or hyphen (German
         * postcodes are five digits).
         */
        public Builder postleitzahl(String postleitzahl) {
            this.postleitzahl = Arguments.matching(postleitzahl, POSTLEITZAHL,
                    "up to 10 letters/digits, groups separated by one blank or hyphen", "postleitzahl", OWNER);
            return this;
        }

        /** The place; required. */
        public Builder ort(String ort) {
            this.ort = Arguments.text(ort, "ort", OWNER);
            return this;
        }

        /** The district; default none. */
        public Builder ortsteil(String ortsteil) {
            this.ortsteil = Arguments.text(ortsteil, "ortsteil", OWNER);
            return this;
        }

        /** An addition such as "c/o ..."; default none. */
        public Builder zusatz(String zusatz) {
            this.zusatz = Arguments.text(zusatz, "zusatz", OWNER);
            return this;
        }

        /** The state as a code; default none (Germany). */
        public Builder staat(Code staat) {
            this.staat = Arguments.present(staat, "staat", OWNER);
            return this;
        }

        /**
         * The address.
         *
         * @throws de.ozgsdk.core.InvalidInputException with {@code OZG-XOEV-111} naming a missing required part
         */
        public Anschrift build() {
            return new Anschrift(this);
        }
    }
}
