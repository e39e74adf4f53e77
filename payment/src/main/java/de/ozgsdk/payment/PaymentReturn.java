package de.ozgsdk.payment;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The citizen's browser coming back from the pay page: the reference the portal kept with the draft, and the query
 * parameters of the return request. The parameters are untrusted: a provider uses them at most to notice a tampered
 * link, the outcome always comes from a status query.
 *
 * @param reference the reference stored at {@link PaymentProvider#start}, not one taken from the URL
 * @param parameters the query parameters of the return request, as sent (possibly tampered with)
 */
public record PaymentReturn(PaymentReference reference, Map<String, List<String>> parameters) {

    /** Copies the parameters. */
    public PaymentReturn {
        Objects.requireNonNull(reference, "reference");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(parameters, "parameters").forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** A return with the parameters as a servlet gives them ({@code request.getParameterMap()}). */
    public static PaymentReturn of(PaymentReference reference, Map<String, String[]> servletParameters) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        servletParameters.forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return new PaymentReturn(reference, parameters);
    }

    /** A return without parameters (the browser came back, or the portal polls on its own). */
    public static PaymentReturn of(PaymentReference reference) {
        return new PaymentReturn(reference, Map.of());
    }
}
