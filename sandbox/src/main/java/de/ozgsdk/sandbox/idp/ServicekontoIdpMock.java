package de.ozgsdk.sandbox.idp;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.internal.RequestInspector;
import de.ozgsdk.sandbox.idp.internal.ResponseWriter;
import de.ozgsdk.sandbox.idp.internal.ServiceProvider;
import de.ozgsdk.sandbox.idp.internal.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A BundID-like SAML 2.0 identity provider (Servicekonto) on loopback, written against the wire, not against
 * ozg-auth: it serves its metadata ({@code GET /idp/metadata}), takes an AuthnRequest by HTTP-POST or HTTP-Redirect
 * at {@code /idp/sso} and checks it as BundID does (signature of a registered service provider, AKDB extension V2,
 * OrganizationDisplayName, requested attributes; refusals go to {@code /idp/error?idp.code=…} with BundID's codes),
 * shows a login page where a tester picks a {@link Persona}, and posts a signed and encrypted {@code samlp:Response}
 * back to the service provider's ACS ({@code POST /idp/login} with {@code login} and {@code persona}, or
 * {@code cancel}, which a test can send without a browser). Algorithms: {@link Algorithms#PSS_GCM} (BundID since
 * 2024/25, default) or {@link Algorithms#RSA_SHA256_CBC} (older answers).
 *
 * <p>Faults: {@link Error} lists every deviation a test can script, each applied to the next login answer, e.g.
 * {@code idp.faults().add(ServicekontoIdpMock.fault(Error.XSW_WRAPPED_ASSERTION).once())}. Admin:
 * {@code GET /__admin/personas}, {@code POST /__admin/service-providers} (SP metadata XML).
 */
public final class ServicekontoIdpMock extends MockServer {

    /** The paths the mock serves. */
    public static final String METADATA = "/idp/metadata";
    /** The single sign-on endpoint (HTTP-POST and HTTP-Redirect). */
    public static final String SSO = "/idp/sso";
    /** Where the login page posts the persona choice. */
    public static final String LOGIN = "/idp/login";
    /** BundID-style error page with {@code idp.code}. */
    public static final String ERROR_PAGE = "/idp/error";

    /** The algorithm sets of the answers. */
    public enum Algorithms {
        /** RSASSA-PSS (SHA-256, MGF1) signatures, AES-256-GCM content, RSA-OAEP (XML Encryption 1.1, SHA-256). */
        PSS_GCM("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", XMLCipher.AES_256_GCM,
                XMLCipher.RSA_OAEP_11),
        /** As {@link #PSS_GCM} with the RSA-OAEP-MGF1P key transport of XML Encryption 1.0. */
        PSS_GCM_OAEP_MGF1P("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", XMLCipher.AES_256_GCM,
                XMLCipher.RSA_OAEP),
        /** RSA-SHA256 signatures, AES-256-CBC content, RSA-OAEP-MGF1P: BundID before 2024 (xmlsec1 verifies it). */
        RSA_SHA256_CBC("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", XMLCipher.AES_256, XMLCipher.RSA_OAEP);

        private final ResponseWriter.Algorithms algorithms;

        Algorithms(String signature, String content, String keyTransport) {
            this.algorithms = new ResponseWriter.Algorithms(signature, "http://www.w3.org/2001/04/xmlenc#sha256",
                    content, keyTransport);
        }
    }

    /** What a login answer can get wrong, for {@link #fault(Error)}. */
    public enum Error {
        /** The citizen cancels: Responder/AuthnFailed. */
        CANCEL,
        /** Required attributes missing: Requester/RequestDenied, akdb:StatusDetail IDP_REQUIRED_ATTRIBUTES_MISSING. */
        REQUIRED_ATTRIBUTE_MISSING,
        /** The login reaches only STORK-QAA-Level-1, whatever was requested. */
        LEVEL_DOWNGRADE,
        /** The assertion's validity window ended 15 minutes ago. */
        EXPIRED_ASSERTION,
        /** The assertion becomes valid only in 20 minutes. */
        NOT_YET_VALID,
        /** The Audience names another service provider. */
        WRONG_AUDIENCE,
        /** The bearer confirmation's Recipient is another ACS. */
        WRONG_RECIPIENT,
        /** The response's Destination is another ACS (signed response). */
        WRONG_DESTINATION,
        /** The Issuer is another IdP (signed with the right key). */
        WRONG_ISSUER,
        /** InResponseTo names a request the SP never made. */
        WRONG_IN_RESPONSE_TO,
        /** The answer of the previous successful login is sent again. */
        REPLAY,
        /** The response is signed, the assertion inside is not. */
        UNSIGNED_ASSERTION,
        /** The assertion is signed, the response around it is not (a valid SAML shape). */
        UNSIGNED_RESPONSE,
        /** Neither response nor assertion is signed. */
        UNSIGNED_BOTH,
        /** The unsigned response around a signed assertion was changed (Destination). */
        TAMPERED_UNSIGNED_RESPONSE,
        /** A given name in the signed assertion was changed after signing. */
        TAMPERED_ASSERTION,
        /** XSW: a forged assertion carries the signed original in its Advice. */
        XSW_WRAPPED_ASSERTION,
        /** XSW: the original's signature moved into a forged assertion with its own ID. */
        XSW_MOVED_SIGNATURE,
        /** XSW: a forged assertion with the original's ID and signature, and a shadow element with the same ID. */
        XSW_DUPLICATE_ID,
        /** Signed with a key that is not in the IdP metadata. */
        UNKNOWN_SIGNING_KEY,
        /** The response starts with a DTD declaring an entity. */
        DTD,
        /** The assertion arrives in clear text. */
        NOT_ENCRYPTED,
        /** The assertion is encrypted to a key the SP does not have. */
        WRONG_ENCRYPTION_KEY,
        /** RSA-SHA1 signatures with SHA-1 digests. */
        SHA1_SIGNATURE,
        /** RSA 1.5 key transport. */
        RSA15_KEY_TRANSPORT
    }

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final String entityId;
    private final PrivateKeyCredential signingKey;
    private final AtomicReference<Algorithms> algorithms;
    private final List<Persona> personas;
    private final boolean requireExtension;
    private final Map<String, ServiceProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, RequestInspector.Login> logins = new ConcurrentHashMap<>();
    private final AtomicReference<byte[]> lastSuccess = new AtomicReference<>();
    private final AtomicReference<PrivateKeyCredential> strangerKey = new AtomicReference<>();

    private ServicekontoIdpMock(Builder builder) {
        super(builder, "servicekonto-idp", Set.of(Fault.Kind.values()),
                Arrays.stream(Error.values()).map(Enum::name).toList());
        this.entityId = builder.entityId;
        this.signingKey = builder.signingKey != null ? builder.signingKey : SandboxPki.selfSignedRsa("idp-mock");
        this.algorithms = new AtomicReference<>(builder.algorithms);
        this.personas = List.copyOf(builder.personas);
        this.requireExtension = builder.requireExtension;
        builder.serviceProviders.forEach(this::registerServiceProvider);
        Wire.init();
    }

    /** A builder: http on a free loopback port, the shipped personas, PSS + GCM, a fresh RSA key. */
    public static Builder builder() {
        return new Builder();
    }

    /** A fault for the next login answer(s): {@code Fault.systemError(error)} on {@code POST /idp/login}. */
    public static Fault fault(Error error) {
        return Fault.systemError(error).on("POST", LOGIN);
    }

    /** The IdP's entityID, the Issuer of its answers. */
    public String entityId() {
        return entityId;
    }

    /** The IdP's signing certificate (published in its metadata). */
    public X509Certificate signingCertificate() {
        return signingKey.certificate();
    }

    /** The personas on the login page. */
    public List<Persona> personas() {
        return personas;
    }

    /** Switches the algorithms of the following answers. */
    public void algorithms(Algorithms algorithms) {
        this.algorithms.set(Objects.requireNonNull(algorithms, "algorithms"));
    }

    /**
     * Registers a service provider from its metadata (entityID, signing and encryption certificate, HTTP-POST ACS);
     * the mock answers only registered SPs, as BundID does.
     */
    public void registerServiceProvider(String metadataXml) {
        ServiceProvider sp = ServiceProvider.fromMetadata(metadataXml);
        providers.put(sp.entityId(), sp);
    }

    /**
     * Logs in as {@code persona} the way a browser would, over HTTP to this mock: posts the service provider's
     * HTTP-POST form ({@code SAMLRequest}, {@code RelayState}) to {@link #SSO}, picks the persona on the login page
     * and returns the fields of the answer page ({@code SAMLResponse}, {@code RelayState}) that the browser would
     * post to the ACS.
     *
     * @throws IllegalStateException naming the {@code idp.code} if the mock refused the request
     */
    public Map<String, String> logIn(Map<String, String> requestForm, String persona) {
        persona(persona);
        return choose(requestForm, Map.of("persona", persona));
    }

    /** As {@link #logIn(Map, String)}, with the citizen pressing "Abbrechen" on the login page. */
    public Map<String, String> cancelLogin(Map<String, String> requestForm) {
        return choose(requestForm, Map.of("cancel", "1"));
    }

    private Map<String, String> choose(Map<String, String> requestForm, Map<String, String> choice) {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> page = post(browser, uri(SSO), requestForm);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("the IdP mock refused the AuthnRequest: "
                        + page.headers().firstValue("Location").orElse(String.valueOf(page.statusCode())));
            }
            Map<String, String> form = new LinkedHashMap<>(choice);
            form.put("login", hiddenFields(page.body()).get("login"));
            return hiddenFields(post(browser, uri(LOGIN), form).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> post(HttpClient browser, URI uri, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden input fields of one of the mock's pages, HTML entities decoded. */
    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN.matcher(html);
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&"));
        }
        return fields;
    }

    /** The IdP metadata: entityID, signing certificate, SSO endpoints for HTTP-POST and HTTP-Redirect. */
    public String metadata() {
        Document document = Wire.newDocument();
        Element root = document.createElementNS(Wire.METADATA, "md:EntityDescriptor");
        root.setAttributeNS(Wire.XMLNS, "xmlns:md", Wire.METADATA);
        root.setAttributeNS(Wire.XMLNS, "xmlns:ds", Wire.DSIG);
        root.setAttributeNS(null, "entityID", entityId);
        document.appendChild(root);
        Element idp = Wire.add(root, Wire.METADATA, "md:IDPSSODescriptor");
        idp.setAttributeNS(null, "WantAuthnRequestsSigned", "true");
        idp.setAttributeNS(null, "protocolSupportEnumeration", Wire.PROTOCOL);
        Element descriptor = Wire.add(idp, Wire.METADATA, "md:KeyDescriptor");
        descriptor.setAttributeNS(null, "use", "signing");
        try {
            Wire.add(Wire.add(Wire.add(descriptor, Wire.DSIG, "ds:KeyInfo"), Wire.DSIG, "ds:X509Data"), Wire.DSIG,
                    "ds:X509Certificate").setTextContent(Base64.getEncoder().encodeToString(
                            signingKey.certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        Wire.add(idp, Wire.METADATA, "md:NameIDFormat").setTextContent(
                "urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        for (String binding : List.of(Wire.POST, Wire.REDIRECT)) {
            Element sso = Wire.add(idp, Wire.METADATA, "md:SingleSignOnService");
            sso.setAttributeNS(null, "Binding", binding);
            sso.setAttributeNS(null, "Location", uri(SSO).toString());
        }
        return new String(Wire.serialize(document), StandardCharsets.UTF_8);
    }

    @Override
    protected Answer handle(MockRequest request) throws Exception {
        return answer(request, null);
    }

    @Override
    protected Answer systemError(String error, MockRequest request) throws Exception {
        return answer(request, Error.valueOf(error));
    }

    private Answer answer(MockRequest request, Error fault) throws Exception {
        String path = request.path();
        if (path.equals(METADATA) && request.method().equals("GET")) {
            return Answer.text(200, "application/samlmetadata+xml", metadata());
        }
        if (path.equals(SSO)) {
            return sso(request);
        }
        if (path.equals(LOGIN) && request.method().equals("POST")) {
            return login(form(request), fault);
        }
        if (path.equals(ERROR_PAGE)) {
            String code = request.queryParameter("idp.code").orElse("unknown");
            return Answer.text(400, "text/html; charset=utf-8", Pages.error(code)).header("X-Idp-Code", code);
        }
        return Answer.status(404);
    }

    private Answer sso(MockRequest request) {
        RequestInspector.Login login;
        try {
            if (request.method().equals("POST")) {
                login = RequestInspector.post(form(request), id -> Optional.ofNullable(providers.get(id)),
                        requireExtension);
            } else if (request.method().equals("GET")) {
                login = RequestInspector.redirect(request.query(), id -> Optional.ofNullable(providers.get(id)),
                        requireExtension);
            } else {
                return Answer.status(405).header("Allow", "GET, POST");
            }
        } catch (RequestInspector.Refused refused) {
            return Answer.status(303).header("Location", ERROR_PAGE + "?idp.code=" + refused.code());
        }
        String loginId = Wire.newId();
        logins.put(loginId, login);
        return Answer.text(200, "text/html; charset=utf-8", Pages.login(loginId, personas, login));
    }

    private Answer login(Map<String, String> form, Error fault) throws GeneralSecurityException {
        RequestInspector.Login login = logins.remove(form.getOrDefault("login", ""));
        if (login == null) {
            return Answer.text(400, "text/plain; charset=utf-8", "unknown or used login id");
        }
        byte[] response;
        if (form.containsKey("cancel") || fault == Error.CANCEL) {
            response = ResponseWriter.bytes(ResponseWriter.error(content(login, 0, fault),
                    "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed", "Der Vorgang wurde abgebrochen.", null,
                    algorithms.get().algorithms, signingKey.privateKey(), signingKey.certificate()), false);
        } else {
            Persona persona = persona(form.getOrDefault("persona", ""));
            response = respond(login, persona, fault);
        }
        return Answer.text(200, "text/html; charset=utf-8", Pages.autoPost(login.sp().acsUrl(),
                Base64.getEncoder().encodeToString(response), login.relayState()));
    }

    private Persona persona(String id) {
        return personas.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new ConfigurationException(SandboxError.IDP_PERSONA_UNKNOWN, id,
                        personas.stream().map(Persona::id).toList()));
    }

    private byte[] respond(RequestInspector.Login login, Persona persona, Error fault)
            throws GeneralSecurityException {
        if (fault == Error.REPLAY && lastSuccess.get() != null) {
            return lastSuccess.get();
        }
        List<String> missing = login.requiredAttributes().stream()
                .filter(name -> !attributes(persona, login.sp()).containsKey(name)).toList();
        if (fault == Error.REQUIRED_ATTRIBUTE_MISSING || !missing.isEmpty()) {
            List<String> names = missing.isEmpty() ? List.of("urn:oid:2.5.4.42") : missing;
            StringBuilder message = new StringBuilder();
            names.forEach(name -> message.append("Attribute ").append(name)
                    .append(" is required but not available in Nutzerkonto. "));
            String json = "{\"version\":\"1.0\",\"errors\":[{\"code\":\"IDP_REQUIRED_ATTRIBUTES_MISSING\","
                    + "\"message\":\"" + message.toString().strip() + "\"}]}";
            return ResponseWriter.bytes(ResponseWriter.error(content(login, persona.level(), fault),
                    "urn:oasis:names:tc:SAML:2.0:status:RequestDenied", "security-msg", json,
                    algorithms.get().algorithms, signingKey.privateKey(), signingKey.certificate()), false);
        }
        int level = fault == Error.LEVEL_DOWNGRADE ? 1 : persona.level();
        ResponseWriter.Content content = content(login, level, fault);
        content = new ResponseWriter.Content(content.idpEntityId(), content.audience(), content.recipient(),
                content.destination(), content.inResponseTo(), content.issueInstant(), level,
                attributeList(persona, login.sp(), level));
        Document document = ResponseWriter.success(content, shape(login, fault), algorithms(fault),
                signingKey.privateKey(), signingKey.certificate(), wrapping(fault));
        if (fault == Error.TAMPERED_UNSIGNED_RESPONSE) {
            document.getDocumentElement().setAttributeNS(null, "Destination", "https://attacker.example/acs");
        }
        byte[] bytes = ResponseWriter.bytes(document, fault == Error.DTD);
        if (fault == null) {
            lastSuccess.set(bytes);
        }
        return bytes;
    }

    private ResponseWriter.Content content(RequestInspector.Login login, int level, Error fault) {
        Instant now = clock().instant();
        if (fault == Error.EXPIRED_ASSERTION) {
            now = now.minus(Duration.ofMinutes(20));
        } else if (fault == Error.NOT_YET_VALID) {
            now = now.plus(Duration.ofMinutes(20));
        }
        String acs = login.sp().acsUrl();
        return new ResponseWriter.Content(fault == Error.WRONG_ISSUER ? "https://idp.attacker.example/idp" : entityId,
                fault == Error.WRONG_AUDIENCE ? "https://anderes-portal.example.de" : login.sp().entityId(),
                fault == Error.WRONG_RECIPIENT ? "https://anderes-portal.example.de/saml/acs" : acs,
                fault == Error.WRONG_DESTINATION ? "https://anderes-portal.example.de/saml/acs" : acs,
                fault == Error.WRONG_IN_RESPONSE_TO ? Wire.newId() : login.requestId(), now, level, List.of());
    }

    private ResponseWriter.Shape shape(RequestInspector.Login login, Error fault) {
        PrivateKeyCredential assertionKey = fault == Error.UNKNOWN_SIGNING_KEY ? stranger() : signingKey;
        boolean signAssertion = fault != Error.UNSIGNED_ASSERTION && fault != Error.UNSIGNED_BOTH;
        boolean signResponse = fault != Error.UNSIGNED_RESPONSE && fault != Error.UNSIGNED_BOTH
                && fault != Error.TAMPERED_UNSIGNED_RESPONSE && fault != Error.UNKNOWN_SIGNING_KEY;
        X509Certificate to = fault == Error.WRONG_ENCRYPTION_KEY ? stranger().certificate() : login.sp().encryption();
        return new ResponseWriter.Shape(signAssertion, signResponse, fault != Error.NOT_ENCRYPTED,
                assertionKey.privateKey(), assertionKey.certificate(), to);
    }

    private ResponseWriter.Algorithms algorithms(Error fault) {
        ResponseWriter.Algorithms chosen = algorithms.get().algorithms;
        if (fault == Error.SHA1_SIGNATURE) {
            return new ResponseWriter.Algorithms("http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                    "http://www.w3.org/2000/09/xmldsig#sha1", chosen.content(), chosen.keyTransport());
        }
        if (fault == Error.RSA15_KEY_TRANSPORT) {
            return new ResponseWriter.Algorithms(chosen.signature(), chosen.digest(), chosen.content(),
                    XMLCipher.RSA_v1dot5);
        }
        return chosen;
    }

    private static ResponseWriter.Wrapping wrapping(Error fault) {
        if (fault == null) {
            return ResponseWriter.Wrapping.NONE;
        }
        return switch (fault) {
            case XSW_WRAPPED_ASSERTION -> ResponseWriter.Wrapping.WRAPPED_ASSERTION;
            case XSW_MOVED_SIGNATURE -> ResponseWriter.Wrapping.MOVED_SIGNATURE;
            case XSW_DUPLICATE_ID -> ResponseWriter.Wrapping.DUPLICATE_ID;
            case TAMPERED_ASSERTION -> ResponseWriter.Wrapping.TAMPERED_VALUE;
            default -> ResponseWriter.Wrapping.NONE;
        };
    }

    private PrivateKeyCredential stranger() {
        return strangerKey.updateAndGet(key -> key != null ? key : SandboxPki.selfSignedRsa("stranger"));
    }

    /** The persona's attributes, then its organisation's, plus what BundID adds: bPK2, Postkorb-Handle, level, AssertionProvedBy. */
    private static Map<String, String[]> attributes(Persona persona, ServiceProvider sp) {
        Map<String, String[]> all = new LinkedHashMap<>();
        for (Persona.Attribute attribute : persona.attributes()) {
            all.put(attribute.name(), new String[] {attribute.friendlyName(), attribute.value(), attribute.trust()});
        }
        for (Persona.Attribute attribute : persona.organisation()) {
            all.put(attribute.name(), new String[] {attribute.friendlyName(), attribute.value(), attribute.trust()});
        }
        if (!persona.temporary()) {
            all.put("urn:oid:1.3.6.1.4.1.25484.494450.3", new String[] {"bPK2", bpk2(persona, sp), "NORMAL"});
            persona.postkorbHandle().ifPresent(handle ->
                    all.put("urn:oid:2.5.4.18", new String[] {"legacyPostkorbHandle", handle, "NORMAL"}));
        }
        all.put("urn:oid:1.3.6.1.4.1.25484.494450.2", new String[] {"AssertionProvedBy", persona.method(), "NORMAL"});
        return all;
    }

    private static List<Map.Entry<String, String[]>> attributeList(Persona persona, ServiceProvider sp, int level) {
        List<Map.Entry<String, String[]>> list = new ArrayList<>();
        attributes(persona, sp).forEach((name, value) -> list.add(new AbstractMap.SimpleEntry<>(name, value)));
        list.add(new AbstractMap.SimpleEntry<>("urn:oid:1.2.40.0.10.2.1.1.261.94",
                new String[] {"EID-CITIZEN-QAA-LEVEL", "STORK-QAA-Level-" + level, "NORMAL"}));
        return list;
    }

    /** bPK2 depends on the person and the host name of the SP's entityID, as BundID's does. */
    private static String bpk2(Persona persona, ServiceProvider sp) {
        try {
            String host = URI.create(sp.entityId()).getHost();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((persona.id() + "|" + host)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(MockRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.bodyText().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (request.path().equals(ADMIN_PREFIX + "personas") && request.method().equals("GET")) {
            StringBuilder json = new StringBuilder("[");
            for (Persona persona : personas) {
                json.append(json.length() > 1 ? "," : "").append("{\"id\":\"").append(persona.id())
                        .append("\",\"method\":\"").append(persona.method()).append("\",\"level\":")
                        .append(persona.level()).append(",\"temporary\":").append(persona.temporary()).append('}');
            }
            return Optional.of(Answer.json(200, json.append(']').toString()));
        }
        if (request.path().equals(ADMIN_PREFIX + "service-providers") && request.method().equals("POST")) {
            try {
                registerServiceProvider(request.bodyText());
                return Optional.of(Answer.status(204));
            } catch (ConfigurationException e) {
                return Optional.of(Answer.json(400, "{\"error\":\"" + e.code().code() + "\"}"));
            }
        }
        return Optional.empty();
    }

    /** Field names only: the form and SAML messages carry personal data. */
    @Override
    protected String summariseBody(MockRequest request) {
        return form(request).keySet() + " (values masked), " + summarise(request.body());
    }

    /** Builds a {@link ServicekontoIdpMock}. */
    public static final class Builder extends MockServer.Builder<Builder, ServicekontoIdpMock> {
        private String entityId = "https://id.sandbox.ozgsdk.de/idp";
        private PrivateKeyCredential signingKey;
        private Algorithms algorithms = Algorithms.PSS_GCM;
        private List<Persona> personas = Persona.shipped();
        private boolean requireExtension = true;
        private final List<String> serviceProviders = new ArrayList<>();

        private Builder() {
        }

        /** The IdP's entityID; default {@code https://id.sandbox.ozgsdk.de/idp}. */
        public Builder entityId(String entityId) {
            this.entityId = Objects.requireNonNull(entityId, "entityId");
            return this;
        }

        /** The signing key (RSA); default a fresh self-signed one per run. */
        public Builder signingKey(PrivateKeyCredential signingKey) {
            this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
            return this;
        }

        /** The algorithms of the answers; default {@link Algorithms#PSS_GCM}. */
        public Builder algorithms(Algorithms algorithms) {
            this.algorithms = Objects.requireNonNull(algorithms, "algorithms");
            return this;
        }

        /** The personas of the login page; default {@link Persona#shipped()}. */
        public Builder personas(List<Persona> personas) {
            if (personas.isEmpty()) {
                throw new ConfigurationException(SandboxError.IDP_PERSONAS_INVALID, "personas", "empty list");
            }
            this.personas = List.copyOf(personas);
            return this;
        }

        /** Registers a service provider by its metadata XML. */
        public Builder serviceProvider(String metadataXml) {
            serviceProviders.add(Objects.requireNonNull(metadataXml, "metadataXml"));
            return this;
        }

        /**
         * Accepts AuthnRequests without the AKDB extension (an interoperable Servicekonto); default: refused with
         * {@code akdb-extension-missing}, as BundID does.
         */
        public Builder withoutAkdbExtension() {
            this.requireExtension = false;
            return this;
        }

        @Override
        protected ServicekontoIdpMock build() {
            return new ServicekontoIdpMock(this);
        }
    }
}
