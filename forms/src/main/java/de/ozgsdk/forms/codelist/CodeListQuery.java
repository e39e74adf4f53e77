package de.ozgsdk.forms.codelist;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.CodeListReference;
import java.util.Objects;
import java.util.Optional;

/**
 * What a form schema asks of the {@link CodeListRegistry}: a code list by canonical URI and version, as in XDatenfelder
 * {@code <xdf:codelisteReferenz>} ({@code canonicalIdentification}, {@code version}, {@code canonicalVersionUri}) or
 * {@code <xdf:genericodeIdentification>}.
 *
 * <p>All parts are whitespace-collapsed (they are {@code xs:token} in the XSD, and real files wrap them over lines);
 * blank parts count as absent. At least the canonical URI or the canonical version URI must be given.
 *
 * @param canonicalUri        the canonical URI, e.g.
 *                            {@code urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat};
 *                            may also be a canonical version URI such as {@code urn:...:staat_2020-05-11}
 * @param version             the version, e.g. {@code 2020-05-11}
 * @param canonicalVersionUri the canonical version URI, e.g. {@code urn:...:staat_2020-05-11}
 */
public record CodeListQuery(Optional<String> canonicalUri, Optional<String> version,
        Optional<String> canonicalVersionUri) {

    public CodeListQuery {
        canonicalUri = normalize(Objects.requireNonNull(canonicalUri, "canonicalUri"));
        version = normalize(Objects.requireNonNull(version, "version"));
        canonicalVersionUri = normalize(Objects.requireNonNull(canonicalVersionUri, "canonicalVersionUri"));
        if (canonicalUri.isEmpty() && canonicalVersionUri.isEmpty()) {
            throw new InvalidInputException(CodeListError.QUERY_INVALID);
        }
    }

    /**
     * A query by canonical URI and version.
     *
     * @param versionOrNull the version; {@code null} or blank for "any version" (see
     *                      {@link CodeListRegistry.Builder#newestWhenUnversioned(boolean)})
     */
    public static CodeListQuery of(String canonicalUri, String versionOrNull) {
        return of(canonicalUri, versionOrNull, null);
    }

    /**
     * A query with all three parts of an XDatenfelder code list reference; each may be {@code null} or blank, but not
     * both URIs.
     */
    public static CodeListQuery of(String canonicalUriOrNull, String versionOrNull, String canonicalVersionUriOrNull) {
        return new CodeListQuery(Optional.ofNullable(canonicalUriOrNull), Optional.ofNullable(versionOrNull),
                Optional.ofNullable(canonicalVersionUriOrNull));
    }

    /**
     * The query for a code list reference of a form schema ({@code <xdf:codelisteReferenz>}): canonical URI,
     * version and canonical version URI as the reference gives them. Empty when the reference names neither a
     * canonical URI nor a canonical version URI (real files carry such references, sometimes with a FIM id only),
     * because no registry can resolve those.
     */
    public static Optional<CodeListQuery> from(CodeListReference reference) {
        Objects.requireNonNull(reference, "reference");
        boolean noUri = reference.canonicalUri().isBlank();
        boolean noVersionUri = reference.canonicalVersionUri().filter(v -> !v.isBlank()).isEmpty();
        if (noUri && noVersionUri) {
            return Optional.empty();
        }
        return Optional.of(of(noUri ? null : reference.canonicalUri(), reference.version().orElse(null),
                reference.canonicalVersionUri().orElse(null)));
    }

    /** A query by canonical version URI only, e.g. {@code urn:de:fim:codeliste:zustimmung_2021-01-11}. */
    public static CodeListQuery byVersionUri(String canonicalVersionUri) {
        return new CodeListQuery(Optional.empty(), Optional.empty(),
                Optional.of(Objects.requireNonNull(canonicalVersionUri, "canonicalVersionUri")));
    }

    /** Whether the query pins a version (by version or by canonical version URI). */
    public boolean isVersioned() {
        return version.isPresent() || canonicalVersionUri.isPresent();
    }

    /** Whether {@code list} is what this query asks for. */
    public boolean matches(CodeList list) {
        if (canonicalVersionUri.isPresent() && canonicalVersionUri.equals(list.canonicalVersionUri())) {
            return true;
        }
        if (canonicalUri.isEmpty()) {
            return false;
        }
        if (canonicalUri.equals(list.canonicalVersionUri())) {
            return version.isEmpty() || version.equals(list.version());
        }
        return canonicalUri.get().equals(list.canonicalUri()) && (version.isEmpty() || version.equals(list.version()));
    }

    @Override
    public String toString() {
        return canonicalUri.orElse("") + version.map(v -> " version " + v).orElse("")
                + canonicalVersionUri.map(v -> " (" + v + ")").orElse("");
    }

    private static Optional<String> normalize(Optional<String> part) {
        return part.map(CodeList::collapse).filter(p -> !p.isEmpty());
    }
}
