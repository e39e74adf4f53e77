package de.ozgsdk.auth.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.oidc.ClientAuthentication;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * The token request of the authorization code flow (OpenID Connect Core 1.0, 3.1.3.1) with the PKCE verifier and
 * the configured client authentication, and the reading of its answer.
 */
public final class TokenEndpoint {

    private final JsonHttp http;
    private final String clientId;
    private final ClientAuthentication authentication;
    private final Clock clock;

    public TokenEndpoint(JsonHttp http, String clientId, ClientAuthentication authentication, Clock clock) {
        this.http = http;
        this.clientId = clientId;
        this.authentication = authentication;
        this.clock = clock;
    }

    /**
     * The tokens of one successful token response.
     *
     * @param idToken     the compact ID token, not yet verified
     * @param accessToken the Bearer access token for the userinfo endpoint
     */
    public record Tokens(String idToken, String accessToken) {
        @Override
        public String toString() {
            return "Tokens[***]";
        }
    }

    /**
     * Redeems {@code code}.
     *
     * @throws RemoteSystemException  {@code OZG-AUTH-209} if the endpoint is unreachable or answers 5xx
     * @throws InvalidInputException  {@code OZG-AUTH-210} if it refuses the code (4xx)
     * @throws SecurityCheckException {@code OZG-AUTH-211} if its answer is unusable
     */
    public Tokens redeem(URI endpoint, String code, URI redirectUri, String codeVerifier) {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri.toString())
                .add("code_verifier", codeVerifier);
        Request.Builder request = new Request.Builder().url(endpoint.toString()).header("Accept", "application/json");
        if (authentication instanceof ClientAuthentication.SecretBasic basic) {
            request.header("Authorization",
                    Credentials.basic(formEncode(clientId), formEncode(basic.secret()), StandardCharsets.UTF_8));
        } else if (authentication instanceof ClientAuthentication.SecretPost post) {
            form.add("client_id", clientId).add("client_secret", post.secret());
        } else if (authentication instanceof ClientAuthentication.PrivateKeyJwt jwt) {
            form.add("client_id", clientId)
                    .add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .add("client_assertion", assertion(jwt, endpoint));
        }
        JsonHttp.Reply reply;
        try {
            reply = http.exchange(request.post(form.build()).build());
        } catch (IOException e) {
            throw RemoteSystemException.builder(AuthError.OIDC_TOKEN_REQUEST_FAILED, Discovery.SYSTEM).cause(e)
                    .arguments(endpoint, e.toString()).build();
        }
        if (reply.status() >= 500 || reply.status() < 200) {
            throw RemoteSystemException.builder(AuthError.OIDC_TOKEN_REQUEST_FAILED, Discovery.SYSTEM)
                    .httpStatus(reply.status()).arguments(endpoint, reply.describe()).build();
        }
        Map<String, Object> json = reply.json().orElse(Map.of());
        if (!reply.ok()) {
            throw new InvalidInputException(AuthError.OIDC_TOKEN_REFUSED,
                    json.get("error") instanceof String error ? error : "HTTP " + reply.status(),
                    json.get("error_description") instanceof String text ? text : "-");
        }
        if (!(json.get("id_token") instanceof String idToken) || idToken.isEmpty()) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_RESPONSE_INVALID, "no id_token");
        }
        if (!(json.get("access_token") instanceof String accessToken) || accessToken.isEmpty()) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_RESPONSE_INVALID, "no access_token");
        }
        if (!(json.get("token_type") instanceof String type) || !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_RESPONSE_INVALID, "token_type is not Bearer");
        }
        return new Tokens(idToken, accessToken);
    }

    /** RFC 6749, 2.3.1: id and secret are form-encoded before they go into HTTP Basic. */
    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String assertion(ClientAuthentication.PrivateKeyJwt authentication, URI endpoint) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(endpoint.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofSeconds(60))))
                .build();
        JWSHeader header = new JWSHeader.Builder(authentication.algorithm())
                .keyID(authentication.key().getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            JWSSigner signer = authentication.key() instanceof RSAKey rsa ? new RSASSASigner(rsa)
                    : new ECDSASigner((ECKey) authentication.key());
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new ProcessingException(AuthError.KEY_UNUSABLE, e, "private_key_jwt", e.getMessage());
        }
        return jwt.serialize();
    }
}
