package de.ozgsdk.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenID provider scripted per test on OkHttp's MockWebServer, for the client's checks that a well-behaved
 * provider (the sandbox mock, oidc-provider) never triggers: discovery variants, token and userinfo answers, ID token
 * claims. ID tokens are real RS256 JWTs signed with a key from the JWKS.
 */
final class ScriptedProvider implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final RSAKey key;
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, Object> discovery = new LinkedHashMap<>();
    volatile String nonce = "unset";
    volatile UnaryOperator<JWTClaimsSet.Builder> claims = UnaryOperator.identity();
    volatile Function<String, MockResponse> tokenAnswer = this::tokenResponse;
    volatile MockResponse userinfoAnswer;
    volatile String jwks;
    volatile boolean keyIdInHeader = true;

    ScriptedProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks = new JWKSet(key.toPublicJWK()).toString();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return switch (request.getUrl().encodedPath()) {
                    case "/.well-known/openid-configuration" -> json(200, JSONObjectUtils.toJSONString(discovery));
                    case "/jwks" -> json(200, jwks);
                    case "/token" -> tokenAnswer.apply(request.getBody().utf8());
                    case "/userinfo" -> userinfoAnswer != null ? userinfoAnswer
                            : json(200, "{\"sub\":\"citizen-1\",\"given_name\":\"Erika\"}");
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start();
        String issuer = issuer();
        discovery.put("issuer", issuer);
        discovery.put("authorization_endpoint", issuer + "/authorize");
        discovery.put("token_endpoint", issuer + "/token");
        discovery.put("userinfo_endpoint", issuer + "/userinfo");
        discovery.put("jwks_uri", issuer + "/jwks");
        discovery.put("response_types_supported", List.of("code"));
        discovery.put("code_challenge_methods_supported", List.of("S256"));
        discovery.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
    }

    String issuer() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    long count(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).count();
    }

    /** A signed ID token for the current nonce, changed by {@link #claims}. */
    String idToken() {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer()).subject("citizen-1").audience("portal")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("acr", "http://eidas.europa.eu/LoA/high");
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(keyIdInHeader ? key.getKeyID() : null).build(), claims.apply(builder).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    MockResponse tokenResponse(String body) {
        return json(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken() + "\"}");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
