package de.ozgsdk.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of the request that arrived at the portal's callback endpoint (assertion consumer service for SAML,
 * redirect URI for OIDC): form fields of a POST or query parameters of a GET, as the servlet container parsed them.
 */
public final class Callback {

    private final Map<String, List<String>> parameters;

    private Callback(Map<String, List<String>> parameters) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "name"), List.copyOf(values)));
        this.parameters = Map.copyOf(copy);
    }

    /** The parameters with all their values, e.g. from {@code HttpServletRequest.getParameterMap()} converted. */
    public static Callback ofMultiValued(Map<String, ? extends List<String>> parameters) {
        return new Callback(Map.copyOf(Objects.requireNonNull(parameters, "parameters")));
    }

    /** Single-valued parameters, e.g. {@code Map.of("SAMLResponse", value, "RelayState", state)}. */
    public static Callback of(Map<String, String> parameters) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        Objects.requireNonNull(parameters, "parameters").forEach((name, value) -> multi.put(name, List.of(value)));
        return new Callback(multi);
    }

    /** All values of {@code name}, empty if absent. A repeated security parameter is refused by the providers. */
    public List<String> values(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /** The value of {@code name} if it occurs exactly once. */
    public Optional<String> single(String name) {
        List<String> values = values(name);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** The names of the parameters that arrived. */
    public Set<String> names() {
        return parameters.keySet();
    }

    /** Parameter names only: the values carry assertions and codes. */
    @Override
    public String toString() {
        return "Callback" + new TreeSet<>(parameters.keySet());
    }
}
