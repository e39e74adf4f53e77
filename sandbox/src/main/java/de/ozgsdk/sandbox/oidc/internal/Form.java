package de.ozgsdk.sandbox.oidc.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parameters of a query string or an {@code application/x-www-form-urlencoded} body, all values per name. */
public final class Form {

    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses {@code encoded} (a query without {@code ?} or a form body). */
    public static Form parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Form(values);
    }

    /** The value of {@code name} if it occurs exactly once and is not empty (OAuth: repeated parameters are errors). */
    public Optional<String> single(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        return list.size() == 1 && !list.get(0).isEmpty() ? Optional.of(list.get(0)) : Optional.empty();
    }

    /** Whether {@code name} occurs at all. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every parameter with its first value, in order. */
    public Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, list) -> first.put(name, list.get(0)));
        return first;
    }
}
