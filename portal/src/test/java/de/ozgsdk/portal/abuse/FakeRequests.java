package de.ozgsdk.portal.abuse;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Requests as a servlet container hands them over: a peer address, headers and form parameters, nothing else. */
public final class FakeRequests {

    private FakeRequests() {
    }

    /** A request from {@code peer} with the {@code X-Forwarded-For} headers {@code forwarded}. */
    public static HttpServletRequest from(String peer, String... forwarded) {
        return request(peer, List.of(forwarded), Map.of());
    }

    /** A request from {@code peer} with form {@code parameters}. */
    public static HttpServletRequest posting(String peer, Map<String, String> parameters) {
        return request(peer, List.of(), parameters);
    }

    private static HttpServletRequest request(String peer, List<String> forwarded, Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0])
                            ? Collections.enumeration(forwarded) : Collections.emptyEnumeration();
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) && !forwarded.isEmpty()
                            ? forwarded.get(0) : null;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "toString" -> "request from " + peer;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
