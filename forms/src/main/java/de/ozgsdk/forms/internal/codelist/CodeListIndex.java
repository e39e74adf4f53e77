package de.ozgsdk.forms.internal.codelist;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListError;
import de.ozgsdk.forms.codelist.CodeListQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable index of offline code lists by canonical URI + version, by canonical version URI, and by canonical URI
 * alone (newest version first). Lookups take constant time.
 */
public final class CodeListIndex {

    private final Map<String, Entry> byUriAndVersion;
    private final Map<String, Entry> byVersionUri;
    private final Map<String, CodeList> newestByUri;
    private final List<CodeList> all;

    private CodeListIndex(Map<String, Entry> byUriAndVersion, Map<String, Entry> byVersionUri,
            Map<String, CodeList> newestByUri, List<CodeList> all) {
        this.byUriAndVersion = byUriAndVersion;
        this.byVersionUri = byVersionUri;
        this.newestByUri = newestByUri;
        this.all = all;
    }

    /**
     * Indexes code lists.
     *
     * @param entries each list with the place it came from (for error messages)
     * @throws ConfigurationException with {@link CodeListError#DUPLICATE_CODE_LIST} if two entries have the same
     *                                canonical URI and version, or the same canonical version URI
     */
    public static CodeListIndex of(List<Entry> entries) {
        Map<String, Entry> byUriAndVersion = new HashMap<>();
        Map<String, Entry> byVersionUri = new HashMap<>();
        Map<String, CodeList> newestByUri = new HashMap<>();
        List<CodeList> all = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            CodeList list = entry.codeList();
            all.add(list);
            if (!list.canonicalUri().isEmpty()) {
                putUnique(byUriAndVersion, key(list.canonicalUri(), list.version().orElse("")), entry);
                newestByUri.merge(list.canonicalUri(), list,
                        (a, b) -> VersionOrder.INSTANCE.compare(a.version(), b.version()) >= 0 ? a : b);
            }
            list.canonicalVersionUri().ifPresent(versionUri -> putUnique(byVersionUri, versionUri, entry));
        }
        return new CodeListIndex(Map.copyOf(byUriAndVersion), Map.copyOf(byVersionUri), Map.copyOf(newestByUri),
                List.copyOf(all));
    }

    /**
     * Looks a query up: by canonical URI and version; else by canonical version URI; else by a canonical URI that is
     * itself a version URI ({@code urn:...:staat_2020-05-11}); else, for a query without any version, by splitting
     * such a URI at its last {@code _} and, if {@code newestWhenUnversioned}, the newest version of the URI.
     */
    public Optional<CodeList> find(CodeListQuery query, boolean newestWhenUnversioned) {
        Optional<String> uri = query.canonicalUri();
        Optional<CodeList> found = Optional.empty();
        if (uri.isPresent() && query.version().isPresent()) {
            found = get(byUriAndVersion, key(uri.get(), query.version().get()));
        }
        if (found.isEmpty() && query.canonicalVersionUri().isPresent()) {
            found = get(byVersionUri, query.canonicalVersionUri().get())
                    .filter(list -> uri.isEmpty() || uri.get().equals(list.canonicalUri()));
        }
        if (found.isEmpty() && uri.isPresent()) {
            found = get(byVersionUri, uri.get()).filter(query::matches);
        }
        if (found.isEmpty() && uri.isPresent() && !query.isVersioned()) {
            found = splitVersionUri(uri.get()).or(() -> newestWhenUnversioned
                    ? Optional.ofNullable(newestByUri.get(uri.get())) : Optional.empty());
        }
        return found;
    }

    /** All indexed lists in the order given. */
    public List<CodeList> all() {
        return all;
    }

    private Optional<CodeList> splitVersionUri(String uri) {
        int separator = uri.lastIndexOf('_');
        if (separator <= 0 || separator == uri.length() - 1) {
            return Optional.empty();
        }
        return get(byUriAndVersion, key(uri.substring(0, separator), uri.substring(separator + 1)));
    }

    private static Optional<CodeList> get(Map<String, Entry> map, String key) {
        return Optional.ofNullable(map.get(key)).map(Entry::codeList);
    }

    private static void putUnique(Map<String, Entry> map, String key, Entry entry) {
        Entry previous = map.putIfAbsent(key, entry);
        if (previous != null) {
            CodeList list = entry.codeList();
            throw new ConfigurationException(CodeListError.DUPLICATE_CODE_LIST,
                    list.canonicalUri().isEmpty() ? list.canonicalVersionUri().orElse("") : list.canonicalUri(),
                    list.version().orElse("-"), previous.location(), entry.location());
        }
    }

    private static String key(String uri, String version) {
        // U+0000 cannot occur in XML text, so it separates the parts unambiguously.
        return uri + '\u0000' + version;
    }

    /** A code list and where it was loaded from. */
    public record Entry(CodeList codeList, String location) {
    }

    /**
     * Orders versions as people read them: dates ({@code 2020-05-11}) and dotted numbers ({@code 1.10} after
     * {@code 1.9}) by their numeric parts, other parts alphabetically; a missing version is the oldest.
     */
    static final class VersionOrder implements Comparator<Optional<String>> {

        static final VersionOrder INSTANCE = new VersionOrder();

        @Override
        public int compare(Optional<String> a, Optional<String> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return Boolean.compare(a.isPresent(), b.isPresent());
            }
            String[] left = a.get().split("[^\\p{Alnum}]+");
            String[] right = b.get().split("[^\\p{Alnum}]+");
            for (int i = 0; i < Math.min(left.length, right.length); i++) {
                int result = comparePart(left[i], right[i]);
                if (result != 0) {
                    return result;
                }
            }
            return Integer.compare(left.length, right.length);
        }

        private static int comparePart(String left, String right) {
            if (isDigits(left) && isDigits(right)) {
                String l = stripLeadingZeros(left);
                String r = stripLeadingZeros(right);
                return l.length() != r.length() ? Integer.compare(l.length(), r.length()) : l.compareTo(r);
            }
            return left.compareTo(right);
        }

        private static boolean isDigits(String text) {
            return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        private static String stripLeadingZeros(String digits) {
            int i = 0;
            while (i < digits.length() - 1 && digits.charAt(i) == '0') {
                i++;
            }
            return digits.substring(i);
        }
    }
}
