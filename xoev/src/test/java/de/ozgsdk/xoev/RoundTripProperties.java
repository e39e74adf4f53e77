package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.types.Anschrift;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Behoerdenkennung;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every Nachrichtenkopf and Anschrift made of XML-legal text survives write and read unchanged, validated. */
class RoundTripProperties {

    private static final XoevSerializer<Nachrichtenkopf> KOPF = Samples.kopfSerializer();
    private static final XoevSerializer<Anschrift> ANSCHRIFT = XoevSerializer.builder(Anschrift.class)
            .schemaSet(XoevSchemaSet.basis()).build();

    @Property(tries = 200)
    void nachrichtenkopfSurvivesTheRoundTrip(@ForAll("kopf") Nachrichtenkopf kopf) {
        assertThat(KOPF.read(KOPF.toBytes(kopf), "kopf.xml")).isEqualTo(kopf);
    }

    @Property(tries = 200)
    void anschriftSurvivesTheRoundTrip(@ForAll("anschrift") Anschrift anschrift) {
        assertThat(ANSCHRIFT.read(ANSCHRIFT.toBytes(anschrift), "anschrift.xml")).isEqualTo(anschrift);
    }

    @Provide
    Arbitrary<Nachrichtenkopf> kopf() {
        Arbitrary<OffsetDateTime> zeit = Combinators.combine(
                Arbitraries.longs().between(0, 4_102_444_800L),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(-14 * 4, 14 * 4))
                .as((seconds, nanos, quarters) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos),
                        ZoneOffset.ofTotalSeconds(quarters * 900)));
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), code(), zeit, behoerde(), behoerde(),
                        text().injectNull(0.5), Arbitraries.create(UUID::randomUUID).injectNull(0.5))
                .as((uuid, typ, zeitpunkt, autor, leser, produkt, referenz) -> {
                    Nachrichtenkopf.Builder builder = Nachrichtenkopf.builder().nachrichtenUUID(uuid)
                            .codeliste(listOf(typ)).codeliste(listOf(autor.behoerdenkennung().praefix()))
                            .codeliste(listOf(leser.behoerdenkennung().praefix()))
                            .nachrichtentyp(typ).erstellungszeitpunkt(zeitpunkt).autor(autor).leser(leser);
                    if (produkt != null) {
                        builder.produkt(produkt);
                    }
                    if (referenz != null) {
                        builder.referenzUUID(referenz);
                    }
                    return builder.build();
                });
    }

    @Provide
    Arbitrary<Anschrift> anschrift() {
        Arbitrary<String> postleitzahl = Arbitraries.strings().withChars("0123456789ABCXYZ").ofMinLength(1)
                .ofMaxLength(4).list().ofMinSize(1).ofMaxSize(2).map(groups -> String.join(" ", groups));
        return Combinators.combine(text(), text(), postleitzahl, text(), text().injectNull(0.5),
                        text().injectNull(0.5), code().injectNull(0.5))
                .as((strasse, hausnummer, plz, ort, ortsteil, zusatz, staat) -> {
                    Anschrift.Builder builder = Anschrift.builder().strasse(strasse).hausnummer(hausnummer)
                            .postleitzahl(plz).ort(ort);
                    if (ortsteil != null) {
                        builder.ortsteil(ortsteil);
                    }
                    if (zusatz != null) {
                        builder.zusatz(zusatz);
                    }
                    if (staat != null) {
                        builder.staat(staat);
                    }
                    return builder.build();
                });
    }

    private static Arbitrary<Behoerde> behoerde() {
        return Combinators.combine(code(), text(), text().injectNull(0.3))
                .as((praefix, kennung, name) -> {
                    Behoerde behoerde = Behoerde.of(Behoerdenkennung.of(praefix, kennung));
                    return name == null ? behoerde : behoerde.withName(name);
                });
    }

    /** The header accepts codes of random lists only when they are declared as the caller's own. */
    private static Codeliste listOf(Code code) {
        return Codeliste.of(code.listUri(), code.listVersionId(), List.of(code.code()));
    }

    private static Arbitrary<Code> code() {
        Arbitrary<String> token = Arbitraries.strings().alpha().numeric().withChars(".-_äö")
                .ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(token, token, token, text().injectNull(0.5))
                .as((code, list, version, name) -> {
                    Code value = Code.of(code, "urn:ozgsdk:codeliste:" + list, version);
                    return name == null ? value : value.withName(name);
                });
    }

    /**
     * Text of XML-legal characters (all of the BMP that XML allows, including tab, CR, LF and markup characters,
     * plus characters outside the BMP), with at least one non-blank character.
     */
    private static Arbitrary<String> text() {
        Arbitrary<String> legal = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0020', '\uD7FF').withChars('\t', '\n', '\r')
                        .ofMaxLength(30),
                Arbitraries.strings().withCharRange('\uE000', '\uFFFD').ofMaxLength(5),
                Arbitraries.of("😀", "𠜎", "&", "<", "]]>", "\"", "'", "\r\n"),
                Arbitraries.strings().withChars("äöüßÄÖÜ ").ofMaxLength(8));
        return legal.list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join("", parts))
                .filter(text -> !text.isBlank());
    }
}
