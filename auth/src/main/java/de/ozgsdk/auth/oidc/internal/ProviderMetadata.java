package de.ozgsdk.auth.oidc.internal;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.ConfigurationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an OpenID provider's discovery document ({@code .well-known/openid-configuration}, OpenID Connect
 * Discovery 1.0 section 3) the client uses.
 *
 * @param issuer                   {@code issuer}, compared with the configured one
 * @param authorizationEndpoint    {@code authorization_endpoint}
 * @param tokenEndpoint            {@code token_endpoint}
 * @param userinfoEndpoint         {@code userinfo_endpoint}, if offered
 * @param jwksUri                  {@code jwks_uri}
 * @param responseTypes            {@code response_types_supported}
 * @param codeChallengeMethods     {@code code_challenge_methods_supported} (empty: not announced)
 * @param tokenEndpointAuthMethods {@code token_endpoint_auth_methods_supported} (default client_secret_basic)
 * @param idTokenAlgorithms        {@code id_token_signing_alg_values_supported}
 * @param acrValues                {@code acr_values_supported}
 * @param issParameterSupported    {@code authorization_response_iss_parameter_supported} (RFC 9207)
 */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint,
        Optional<URI> userinfoEndpoint, URI jwksUri, List<String> responseTypes, List<String> codeChallengeMethods,
        List<String> tokenEndpointAuthMethods, List<String> idTokenAlgorithms, List<String> acrValues,
        boolean issParameterSupported) {

    /**
     * Reads the document fetched from {@code source}.
     *
     * @throws ConfigurationException {@code OZG-AUTH-201} if a required member is missing or no absolute URL
     */
    public static ProviderMetadata parse(Map<String, Object> json, URI source) {
        String issuer = string(json, "issuer", source);
        List<String> authMethods = strings(json, "token_endpoint_auth_methods_supported");
        return new ProviderMetadata(issuer,
                endpoint(json, "authorization_endpoint", source),
                endpoint(json, "token_endpoint", source),
                json.containsKey("userinfo_endpoint")
                        ? Optional.of(endpoint(json, "userinfo_endpoint", source)) : Optional.empty(),
                endpoint(json, "jwks_uri", source),
                strings(json, "response_types_supported"),
                strings(json, "code_challenge_methods_supported"),
                authMethods.isEmpty() ? List.of("client_secret_basic") : authMethods,
                strings(json, "id_token_signing_alg_values_supported"),
                strings(json, "acr_values_supported"),
                Boolean.TRUE.equals(json.get("authorization_response_iss_parameter_supported")));
    }

    private static String string(Map<String, Object> json, String name, URI source) {
        if (json.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new ConfigurationException(AuthError.OIDC_DISCOVERY_FAILED, source, "member " + name + " is missing");
    }

    private static URI endpoint(Map<String, Object> json, String name, URI source) {
        String value = string(json, name, source);
        try {
            URI uri = URI.create(value);
            if (uri.isAbsolute() && uri.getHost() != null) {
                Endpoints.requireSecure(uri, name);
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigurationException(AuthError.OIDC_DISCOVERY_FAILED, source,
                "member " + name + " is no absolute https URL");
    }

    private static List<String> strings(Map<String, Object> json, String name) {
        if (json.get(name) instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
