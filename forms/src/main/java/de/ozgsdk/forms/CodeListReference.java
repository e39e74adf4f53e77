package de.ozgsdk.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference from a select field to a genericode code list ({@code <xdf:codelisteReferenz>}): the canonical URI
 * (usually a URN such as {@code urn:de:fim:codeliste:zustimmung}, but real files also carry plain names such as
 * {@code Halterdaten} or nothing at all), the list version, and the canonical version URI.
 *
 * <p>Equality is by all parts, so two fields referring to the same list and version share one reference value.
 *
 * @param canonicalUri        {@code canonicalIdentification}; may be empty in real files
 * @param version             {@code version} of the list, e.g. {@code 2021-01-11}
 * @param canonicalVersionUri {@code canonicalVersionUri}, e.g. {@code urn:de:fim:codeliste:zustimmung_2021-01-11}
 * @param fimId               the FIM id of the list ({@code C05000073}), XDatenfelder 2 only
 */
public record CodeListReference(String canonicalUri, Optional<String> version, Optional<String> canonicalVersionUri,
                                Optional<String> fimId) {

    public CodeListReference {
        Objects.requireNonNull(canonicalUri, "canonicalUri");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(canonicalVersionUri, "canonicalVersionUri");
        Objects.requireNonNull(fimId, "fimId");
    }

    /** A reference by canonical URI and version. */
    public static CodeListReference of(String canonicalUri, String version) {
        return new CodeListReference(canonicalUri, Optional.of(version), Optional.empty(), Optional.empty());
    }

    /** Whether the canonical URI is a URN ({@code urn:...}), as the standard intends. */
    public boolean isUrn() {
        return canonicalUri.regionMatches(true, 0, "urn:", 0, 4);
    }

    /** Whether the reference names no list at all (no URI, no version URI, no id), as some real files do. */
    public boolean isEmpty() {
        return canonicalUri.isBlank() && canonicalVersionUri.isEmpty() && fimId.isEmpty();
    }

    /** {@code canonicalUri} and version, e.g. {@code urn:de:fim:codeliste:zustimmung 2021-01-11}. */
    @Override
    public String toString() {
        String name = canonicalUri.isBlank() ? fimId.orElse("(ohne Kennung)") : canonicalUri;
        return version.map(v -> name + " " + v).orElse(name);
    }
}
