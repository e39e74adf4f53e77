package de.ozgsdk.sandbox.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.oidc.internal.Form;
import de.ozgsdk.sandbox.oidc.internal.TokenMinter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenID provider on loopback for the SDK's OIDC client, shaped like a broker (e.g. Keycloak) in front of BundID:
 * discovery, JWKS, authorize with a persona picker page, token (authorization code with PKCE S256; client
 * authentication {@code client_secret_basic}, {@code client_secret_post} or {@code private_key_jwt}) and userinfo.
 * ID tokens carry {@code acr} (eIDAS LoA URIs unless configured otherwise), the persona's claims, {@code at_hash};
 * the authorization response carries {@code iss} (RFC 9207).
 *
 * <p>A test chooses the persona without a browser by adding {@code persona=<id>} to the authorization request: the
 * mock then redirects at once. {@link OidcFaults} break a login in the ways the client must refuse.
 *
 * <pre>{@code
 * OidcProviderMock idp = OidcProviderMock.builder()
 *         .client("ozg-portal", "portal-secret", URI.create("https://portal.kommune.example/login/oidc"))
 *         .start(); // port 0: any free loopback port; personas: OidcPersona.shipped()
 * String issuer = idp.issuer(); // http://127.0.0.1:<port>, discovery below it
 * idp.faults().add(OidcFaults.wrongNonce().once()); // the next ID token carries a foreign nonce
 * }</pre>
 */
public final class OidcProviderMock extends MockServer {

    /** The authorization endpoint. */
    public static final String AUTHORIZE = "/authorize";
    /** The token endpoint. */
    public static final String TOKEN = "/token";
    /** The userinfo endpoint. */
    public static final String USERINFO = "/userinfo";
    /** The JWKS. */
    public static final String JWKS = "/jwks";
    /** The discovery document. */
    public static final String DISCOVERY = "/.well-known/openid-configuration";

    /** The mock's own errors; {@link OidcFaults} scopes each to its endpoint. */
    public enum Error {
        /** Authorize redirects with {@code error=access_denied}, as when the citizen cancels. */
        CANCEL,
        /** Authorize redirects with an {@code iss} of another issuer. */
        WRONG_ISS_PARAMETER,
        /** The ID token's nonce belongs to no login. */
        WRONG_NONCE,
        /** The ID token's aud is another client. */
        WRONG_AUDIENCE,
        /** The ID token's iss is another issuer. */
        WRONG_ISSUER,
        /** The ID token has expired. */
        EXPIRED_TOKEN,
        /** The ID token's iat and nbf lie an hour ahead. */
        NOT_YET_VALID,
        /** The ID token is signed with an unpublished key. */
        UNKNOWN_KID,
        /** The ID token is unsigned. */
        ALG_NONE,
        /** The ID token is HS256 keyed with the public key. */
        HMAC_WITH_PUBLIC_KEY,
        /** The ID token's payload was changed after signing. */
        BAD_SIGNATURE,
        /** The ID token's acr is a level lower than the persona's. */
        LEVEL_DOWNGRADE,
        /** The ID token's at_hash belongs to another access token. */
        WRONG_AT_HASH,
        /** Userinfo answers for another subject. */
        USERINFO_SUBJECT_MISMATCH
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<JWSAlgorithm> SIGNING = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
            JWSAlgorithm.ES256);
    private static final String ADMIN = ADMIN_PREFIX + "oidc/";

    private final Map<String, RegisteredClient> clients;
    private final Map<String, OidcPersona> personas;
    private final JWSAlgorithm algorithm;
    private final Map<TrustLevel, String> acrValues;
    private final Duration tokenLifetime;
    private final Duration codeLifetime;
    private final boolean issParameter;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final List<JWK> publishedKeys = new CopyOnWriteArrayList<>();
    private volatile JWK signingKey;

    private OidcProviderMock(Builder builder) {
        super(builder, "oidc", Arrays.stream(Error.values()).map(Enum::name).toList());
        this.clients = Map.copyOf(builder.clients);
        this.personas = new LinkedHashMap<>();
        builder.personas.forEach(persona -> personas.put(persona.id(), persona));
        this.algorithm = builder.algorithm;
        this.acrValues = new EnumMap<>(builder.acrValues);
        this.tokenLifetime = builder.tokenLifetime;
        this.codeLifetime = builder.codeLifetime;
        this.issParameter = builder.issParameter;
        this.signingKey = TokenMinter.generate(algorithm);
        publishedKeys.add(signingKey.toPublicJWK());
    }

    /** A mock with the shipped personas, RS256 and eIDAS acr values; register at least one client. */
    public static Builder builder() {
        return new Builder();
    }

    /** The issuer identifier: the base URL without the trailing slash. */
    public String issuer() {
        String base = baseUrl().toString();
        return base.substring(0, base.length() - 1);
    }

    /** The personas this mock logs in, by id. */
    public Map<String, OidcPersona> personas() {
        return Map.copyOf(personas);
    }

    /**
     * The persona {@code id}.
     *
     * @throws ConfigurationException {@code OZG-SANDBOX-143} if the mock does not know it
     */
    public OidcPersona persona(String id) {
        OidcPersona persona = personas.get(id);
        if (persona == null) {
            throw new ConfigurationException(SandboxError.OIDC_PERSONA_UNKNOWN, id, personas.keySet());
        }
        return persona;
    }

    /** The key id ID tokens are signed with now. */
    public String signingKeyId() {
        return signingKey.getKeyID();
    }

    /** The published key set (public keys only). */
    public JWKSet publicKeys() {
        return new JWKSet(List.copyOf(publishedKeys));
    }

    /**
     * Signs from now on with a new key and publishes it; {@code keepOld} keeps the old public key in the JWKS (a
     * graceful rotation), otherwise it is withdrawn at once.
     *
     * @return the new key id
     */
    public synchronized String rotateSigningKey(boolean keepOld) {
        JWK next = TokenMinter.generate(algorithm);
        if (!keepOld) {
            publishedKeys.clear();
        }
        publishedKeys.add(next.toPublicJWK());
        signingKey = next;
        return next.getKeyID();
    }

    /** How many authorization codes were issued and not yet redeemed. */
    public int openCodes() {
        return codes.size();
    }

    @Override
    protected Answer handle(MockRequest request) throws Exception {
        return answer(request, Optional.empty());
    }

    @Override
    protected Answer systemError(String error, MockRequest request) throws Exception {
        return answer(request, Optional.of(Error.valueOf(error)));
    }

    private Answer answer(MockRequest request, Optional<Error> fault) throws Exception {
        String method = request.method();
        switch (request.path()) {
            case DISCOVERY:
                return method.equals("GET") ? Answer.json(200, discovery()) : Answer.status(405);
            case JWKS:
                return method.equals("GET") ? Answer.json(200, publicKeys().toString())
                        .header("Cache-Control", "max-age=300") : Answer.status(405);
            case AUTHORIZE:
                if (method.equals("GET")) {
                    return authorize(Form.parse(request.query()), fault);
                }
                return method.equals("POST") ? authorize(Form.parse(request.bodyText()), fault) : Answer.status(405);
            case TOKEN:
                return method.equals("POST") ? token(request, fault) : Answer.status(405);
            case USERINFO:
                return method.equals("GET") || method.equals("POST") ? userinfo(request, fault)
                        : Answer.status(405);
            default:
                return Answer.status(404);
        }
    }

    private String discovery() {
        String issuer = issuer();
        ObjectNode doc = JSON.createObjectNode()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + AUTHORIZE)
                .put("token_endpoint", issuer + TOKEN)
                .put("userinfo_endpoint", issuer + USERINFO)
                .put("jwks_uri", issuer + JWKS)
                .put("authorization_response_iss_parameter_supported", issParameter);
        doc.putArray("response_types_supported").add("code");
        doc.putArray("grant_types_supported").add("authorization_code");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add(algorithm.getName());
        doc.putArray("scopes_supported").add("openid").add("profile").add("email").add("address");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post")
                .add("private_key_jwt");
        doc.putArray("token_endpoint_auth_signing_alg_values_supported").add("RS256").add("ES256");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("ui_locales_supported").add("de").add("en");
        var acr = doc.putArray("acr_values_supported");
        acrValues.values().forEach(acr::add);
        var claims = doc.putArray("claims_supported").add("sub").add("acr").add("auth_time").add("login_method");
        personas.values().stream().flatMap(p -> p.claims().keySet().stream()).distinct().forEach(claims::add);
        return doc.toString();
    }

    // ---- authorize

    private Answer authorize(Form form, Optional<Error> fault) {
        Optional<RegisteredClient> client = form.single("client_id").map(clients::get);
        Optional<String> redirect = form.single("redirect_uri");
        if (client.isEmpty() || redirect.isEmpty() || !client.get().redirectUris().contains(redirect.get())) {
            // never redirect to an unregistered URI (open redirector): an error page for the person instead
            return page(400, "Ungültige Anmeldeanfrage",
                    "<p>Unbekannter Client oder nicht registrierte redirect_uri. Die Anfrage wurde nicht "
                            + "weitergeleitet.</p>");
        }
        String target = redirect.get();
        Optional<String> state = form.single("state");
        if (!form.single("response_type").orElse("").equals("code")) {
            return redirect(target, state, "error", "unsupported_response_type");
        }
        if (!List.of(form.single("scope").orElse("").split(" ")).contains("openid")) {
            return redirect(target, state, "error", "invalid_scope", "error_description", "scope openid missing");
        }
        if (form.single("code_challenge").isEmpty()
                || !form.single("code_challenge_method").orElse("").equals("S256")) {
            return redirect(target, state, "error", "invalid_request", "error_description",
                    "PKCE with code_challenge_method S256 is required");
        }
        if (form.single("nonce").isEmpty()) {
            return redirect(target, state, "error", "invalid_request", "error_description", "nonce is required");
        }
        if (fault.filter(Error.CANCEL::equals).isPresent() || form.has("cancel")) {
            return redirect(target, state, "error", "access_denied", "error_description", "login cancelled");
        }
        Optional<String> chosen = form.single("persona");
        if (chosen.isEmpty()) {
            return pickerPage(form);
        }
        OidcPersona persona = personas.get(chosen.get());
        if (persona == null) {
            return page(400, "Unbekannte Persona", "<p>Diese Persona gibt es hier nicht. Bekannt: "
                    + escape(String.join(", ", personas.keySet())) + "</p>");
        }
        String code = random();
        codes.put(code, new Grant(client.get().id(), target, form.single("nonce").get(),
                form.single("code_challenge").get(), persona, clock().instant(),
                clock().instant().plus(codeLifetime)));
        if (fault.filter(Error.WRONG_ISS_PARAMETER::equals).isPresent()) {
            return Answer.status(303).header("Location", target + (target.contains("?") ? '&' : '?') + "code="
                    + code + "&state=" + encode(state.orElse("")) + "&iss=" + encode(issuer() + "/other"));
        }
        return redirect(target, state, "code", code);
    }

    private Answer redirect(String target, Optional<String> state, String... parameters) {
        StringBuilder location = new StringBuilder(target).append(target.contains("?") ? '&' : '?');
        for (int i = 0; i < parameters.length; i += 2) {
            location.append(encode(parameters[i])).append('=').append(encode(parameters[i + 1])).append('&');
        }
        state.ifPresent(value -> location.append("state=").append(encode(value)).append('&'));
        if (issParameter) {
            // RFC 9207: on success and on error alike
            location.append("iss=").append(encode(issuer())).append('&');
        }
        location.setLength(location.length() - 1);
        return Answer.status(303).header("Location", location.toString()).header("Cache-Control", "no-store");
    }

    private Answer pickerPage(Form form) {
        StringBuilder body = new StringBuilder("<form method=\"post\" action=\"").append(AUTHORIZE).append("\">\n");
        form.firstValues().forEach((name, value) -> body.append("<input type=\"hidden\" name=\"")
                .append(escape(name)).append("\" value=\"").append(escape(value)).append("\">\n"));
        body.append("<fieldset><legend>Testperson wählen</legend>\n");
        boolean first = true;
        for (OidcPersona persona : personas.values()) {
            body.append("<p><label><input type=\"radio\" name=\"persona\" value=\"").append(escape(persona.id()))
                    .append('"').append(first ? " checked" : "").append("> ").append(escape(persona.label()))
                    .append(" <small>(").append(escape(acrValues.get(persona.level()))).append(")</small></label></p>\n");
            first = false;
        }
        body.append("</fieldset>\n<button type=\"submit\">Anmelden</button>\n")
                .append("<button type=\"submit\" name=\"cancel\" value=\"1\">Abbrechen</button>\n</form>\n");
        return page(200, "Sandbox-Anmeldung (OpenID Connect)", body.toString());
    }

    private static Answer page(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"de\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
        return Answer.text(status, "text/html; charset=utf-8", html)
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'")
                .header("Cache-Control", "no-store");
    }

    // ---- token

    private Answer token(MockRequest request, Optional<Error> fault) {
        Form form = Form.parse(request.bodyText());
        Optional<RegisteredClient> client = authenticate(request, form);
        if (client.isEmpty()) {
            return oauthError(401, "invalid_client", "client authentication failed")
                    .header("WWW-Authenticate", "Basic realm=\"token\"");
        }
        if (!form.single("grant_type").orElse("").equals("authorization_code")) {
            return oauthError(400, "unsupported_grant_type", "only authorization_code");
        }
        Grant grant = form.single("code").map(codes::remove).orElse(null);
        Instant now = clock().instant();
        if (grant == null || !now.isBefore(grant.expiresAt()) || !grant.clientId().equals(client.get().id())) {
            return oauthError(400, "invalid_grant", "code unknown, used, expired or issued to another client");
        }
        if (!form.single("redirect_uri").orElse("").equals(grant.redirectUri())) {
            return oauthError(400, "invalid_grant", "redirect_uri differs from the authorization request");
        }
        if (!form.single("code_verifier").map(OidcProviderMock::challenge).orElse("").equals(grant.challenge())) {
            return oauthError(400, "invalid_grant", "code_verifier does not match the code_challenge");
        }
        String accessToken = random();
        accessTokens.put(accessToken, new Issued(grant.persona(), now.plus(tokenLifetime)));
        ObjectNode answer = JSON.createObjectNode()
                .put("access_token", accessToken)
                .put("token_type", "Bearer")
                .put("expires_in", tokenLifetime.toSeconds())
                .put("scope", "openid profile email")
                .put("id_token", idToken(grant, accessToken, fault, now));
        return Answer.json(200, answer.toString()).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private String idToken(Grant grant, String accessToken, Optional<Error> fault, Instant now) {
        Error error = fault.orElse(null);
        Instant issuedAt = error == Error.EXPIRED_TOKEN ? now.minus(Duration.ofHours(1))
                : error == Error.NOT_YET_VALID ? now.plus(Duration.ofHours(1)) : now;
        Instant expires = error == Error.EXPIRED_TOKEN ? now.minus(Duration.ofMinutes(30))
                : issuedAt.plus(tokenLifetime);
        String audience = error == Error.WRONG_AUDIENCE ? "another-client" : grant.clientId();
        OidcPersona persona = grant.persona();
        TrustLevel level = persona.level();
        if (error == Error.LEVEL_DOWNGRADE && level.ordinal() > 0) {
            level = TrustLevel.values()[level.ordinal() - 1];
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        persona.claims().forEach(claims::claim);
        claims.issuer(error == Error.WRONG_ISSUER ? issuer() + "/other" : issuer())
                .subject(persona.subject())
                .audience(audience)
                .claim("azp", audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expires))
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("nonce", error == Error.WRONG_NONCE ? random() : grant.nonce())
                .claim("acr", acrValues.get(level))
                .claim("login_method", persona.loginMethod())
                .claim("at_hash", TokenMinter.atHash(algorithm, error == Error.WRONG_AT_HASH ? random() : accessToken))
                .jwtID(UUID.randomUUID().toString());
        if (error == Error.NOT_YET_VALID) {
            claims.notBeforeTime(Date.from(issuedAt));
        }
        TokenMinter.Signing signing = error == null ? TokenMinter.Signing.PROPER : switch (error) {
            case UNKNOWN_KID -> TokenMinter.Signing.UNKNOWN_KEY;
            case ALG_NONE -> TokenMinter.Signing.NONE;
            case HMAC_WITH_PUBLIC_KEY -> TokenMinter.Signing.HMAC_WITH_PUBLIC_KEY;
            case BAD_SIGNATURE -> TokenMinter.Signing.TAMPERED;
            default -> TokenMinter.Signing.PROPER;
        };
        return TokenMinter.sign(claims.build(), signingKey, algorithm, signing);
    }

    private Optional<RegisteredClient> authenticate(MockRequest request, Form form) {
        Optional<String> basic = request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isPresent()) {
            String decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return secretClient(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        }
        Optional<String> assertion = form.single("client_assertion");
        if (assertion.isPresent()) {
            return assertionClient(form.single("client_id"), assertion.get(),
                    form.single("client_assertion_type").orElse(""));
        }
        Optional<String> id = form.single("client_id");
        Optional<String> secret = form.single("client_secret");
        return id.isPresent() && secret.isPresent() ? secretClient(id.get(), secret.get()) : Optional.empty();
    }

    private Optional<RegisteredClient> secretClient(String id, String secret) {
        RegisteredClient client = clients.get(id);
        if (client == null || client.secret() == null || !MessageDigest.isEqual(
                client.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private Optional<RegisteredClient> assertionClient(Optional<String> clientId, String assertion, String type) {
        if (!type.equals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            RegisteredClient client = clients.get(claims.getIssuer());
            if (client == null || client.publicKey() == null || !claims.getIssuer().equals(claims.getSubject())
                    || clientId.isPresent() && !clientId.get().equals(client.id())) {
                return Optional.empty();
            }
            JWSVerifier verifier = client.publicKey() instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                    : new ECDSAVerifier((ECKey) client.publicKey());
            boolean audienceOk = claims.getAudience().contains(issuer() + TOKEN)
                    || claims.getAudience().contains(issuer());
            boolean fresh = claims.getExpirationTime() != null
                    && claims.getExpirationTime().toInstant().isAfter(clock().instant());
            return jwt.verify(verifier) && audienceOk && fresh ? Optional.of(client) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static Answer oauthError(int status, String error, String description) {
        return Answer.json(status, JSON.createObjectNode().put("error", error).put("error_description", description)
                .toString()).header("Cache-Control", "no-store");
    }

    // ---- userinfo

    private Answer userinfo(MockRequest request, Optional<Error> fault) {
        Optional<String> bearer = request.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).strip());
        Issued issued = bearer.map(accessTokens::get).orElse(null);
        if (issued == null || !clock().instant().isBefore(issued.expiresAt())) {
            return Answer.status(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        OidcPersona persona = issued.persona();
        ObjectNode info = JSON.valueToTree(persona.claims());
        info.put("sub", fault.filter(Error.USERINFO_SUBJECT_MISMATCH::equals).isPresent()
                ? "someone-else-" + persona.subject() : persona.subject());
        info.put("login_method", persona.loginMethod());
        return Answer.json(200, info.toString()).header("Cache-Control", "no-store");
    }

    // ---- record and admin

    @Override
    protected String summariseBody(MockRequest request) {
        if (request.bodyLength() == 0) {
            return "";
        }
        Form form = Form.parse(request.bodyText());
        if (request.path().equals(TOKEN)) {
            return "grant_type=" + form.single("grant_type").orElse("-") + ", client_id="
                    + form.single("client_id").orElse("-") + ", code/verifier/secret/assertion masked";
        }
        if (request.path().equals(AUTHORIZE)) {
            return form.has("cancel") ? "cancel" : "persona=" + form.single("persona").orElse("-");
        }
        return super.summariseBody(request);
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (request.method().equals("POST") && request.path().equals(ADMIN + "rotate-key")) {
            String kid = rotateSigningKey(request.queryParameter("keepOld").map(Boolean::parseBoolean).orElse(true));
            return Optional.of(Answer.json(200, JSON.createObjectNode().put("kid", kid).toString()));
        }
        if (request.method().equals("GET") && request.path().equals(ADMIN + "personas")) {
            var list = JSON.createArrayNode();
            personas.values().forEach(p -> list.addObject().put("id", p.id()).put("label", p.label())
                    .put("level", p.level().name()).put("acr", acrValues.get(p.level())));
            return Optional.of(Answer.json(200, list.toString()));
        }
        return Optional.empty();
    }

    // ---- helpers

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private record RegisteredClient(String id, String secret, JWK publicKey, List<String> redirectUris) {
    }

    private record Grant(String clientId, String redirectUri, String nonce, String challenge, OidcPersona persona,
            Instant authTime, Instant expiresAt) {
    }

    private record Issued(OidcPersona persona, Instant expiresAt) {
    }

    /** Configures an {@link OidcProviderMock}. */
    public static final class Builder extends MockServer.Builder<Builder, OidcProviderMock> {
        private final Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        private List<OidcPersona> personas = OidcPersona.shipped();
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private final Map<TrustLevel, String> acrValues = new EnumMap<>(TrustLevel.class);
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private Duration codeLifetime = Duration.ofSeconds(60);
        private boolean issParameter = true;

        private Builder() {
            for (TrustLevel level : TrustLevel.values()) {
                acrValues.put(level, level.eidasUri());
            }
        }

        /** Registers a client that authenticates with {@code secret} (basic or post) at {@code redirectUris}. */
        public Builder client(String id, String secret, URI... redirectUris) {
            if (Objects.requireNonNull(secret, "secret").isEmpty()) {
                throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, id, "secret is empty");
            }
            return register(new RegisteredClient(requireId(id), secret, null, uris(id, redirectUris)));
        }

        /** Registers a client that authenticates with {@code private_key_jwt} signed by {@code publicKey}'s pair. */
        public Builder clientWithKey(String id, JWK publicKey, URI... redirectUris) {
            if (Objects.requireNonNull(publicKey, "publicKey").isPrivate()
                    || !(publicKey instanceof RSAKey || publicKey instanceof ECKey)) {
                throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, id,
                        "give the public RSA or EC key of the client");
            }
            return register(new RegisteredClient(requireId(id), null, publicKey, uris(id, redirectUris)));
        }

        /** The personas to offer; default {@link OidcPersona#shipped()}. */
        public Builder personas(List<OidcPersona> list) {
            if (list.isEmpty()) {
                throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, "(list)", "no persona given");
            }
            this.personas = List.copyOf(list);
            return self();
        }

        /** The ID token algorithm: RS256 (default), PS256 or ES256; a fresh key is generated for it. */
        public Builder signingAlgorithm(JWSAlgorithm signingAlgorithm) {
            if (!SIGNING.contains(signingAlgorithm)) {
                throw new ConfigurationException(SandboxError.OIDC_ALGORITHM_UNSUPPORTED, signingAlgorithm,
                        "RS256, PS256, ES256");
            }
            this.algorithm = signingAlgorithm;
            return self();
        }

        /** The acr value sent for {@code level}; default the eIDAS LoA URI. */
        public Builder acrValue(TrustLevel level, String acr) {
            acrValues.put(Objects.requireNonNull(level, "level"), Objects.requireNonNull(acr, "acr"));
            return self();
        }

        /** Sends {@code STORK-QAA-Level-n} as acr, as BundID does in SAML. */
        public Builder storkAcrValues() {
            for (TrustLevel level : TrustLevel.values()) {
                acrValues.put(level, level.storkQaaLevel());
            }
            return self();
        }

        /** Lifetime of ID and access tokens; default 5 min. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = positive(lifetime, "tokenLifetime");
            return self();
        }

        /** Lifetime of authorization codes; default 60 s. */
        public Builder codeLifetime(Duration lifetime) {
            this.codeLifetime = positive(lifetime, "codeLifetime");
            return self();
        }

        /** Whether authorization responses carry {@code iss} (RFC 9207); default true. */
        public Builder issParameter(boolean send) {
            this.issParameter = send;
            return self();
        }

        @Override
        protected OidcProviderMock build() {
            if (clients.isEmpty()) {
                throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, "(none)",
                        "register at least one client with client(...) or clientWithKey(...)");
            }
            return new OidcProviderMock(this);
        }

        private Builder register(RegisteredClient client) {
            if (clients.putIfAbsent(client.id(), client) != null) {
                throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, client.id(), "registered twice");
            }
            return self();
        }

        private static String requireId(String id) {
            if (Objects.requireNonNull(id, "id").isBlank()) {
                throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, "(blank)", "client id is blank");
            }
            return id;
        }

        private static List<String> uris(String id, URI... redirectUris) {
            List<String> list = new ArrayList<>();
            for (URI uri : redirectUris) {
                if (!uri.isAbsolute() || uri.getFragment() != null) {
                    throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, id,
                            "redirect URI " + uri + " is not absolute or has a fragment");
                }
                list.add(uri.toString());
            }
            if (list.isEmpty()) {
                throw new ConfigurationException(SandboxError.OIDC_CLIENT_INVALID, id, "no redirect URI");
            }
            return List.copyOf(list);
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, name, value, "> 0");
            }
            return value;
        }
    }
}
