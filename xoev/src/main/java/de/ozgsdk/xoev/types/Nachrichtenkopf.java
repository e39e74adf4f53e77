package de.ozgsdk.xoev.types;

import de.ozgsdk.xoev.internal.serial.Arguments;
import de.ozgsdk.xoev.internal.serial.OffsetDateTimeAdapter;
import de.ozgsdk.xoev.internal.serial.UuidAdapter;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The header of a message between authorities, g2g style ({@code basis:Nachrichtenkopf}, element
 * {@code <basis:nachrichtenkopf>}): message id and type, time of creation, optionally the message it refers to,
 * author and reader authority, and the product that created it.
 *
 * <p>Its codes are checked against their code lists when it is built: {@code nachrichtentyp} against
 * {@link Codeliste#NACHRICHTENTYP}, the {@code praefix} of author and reader against
 * {@link Codeliste#BEHOERDENKENNUNG_PRAEFIX}, or against lists of your own that you declare with
 * {@link Builder#codeliste(Codeliste)}. Headers read from XML are not checked (a receiver takes what others send).
 * For the SDK's application message, {@code ApplicationMessage.builder().sender(..).recipient(..)} builds the header
 * with these defaults; build it yourself only for full control.
 *
 * <pre>{@code
 * Nachrichtenkopf kopf = Nachrichtenkopf.builder()
 *         .nachrichtenUUID(UUID.randomUUID())
 *         .nachrichtentyp(Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001"))
 *         .erstellungszeitpunkt(OffsetDateTime.now(clock))
 *         .autor(Behoerde.dvdv("ozg-portal"))
 *         .leser(Behoerde.dvdv("05315000").withName("Stadt Köln"))
 *         .build();
 * }</pre>
 */
@XmlRootElement(name = "nachrichtenkopf")
@XmlType(name = "Nachrichtenkopf", propOrder = {"nachrichtenUUID", "nachrichtentyp", "erstellungszeitpunkt",
        "referenzUUID", "autor", "leser", "produkt", "produkthersteller", "produktversion"})
public final class Nachrichtenkopf {

    private static final String OWNER = "Nachrichtenkopf";
    private static final int MAX_OFFSET_SECONDS = 14 * 3600;

    @XmlElement(required = true)
    @XmlJavaTypeAdapter(UuidAdapter.class)
    private UUID nachrichtenUUID;
    @XmlElement(required = true)
    private Code nachrichtentyp;
    @XmlElement(required = true)
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    private OffsetDateTime erstellungszeitpunkt;
    @XmlElement
    @XmlJavaTypeAdapter(UuidAdapter.class)
    private UUID referenzUUID;
    @XmlElement(required = true)
    private Behoerde autor;
    @XmlElement(required = true)
    private Behoerde leser;
    @XmlElement
    private String produkt;
    @XmlElement
    private String produkthersteller;
    @XmlElement
    private String produktversion;
    /** Code lists of the caller's own, kept for {@link #toBuilder()}; not part of the XML. */
    @XmlTransient
    private List<Codeliste> codelisten = List.of();

    private Nachrichtenkopf() {
        // for JAXB
    }

    private Nachrichtenkopf(Builder builder) {
        this.nachrichtenUUID = Arguments.present(builder.nachrichtenUUID, "nachrichtenUUID", OWNER);
        this.nachrichtentyp = Arguments.present(builder.nachrichtentyp, "nachrichtentyp", OWNER);
        this.erstellungszeitpunkt = Arguments.present(builder.erstellungszeitpunkt, "erstellungszeitpunkt", OWNER);
        this.referenzUUID = builder.referenzUUID;
        this.autor = Arguments.present(builder.autor, "autor", OWNER);
        this.leser = Arguments.present(builder.leser, "leser", OWNER);
        this.produkt = builder.produkt;
        this.produkthersteller = builder.produkthersteller;
        this.produktversion = builder.produktversion;
        this.codelisten = List.copyOf(builder.codelisten);
        Codeliste.check(nachrichtentyp, "nachrichtentyp", OWNER, Codeliste.NACHRICHTENTYP, codelisten);
        checkPraefix(autor, "autor");
        checkPraefix(leser, "leser");
    }

    private void checkPraefix(Behoerde behoerde, String role) {
        Codeliste.check(behoerde.behoerdenkennung().praefix(), role + ".behoerdenkennung.praefix", OWNER,
                Codeliste.BEHOERDENKENNUNG_PRAEFIX, codelisten);
    }

    /** Starts a header; message id, type, time of creation, author and reader are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this header, e.g. to answer with a new id and {@code referenzUUID}. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.nachrichtenUUID = nachrichtenUUID;
        builder.nachrichtentyp = nachrichtentyp;
        builder.erstellungszeitpunkt = erstellungszeitpunkt;
        builder.referenzUUID = referenzUUID;
        builder.autor = autor;
        builder.leser = leser;
        builder.produkt = produkt;
        builder.produkthersteller = produkthersteller;
        builder.produktversion = produktversion;
        builder.codelisten.addAll(codelisten);
        return builder;
    }

    /** The message's unique id ({@code <nachrichtenUUID>}). */
    public UUID nachrichtenUUID() {
        return nachrichtenUUID;
    }

    /** The message type as a code of the message type code list. */
    public Code nachrichtentyp() {
        return nachrichtentyp;
    }

    /** When the message was created, with offset. */
    public OffsetDateTime erstellungszeitpunkt() {
        return erstellungszeitpunkt;
    }

    /** The id of the message this one refers to, if any. */
    public Optional<UUID> referenzUUID() {
        return Optional.ofNullable(referenzUUID);
    }

    /** The authority that wrote the message. */
    public Behoerde autor() {
        return autor;
    }

    /** The authority the message is for. */
    public Behoerde leser() {
        return leser;
    }

    /** The name of the product that created the message, if given. */
    public Optional<String> produkt() {
        return Optional.ofNullable(produkt);
    }

    /** The maker of that product, if given. */
    public Optional<String> produkthersteller() {
        return Optional.ofNullable(produkthersteller);
    }

    /** The version of that product, if given. */
    public Optional<String> produktversion() {
        return Optional.ofNullable(produktversion);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nachrichtenkopf other && Objects.equals(nachrichtenUUID, other.nachrichtenUUID)
                && Objects.equals(nachrichtentyp, other.nachrichtentyp)
                && Objects.equals(erstellungszeitpunkt, other.erstellungszeitpunkt)
                && Objects.equals(referenzUUID, other.referenzUUID) && Objects.equals(autor, other.autor)
                && Objects.equals(leser, other.leser) && Objects.equals(produkt, other.produkt)
                && Objects.equals(produkthersteller, other.produkthersteller)
                && Objects.equals(produktversion, other.produktversion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nachrichtenUUID, nachrichtentyp, erstellungszeitpunkt, referenzUUID, autor, leser,
                produkt, produkthersteller, produktversion);
    }

    @Override
    public String toString() {
        String typ = nachrichtentyp == null ? null : nachrichtentyp.code();
        return "Nachrichtenkopf[" + nachrichtenUUID + ", " + typ + ", " + erstellungszeitpunkt + "]";
    }

    /** Builds a {@link Nachrichtenkopf}; each setter checks its argument. */
    public static final class Builder {
        private UUID nachrichtenUUID;
        private Code nachrichtentyp;
        private OffsetDateTime erstellungszeitpunkt;
        private UUID referenzUUID;
        private Behoerde autor;
        private Behoerde leser;
        private String produkt;
        private String produkthersteller;
        private String produktversion;
        private final Set<Codeliste> codelisten = new LinkedHashSet<>();

        private Builder() {
        }

        /** The message's unique id; required (use {@code UUID.randomUUID()} for a new message). */
        public Builder nachrichtenUUID(UUID nachrichtenUUID) {
            this.nachrichtenUUID = Arguments.present(nachrichtenUUID, "nachrichtenUUID", OWNER);
            return this;
        }

        /**
         * The message type; required. A code of {@link Codeliste#NACHRICHTENTYP} (for the SDK's application message
         * {@code Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001")}) or of a list declared with
         * {@link #codeliste(Codeliste)}; checked by {@link #build()}.
         */
        public Builder nachrichtentyp(Code nachrichtentyp) {
            this.nachrichtentyp = Arguments.present(nachrichtentyp, "nachrichtentyp", OWNER);
            return this;
        }

        /**
         * When the message was created (take it from an injected {@code Clock}); required. xs:dateTime allows offsets
         * up to ±14:00 and the years 1 to 9999.
         */
        public Builder erstellungszeitpunkt(OffsetDateTime erstellungszeitpunkt) {
            Arguments.present(erstellungszeitpunkt, "erstellungszeitpunkt", OWNER);
            if (Math.abs(erstellungszeitpunkt.getOffset().getTotalSeconds()) > MAX_OFFSET_SECONDS
                    || erstellungszeitpunkt.getYear() < 1 || erstellungszeitpunkt.getYear() > 9999) {
                throw Arguments.malformed("erstellungszeitpunkt", OWNER, "xs:dateTime, offset within ±14:00");
            }
            this.erstellungszeitpunkt = erstellungszeitpunkt;
            return this;
        }

        /** The id of the message this one answers or refers to; default none. */
        public Builder referenzUUID(UUID referenzUUID) {
            this.referenzUUID = Arguments.present(referenzUUID, "referenzUUID", OWNER);
            return this;
        }

        /**
         * The authority that wrote the message; required. The {@code praefix} of its {@link Behoerdenkennung} is a code
         * of {@link Codeliste#BEHOERDENKENNUNG_PRAEFIX} or of a declared list.
         */
        public Builder autor(Behoerde autor) {
            this.autor = Arguments.present(autor, "autor", OWNER);
            return this;
        }

        /** The authority the message is for; required. Its {@code praefix} is checked as that of the author. */
        public Builder leser(Behoerde leser) {
            this.leser = Arguments.present(leser, "leser", OWNER);
            return this;
        }

        /** The name of the product that created the message, e.g. "OZG SDK"; default none. */
        public Builder produkt(String produkt) {
            this.produkt = Arguments.text(produkt, "produkt", OWNER);
            return this;
        }

        /** The maker of the product; default none. */
        public Builder produkthersteller(String produkthersteller) {
            this.produkthersteller = Arguments.text(produkthersteller, "produkthersteller", OWNER);
            return this;
        }

        /** The version of the product; default none. */
        public Builder produktversion(String produktversion) {
            this.produktversion = Arguments.text(produktversion, "produktversion", OWNER);
            return this;
        }

        /**
         * Declares a code list of your own for the header codes ({@code nachrichtentyp}, {@code praefix}), e.g. the
         * message types of another standard; default none. Codes of lists neither the SDK knows nor you declared
         * are refused. A declared list cannot widen a list of the SDK with the same URI and version.
         */
        public Builder codeliste(Codeliste codeliste) {
            codelisten.add(Arguments.present(codeliste, "codeliste", OWNER));
            return this;
        }

        /**
         * The header, its codes checked against their lists.
         *
         * @throws de.ozgsdk.core.InvalidInputException {@code OZG-XOEV-111} naming a missing required part;
         *         {@code OZG-XOEV-115} for a code its list lacks, {@code OZG-XOEV-116} for a code list neither
         *         known nor declared (field, value, list and allowed values named)
         */
        public Nachrichtenkopf build() {
            return new Nachrichtenkopf(this);
        }
    }
}
