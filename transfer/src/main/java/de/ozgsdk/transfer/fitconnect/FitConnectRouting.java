package de.ozgsdk.transfer.fitconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp;
import de.ozgsdk.transfer.fitconnect.internal.Json;
import de.ozgsdk.transfer.fitconnect.internal.KeyChecks;
import de.ozgsdk.transfer.fitconnect.internal.Step;
import java.io.IOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/**
 * Finds the destination (Zustellpunkt) responsible for a service in a region through the FIT-Connect Routing API
 * ({@code GET /routes?leikaKey=…&ars=…}) and verifies each route's signed destination information against the JWKS of
 * the self-service portal before returning it: PS512 signature, the same {@code destinationId}, the requested
 * service ({@code urn:de:fim:leika:leistung:<key>}) and region among its {@code services}, and the configured delivery
 * service as {@code submissionHost}.
 *
 * <p>Use: {@code FitConnectRouting.of(config).routes(LeikaKey.parse("99010003001006"), region)} with a configuration
 * that names the Routing API and the portal's JWKS ({@code FitConnectConfig.Builder.routing}); give the returned
 * destination id to a {@link FitConnectTarget}.
 *
 * <p>Thread-safe.
 */
public final class FitConnectRouting {

    private static final String LEIKA_PREFIX = "urn:de:fim:leika:leistung:";
    private static final String ARS_PREFIX = "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:";

    private final FitConnectConfig config;
    private final FitConnectHttp http;
    private final HttpUrl routingApi;
    private final HttpUrl portalJwks;

    private FitConnectRouting(FitConnectConfig config) {
        this.config = config;
        this.http = new FitConnectHttp(config);
        this.routingApi = HttpUrl.get(config.routingApi().orElseThrow(() -> new ConfigurationException(
                TransferError.FITCONNECT_CONFIG_INVALID, "routing", "no Routing API configured")).toString());
        this.portalJwks = HttpUrl.get(config.portalJwks().orElseThrow().toString());
    }

    /**
     * A routing client for {@code config}, which must name the Routing API and the portal's JWKS.
     *
     * @throws ConfigurationException if it does not
     */
    public static FitConnectRouting of(FitConnectConfig config) {
        return new FitConnectRouting(config);
    }

    /**
     * The verified destinations for {@code service} in {@code region} (empty if there is none).
     *
     * @throws SecurityCheckException if a route's destination information fails its check
     * @throws RemoteSystemException if the Routing API or the JWKS cannot be read
     */
    public List<FitConnectRoute> routes(LeikaKey service, RegionalKey region) {
        HttpUrl url = routingApi.newBuilder().addPathSegment("routes")
                .addQueryParameter("leikaKey", service.value())
                .addQueryParameter("ars", region.value())
                .build();
        JsonNode result = Json.read(fetch(url), Step.ROUTES, "-");
        Map<String, RSAKey> keys = portalKeys();
        List<FitConnectRoute> routes = new ArrayList<>();
        for (JsonNode route : result.path("routes")) {
            routes.add(verified(route, keys, service, region));
        }
        return routes;
    }

    private FitConnectRoute verified(JsonNode route, Map<String, RSAKey> keys, LeikaKey service, RegionalKey region) {
        String destinationId = route.path("destinationId").asString("?");
        try {
            SignedJWT jwt = SignedJWT.parse(route.path("destinationSignature").asString(""));
            if (!JWSAlgorithm.PS512.equals(jwt.getHeader().getAlgorithm())) {
                throw refused(destinationId, "alg is " + jwt.getHeader().getAlgorithm() + ", not PS512");
            }
            RSAKey key = keys.get(jwt.getHeader().getKeyID());
            if (key == null) {
                throw refused(destinationId, "signed with key " + jwt.getHeader().getKeyID()
                        + ", which is not in the portal's JWKS");
            }
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw refused(destinationId, "the signature does not verify");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!destinationId.equals(claims.getStringClaim("destinationId"))) {
                throw refused(destinationId, "the signed destinationId differs");
            }
            if (!namesServiceAndRegion(claims.getClaim("services"), service, region)) {
                throw refused(destinationId, "the signed services do not name service " + service.value()
                        + " in region " + region.value());
            }
            String host = claims.getStringClaim("submissionHost");
            if (!config.submissionApi().getHost().equalsIgnoreCase(host)) {
                throw refused(destinationId, "the signed submissionHost " + host + " is not the configured "
                        + config.submissionApi().getHost());
            }
            Optional<String> name = Optional.ofNullable(route.path("destinationName").asString(null));
            return new FitConnectRoute(UUID.fromString(destinationId), name, host);
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw refused(destinationId, "unreadable destinationSignature: " + e.getClass().getSimpleName());
        }
    }

    private static boolean namesServiceAndRegion(Object services, LeikaKey service, RegionalKey region) {
        if (!(services instanceof List<?> list)) {
            return false;
        }
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> map && map.get("leistungIDs") instanceof List<?> leistungen
                    && map.get("gebietIDs") instanceof List<?> gebiete
                    && leistungen.contains(LEIKA_PREFIX + service.value())
                    && gebiete.stream().map(String::valueOf).filter(id -> id.startsWith(ARS_PREFIX))
                            .map(id -> id.substring(ARS_PREFIX.length()))
                            .anyMatch(ars -> !ars.isEmpty() && region.value().startsWith(ars))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, RSAKey> portalKeys() {
        try {
            Map<String, RSAKey> keys = new java.util.HashMap<>();
            for (JWK jwk : JWKSet.parse(new String(fetch(portalJwks), java.nio.charset.StandardCharsets.UTF_8))
                    .getKeys()) {
                if (jwk instanceof RSAKey rsa && rsa.getKeyID() != null && rsa.size() >= KeyChecks.MIN_RSA_BITS) {
                    keys.put(rsa.getKeyID(), rsa);
                }
            }
            return keys;
        } catch (ParseException e) {
            throw Json.invalid(Step.JWKS, "-", "the portal's JWKS is unreadable");
        }
    }

    private byte[] fetch(HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.client().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw RemoteSystemException.builder(TransferError.FITCONNECT_UNAVAILABLE, url.host())
                        .httpStatus(response.code())
                        .arguments(url.host(), Step.ROUTES, "-", "HTTP " + response.code())
                        .build();
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_UNAVAILABLE, url.host())
                    .cause(e)
                    .arguments(url.host(), Step.ROUTES, "-", e.getClass().getSimpleName())
                    .build();
        }
    }

    private static SecurityCheckException refused(String destinationId, String why) {
        return new SecurityCheckException(TransferError.FITCONNECT_ROUTE_INVALID, destinationId, why);
    }
}
