package de.ozgsdk.xoev.types;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.XoevError;
import de.ozgsdk.xoev.internal.serial.Arguments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A code list (XÖV "Codeliste", identified by {@code listURI} and {@code listVersionID}) that codes are checked
 * against: the SDK's own lists of the message header as constants, and lists of your own through {@link #of}.
 *
 * <p>The header codes of a {@link Nachrichtenkopf} ({@code nachrichtentyp}, the {@code praefix} of author and reader)
 * must come from one of the SDK's lists below or from a list declared with
 * {@link Nachrichtenkopf.Builder#codeliste(Codeliste)}; a code of a known list that the list does not contain, and a
 * list nobody declared, are refused when the header is built.
 *
 * <pre>{@code
 * Code typ = Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001");     // checked against the list
 *
 * Codeliste land = Codeliste.of("urn:de:example:codeliste:nachrichtentyp", "2.0", List.of("bauantrag.0001"));
 * Nachrichtenkopf kopf = Nachrichtenkopf.builder()
 *         .codeliste(land)                                                 // your own list, declared explicitly
 *         .nachrichtenUUID(UUID.randomUUID())
 *         .nachrichtentyp(land.code("bauantrag.0001"))                     // still checked against that list
 *         .erstellungszeitpunkt(OffsetDateTime.now(clock))
 *         .autor(Behoerde.dvdv("ozg-portal"))
 *         .leser(Behoerde.dvdv("05315000"))
 *         .build();
 * }</pre>
 */
public final class Codeliste {

    private static final String OWNER = "Codeliste";

    /**
     * The SDK's message types ({@code urn:ozgsdk:codeliste:nachrichtentyp}, version {@code 1.0}):
     * {@code antrag.einreichung.0001}, the application message of {@code ozg-antrag-1.0.xsd}, whose root element
     * carries the same name.
     */
    public static final Codeliste NACHRICHTENTYP = new Codeliste("urn:ozgsdk:codeliste:nachrichtentyp", "1.0",
            List.of("antrag.einreichung.0001"));

    /**
     * The SDK's directories of authorities, the {@code praefix} of a {@link Behoerdenkennung}
     * ({@code urn:ozgsdk:codeliste:behoerdenkennung.praefix}, version {@code 1.0}): {@code dvdv}, the
     * Deutsches Verwaltungsdiensteverzeichnis (the {@code kennung} is the authority's key there).
     */
    public static final Codeliste BEHOERDENKENNUNG_PRAEFIX = new Codeliste(
            "urn:ozgsdk:codeliste:behoerdenkennung.praefix", "1.0", List.of("dvdv"));

    private final String listUri;
    private final String listVersionId;
    private final List<String> codes;

    private Codeliste(String listUri, String listVersionId, List<String> codes) {
        this.listUri = listUri;
        this.listVersionId = listVersionId;
        this.codes = codes;
    }

    /**
     * A code list of your own, e.g. the message types of a Land, to declare on
     * {@link Nachrichtenkopf.Builder#codeliste(Codeliste)}.
     *
     * @param listUri       the list's URI as published (XRepository), absolute
     * @param listVersionId the list's version
     * @param codes         its codes, at least one; each an {@code xs:token}
     * @throws InvalidInputException naming the argument that is missing or malformed
     */
    public static Codeliste of(String listUri, String listVersionId, Collection<String> codes) {
        Arguments.present(codes, "codes", OWNER);
        Set<String> checked = new LinkedHashSet<>();
        for (String code : codes) {
            checked.add(Code.of(code, listUri, listVersionId).code());
        }
        if (checked.isEmpty()) {
            throw Arguments.malformed("codes", OWNER, "at least one code");
        }
        Code probe = Code.of(checked.iterator().next(), listUri, listVersionId);
        return new Codeliste(probe.listUri(), probe.listVersionId(), List.copyOf(checked));
    }

    /**
     * The code {@code code} of this list, with this list's URI and version.
     *
     * @throws InvalidInputException {@link XoevError#CODE_NOT_IN_LIST} naming the code, the list and its codes
     */
    public Code code(String code) {
        Code value = Code.of(code, listUri, listVersionId);
        if (!codes.contains(value.code())) {
            throw notInList("code", OWNER, value);
        }
        return value;
    }

    /** The URI of the list ({@code listURI}). */
    public String listUri() {
        return listUri;
    }

    /** The version of the list ({@code listVersionID}). */
    public String listVersionId() {
        return listVersionId;
    }

    /** The codes of the list, in the order given; unmodifiable. */
    public List<String> codes() {
        return codes;
    }

    /** Whether {@code code} names this list (URI and version), whatever its code. */
    public boolean names(Code code) {
        return listUri.equals(code.listUri()) && listVersionId.equals(code.listVersionId());
    }

    /** Whether {@code code} names this list and is one of its codes. */
    public boolean contains(Code code) {
        return names(code) && codes.contains(code.code());
    }

    /**
     * Checks that {@code code} comes from {@code known} or one of the {@code declared} lists, and is in it; the
     * first list that {@code code} names decides, {@code known} first, so a declared list cannot widen the SDK's.
     *
     * @throws InvalidInputException {@link XoevError#CODE_NOT_IN_LIST} or {@link XoevError#CODE_LIST_UNKNOWN}
     */
    static void check(Code code, String field, String owner, Codeliste known, Collection<Codeliste> declared) {
        List<Codeliste> lists = new ArrayList<>(1 + declared.size());
        lists.add(known);
        lists.addAll(declared);
        for (Codeliste list : lists) {
            if (list.names(code)) {
                if (!list.codes.contains(code.code())) {
                    throw list.notInList(field, owner, code);
                }
                return;
            }
        }
        throw new InvalidInputException(XoevError.CODE_LIST_UNKNOWN, field, owner, code.listUri(),
                code.listVersionId(), lists.stream().map(Codeliste::toString).collect(Collectors.joining("; ")));
    }

    private InvalidInputException notInList(String field, String owner, Code code) {
        return new InvalidInputException(XoevError.CODE_NOT_IN_LIST, field, owner, code.code(), listUri,
                listVersionId, String.join(", ", codes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Codeliste other && listUri.equals(other.listUri)
                && listVersionId.equals(other.listVersionId) && codes.equals(other.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(listUri, listVersionId, codes);
    }

    /** URI and version, e.g. {@code urn:ozgsdk:codeliste:nachrichtentyp 1.0}. */
    @Override
    public String toString() {
        return listUri + " " + listVersionId;
    }
}
