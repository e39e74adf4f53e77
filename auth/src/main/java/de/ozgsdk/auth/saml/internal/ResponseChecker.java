package de.ozgsdk.auth.saml.internal;

import de.ozgsdk.auth.AttributeTrust;
import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequest;
import de.ozgsdk.auth.PendingRequestStore;
import de.ozgsdk.auth.saml.AlgorithmPolicy;
import de.ozgsdk.auth.saml.SamlAssertion;
import de.ozgsdk.auth.saml.SamlProfile;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.core.xml.XmlError;
import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every check of a {@code samlp:Response} in the order that keeps unverified content from being used: decode, parse
 * (no DTD), unique IDs and exactly one assertion in its place (signature wrapping), the response signature, the
 * status, decryption, the assertion signature, then issuer, destination, validity window, audience, bearer
 * confirmation, replay and InResponseTo, and last the profile's level and attribute rules.
 */
public final class ResponseChecker {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseChecker.class);
    private static final Pattern DETAIL_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,100})\"");
    private static final Pattern URN = Pattern.compile("urn:oid:[0-9.]{1,100}");
    private static final String REQUIRED_ATTRIBUTES_MISSING = "IDP_REQUIRED_ATTRIBUTES_MISSING";
    private static final String RELAY_STATE = "relayState";

    private final Settings settings;

    /**
     * The fixed parts of the checks.
     *
     * @param spEntityId       this SP's entityID (Audience)
     * @param acsUrl           this SP's assertion consumer service URL (Destination, Recipient)
     * @param idpEntityId      the trusted IdP's entityID (Issuer)
     * @param idpKeys          the IdP's trusted signing keys
     * @param decryptionKeys   this SP's decryption keys, newest first
     * @param policy           accepted algorithms
     * @param profile          the Servicekonto profile
     * @param store            pending requests and used assertion ids
     * @param clock            the clock to judge validity windows by
     * @param skew             the allowed clock difference
     * @param unsolicitedLevel the level an unsolicited answer must reach, empty if unsolicited answers are refused
     * @param xml              the hardened parser
     * @param maxResponseBytes the largest decoded response accepted
     */
    public record Settings(String spEntityId, String acsUrl, String idpEntityId, List<PublicKey> idpKeys,
            List<PrivateKey> decryptionKeys, AlgorithmPolicy policy, SamlProfile profile, PendingRequestStore store,
            Clock clock, Duration skew, Optional<TrustLevel> unsolicitedLevel, SecureXml xml, int maxResponseBytes) {
    }

    public ResponseChecker(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Checks the base64 {@code SAMLResponse} of the HTTP-POST binding. */
    public LoginOutcome check(String samlResponse, Optional<String> relayState) {
        try {
            return checkDocument(parse(decode(samlResponse)), relayState);
        } catch (SecurityCheckException | InvalidInputException e) {
            LOG.warn("SAML answer refused: {}", e.getMessage());
            return new LoginOutcome.InvalidResponse(e);
        }
    }

    /** Checks a parsed response document (also used by the command-line check on a file). */
    public LoginOutcome checkDocument(Document document, Optional<String> relayState) {
        try {
            return checkResponse(document, relayState);
        } catch (SecurityCheckException | InvalidInputException e) {
            LOG.warn("SAML answer refused: {}", e.getMessage());
            return new LoginOutcome.InvalidResponse(e);
        }
    }

    byte[] decode(String samlResponse) {
        String compact = samlResponse.replaceAll("\\s", "");
        if ((long) compact.length() * 3 / 4 > settings.maxResponseBytes()) {
            throw new InvalidInputException(AuthError.CALLBACK_INVALID, "SAMLResponse",
                    "larger than " + settings.maxResponseBytes() + " bytes");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(AuthError.CALLBACK_INVALID, "SAMLResponse", "not valid base64");
        }
    }

    /** Parses with the hardened factories: a DTD is a refused attack, anything else unreadable is malformed. */
    public Document parse(byte[] xml) {
        try {
            return settings.xml().parse(new ByteArrayInputStream(xml), "SAMLResponse");
        } catch (InvalidInputException e) {
            if (e.code() == XmlError.DTD_NOT_ALLOWED) {
                throw new SecurityCheckException(AuthError.RESPONSE_DTD_REFUSED, e);
            }
            throw new InvalidInputException(AuthError.RESPONSE_MALFORMED, e, e.code().code());
        }
    }

    private LoginOutcome checkResponse(Document document, Optional<String> browserRelayState) {
        Element response = document.getDocumentElement();
        if (!Saml.is(response, Saml.PROTOCOL, "Response") || !"2.0".equals(response.getAttributeNS(null, "Version"))) {
            throw new InvalidInputException(AuthError.RESPONSE_MALFORMED, "the root element is not a SAML 2.0"
                    + " samlp:Response");
        }
        requireUniqueIds(document);
        List<Element> placed = assertionsInPlace(response);
        boolean responseSigned = verifySignature(response, "Response");
        requireIssuer(response, false);
        Element status = Saml.child(response, Saml.PROTOCOL, "Status").orElseThrow(() -> new InvalidInputException(
                AuthError.RESPONSE_MALFORMED, "samlp:Status is missing"));
        String topStatus = statusCode(status).orElse("");
        if (!Saml.STATUS_SUCCESS.equals(topStatus)) {
            return errorStatus(status, topStatus, browserRelayState);
        }
        if (placed.size() != 1) {
            throw new SecurityCheckException(AuthError.ASSERTION_COUNT_INVALID, placed.size());
        }
        Element assertion = openAssertion(placed.get(0));
        boolean assertionSigned = verifySignature(assertion, "Assertion");
        if (!responseSigned && !assertionSigned) {
            throw new SecurityCheckException(AuthError.SIGNATURE_MISSING);
        }
        if (settings.profile().requiresSignedAssertion() && !assertionSigned) {
            throw new SecurityCheckException(AuthError.ASSERTION_NOT_SIGNED);
        }
        return checkAssertion(response, assertion, responseSigned, assertionSigned);
    }

    private Element openAssertion(Element placed) {
        if (Saml.is(placed, Saml.ASSERTION, "Assertion")) {
            if (settings.profile().requiresEncryptedAssertion()) {
                throw new SecurityCheckException(AuthError.ASSERTION_NOT_ENCRYPTED);
            }
            return placed;
        }
        Element assertion = AssertionDecrypter.decrypt(placed, settings.decryptionKeys(), settings.policy(),
                settings.idpEntityId());
        // The plaintext may bring IDs and assertions of its own: the wrapping checks run again on the whole document.
        requireUniqueIds(placed.getOwnerDocument());
        int total = placed.getOwnerDocument().getElementsByTagNameNS(Saml.ASSERTION, "Assertion").getLength();
        if (total != 1) {
            throw new SecurityCheckException(AuthError.ASSERTION_COUNT_INVALID, total);
        }
        return assertion;
    }

    private LoginOutcome checkAssertion(Element response, Element assertion, boolean responseSigned,
            boolean assertionSigned) {
        Instant now = settings.clock().instant();
        requireIssuer(assertion, true);
        checkDestination(response, responseSigned);
        Instant conditionsEnd = checkConditions(assertion, now);
        Element subject = Saml.child(assertion, Saml.ASSERTION, "Subject").orElseThrow(() ->
                new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE, "saml:Subject"));
        Element confirmation = bearerConfirmation(subject, now);
        String requestId = inResponseTo(response, confirmation, responseSigned, assertionSigned);
        Instant confirmationEnd = Saml.child(confirmation, Saml.ASSERTION, "SubjectConfirmationData")
                .flatMap(data -> Saml.attribute(data, "NotOnOrAfter")).flatMap(Saml::instant).orElseThrow();
        Instant keepUntil = (conditionsEnd.isAfter(confirmationEnd) ? conditionsEnd : confirmationEnd)
                .plus(settings.skew());
        String assertionId = assertion.getAttributeNS(null, "ID");
        if (!settings.store().markUsed(settings.idpEntityId() + "#" + assertionId, keepUntil)) {
            throw new SecurityCheckException(AuthError.RESPONSE_REPLAYED, assertionId);
        }
        TrustLevel required;
        Optional<String> relayState;
        if (requestId == null) {
            required = settings.unsolicitedLevel().orElseThrow(() ->
                    new SecurityCheckException(AuthError.UNSOLICITED_RESPONSE));
            relayState = Optional.empty();
        } else {
            PendingRequest pending = settings.store().take(requestId, now)
                    .filter(request -> request.providerId().equals(settings.spEntityId()))
                    .orElseThrow(() -> new SecurityCheckException(AuthError.IN_RESPONSE_TO_UNKNOWN, requestId));
            required = pending.requiredLevel();
            // the relay state stored with the request, not the one the browser brought back
            relayState = Optional.ofNullable(pending.data().get(RELAY_STATE));
        }
        SamlAssertion content = content(assertion, subject);
        TrustLevel level = settings.profile().loginLevel(content).orElseThrow(() -> new SecurityCheckException(
                AuthError.ASSERTION_INCOMPLETE, "a known AuthnContextClassRef"));
        if (!level.isAtLeast(required)) {
            LOG.info("SAML login {} reached {} where {} is required", requestId, level, required);
            return new LoginOutcome.LevelTooLow(required, level, relayState);
        }
        List<String> missing = settings.profile().missingAttributes(content);
        if (!missing.isEmpty()) {
            LOG.info("SAML login {} lacks required attributes {}", requestId, missing);
            return new LoginOutcome.AttributesMissing(missing, relayState);
        }
        LOG.info("SAML login {} accepted at {}", requestId, level);
        return new LoginOutcome.Authenticated(settings.profile().citizen(content, level), relayState);
    }

    /** The name of the relay state entry in {@link PendingRequest#data()}. */
    public static String relayStateKey() {
        return RELAY_STATE;
    }

    // ---- signature wrapping ---------------------------------------------------------------------------------------

    private static void requireUniqueIds(Document document) {
        Set<String> seen = new HashSet<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
                if (("ID".equals(name) || "Id".equals(name) || "id".equals(name))
                        && !seen.add(attribute.getNodeValue())) {
                    throw new SecurityCheckException(AuthError.DUPLICATE_ID, attribute.getNodeValue());
                }
            }
        }
    }

    /** The assertions that are direct children of the response; any other assertion in the document is wrapping. */
    private static List<Element> assertionsInPlace(Element response) {
        List<Element> placed = new ArrayList<>(Saml.children(response, Saml.ASSERTION, "Assertion"));
        placed.addAll(Saml.children(response, Saml.ASSERTION, "EncryptedAssertion"));
        Document document = response.getOwnerDocument();
        int total = document.getElementsByTagNameNS(Saml.ASSERTION, "Assertion").getLength()
                + document.getElementsByTagNameNS(Saml.ASSERTION, "EncryptedAssertion").getLength();
        if (total != placed.size()) {
            throw new SecurityCheckException(AuthError.ASSERTION_COUNT_INVALID, total);
        }
        return placed;
    }

    private boolean verifySignature(Element element, String what) {
        Optional<Element> signature = XmlSignatures.signatureOf(element, what);
        if (signature.isEmpty()) {
            return false;
        }
        String algorithm = XmlSignatures.verify(element, signature.get(), what, settings.idpKeys(),
                settings.policy());
        if (settings.policy().isLegacy(algorithm)) {
            LOG.warn("[{}] legacy signature algorithm {} accepted from {} (legacy opt-in)",
                    AuthError.LEGACY_ALGORITHM_ACCEPTED.code(), algorithm, settings.idpEntityId());
        }
        return true;
    }

    // ---- status ---------------------------------------------------------------------------------------------------

    private static Optional<String> statusCode(Element status) {
        return Saml.child(status, Saml.PROTOCOL, "StatusCode").map(code -> code.getAttributeNS(null, "Value"));
    }

    private LoginOutcome errorStatus(Element status, String topStatus, Optional<String> relayState) {
        String second = Saml.child(status, Saml.PROTOCOL, "StatusCode")
                .flatMap(top -> Saml.child(top, Saml.PROTOCOL, "StatusCode"))
                .map(code -> code.getAttributeNS(null, "Value")).orElse("");
        String detail = Saml.child(status, Saml.PROTOCOL, "StatusDetail")
                .flatMap(d -> Saml.child(d, Saml.AKDB, "StatusDetail"))
                .map(Element::getTextContent).orElse("");
        List<String> codes = new ArrayList<>();
        Matcher code = DETAIL_CODE.matcher(detail);
        while (code.find()) {
            codes.add(code.group(1));
        }
        // An error answer grants nothing, so it is reported even when unsigned; the relay state came through the
        // browser and is returned as such.
        if (codes.contains(REQUIRED_ATTRIBUTES_MISSING)) {
            List<String> names = new ArrayList<>();
            Matcher urn = URN.matcher(detail);
            while (urn.find()) {
                if (!names.contains(urn.group())) {
                    names.add(urn.group());
                }
            }
            return new LoginOutcome.AttributesMissing(names, relayState);
        }
        if (Saml.STATUS_AUTHN_FAILED.equals(second) || codes.stream().anyMatch(c -> c.contains("CANCEL"))) {
            return new LoginOutcome.Cancelled(relayState);
        }
        return new LoginOutcome.InvalidResponse(new ProcessingException(AuthError.IDP_ERROR_STATUS,
                shortStatus(topStatus) + (second.isEmpty() ? "" : "/" + shortStatus(second)),
                codes.isEmpty() ? "-" : String.join(", ", codes)));
    }

    private static String shortStatus(String uri) {
        return uri.substring(uri.lastIndexOf(':') + 1);
    }

    // ---- protocol checks ------------------------------------------------------------------------------------------

    private void requireIssuer(Element element, boolean required) {
        Optional<Element> issuer = Saml.child(element, Saml.ASSERTION, "Issuer");
        if (issuer.isEmpty()) {
            if (required) {
                throw new SecurityCheckException(AuthError.ISSUER_MISMATCH, "(none)", settings.idpEntityId());
            }
            return;
        }
        String format = issuer.get().getAttributeNS(null, "Format");
        String value = issuer.get().getTextContent().strip();
        if (!format.isEmpty() && !Saml.NAMEID_ENTITY.equals(format) || !settings.idpEntityId().equals(value)) {
            throw new SecurityCheckException(AuthError.ISSUER_MISMATCH, value, settings.idpEntityId());
        }
    }

    private void checkDestination(Element response, boolean responseSigned) {
        Optional<String> destination = Saml.attribute(response, "Destination");
        // SAML core 3.2.2: a signed response must name its destination.
        if (destination.isEmpty() && responseSigned || destination.isPresent()
                && !destination.get().equals(settings.acsUrl())) {
            throw new SecurityCheckException(AuthError.DESTINATION_MISMATCH, destination.orElse("(none)"),
                    settings.acsUrl());
        }
    }

    private Instant checkConditions(Element assertion, Instant now) {
        Element conditions = Saml.child(assertion, Saml.ASSERTION, "Conditions").orElseThrow(() ->
                new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE, "saml:Conditions"));
        Optional<Instant> notBefore = Saml.attribute(conditions, "NotBefore").map(ResponseChecker::time);
        Instant notOnOrAfter = Saml.attribute(conditions, "NotOnOrAfter").map(ResponseChecker::time).orElseThrow(() ->
                new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE, "Conditions/@NotOnOrAfter"));
        if (notBefore.isPresent() && now.plus(settings.skew()).isBefore(notBefore.get())) {
            throw new SecurityCheckException(AuthError.ASSERTION_NOT_YET_VALID, notBefore.get(), now);
        }
        if (!now.minus(settings.skew()).isBefore(notOnOrAfter)) {
            throw new SecurityCheckException(AuthError.ASSERTION_EXPIRED, notOnOrAfter, now);
        }
        List<Element> restrictions = Saml.children(conditions, Saml.ASSERTION, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SecurityCheckException(AuthError.AUDIENCE_MISMATCH, "(no AudienceRestriction)",
                    settings.spEntityId());
        }
        for (Element restriction : restrictions) {
            List<String> audiences = Saml.children(restriction, Saml.ASSERTION, "Audience").stream()
                    .map(audience -> audience.getTextContent().strip()).toList();
            if (!audiences.contains(settings.spEntityId())) {
                throw new SecurityCheckException(AuthError.AUDIENCE_MISMATCH, audiences, settings.spEntityId());
            }
        }
        return notOnOrAfter;
    }

    private Element bearerConfirmation(Element subject, Instant now) {
        if (Saml.child(subject, Saml.ASSERTION, "NameID").isEmpty()) {
            throw new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE, "Subject/NameID");
        }
        SecurityCheckException first = null;
        for (Element confirmation : Saml.children(subject, Saml.ASSERTION, "SubjectConfirmation")) {
            if (!Saml.BEARER.equals(confirmation.getAttributeNS(null, "Method"))) {
                continue;
            }
            try {
                return checkBearer(confirmation, now);
            } catch (SecurityCheckException e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first
                : new SecurityCheckException(AuthError.SUBJECT_CONFIRMATION_INVALID, "no bearer SubjectConfirmation");
    }

    private SecurityCheckException confirmationInvalid(String what) {
        return new SecurityCheckException(AuthError.SUBJECT_CONFIRMATION_INVALID, what);
    }

    private Element checkBearer(Element confirmation, Instant now) {
        Element data = Saml.child(confirmation, Saml.ASSERTION, "SubjectConfirmationData")
                .orElseThrow(() -> confirmationInvalid("no SubjectConfirmationData"));
        String recipient = data.getAttributeNS(null, "Recipient");
        if (!settings.acsUrl().equals(recipient)) {
            throw new SecurityCheckException(AuthError.RECIPIENT_MISMATCH, recipient.isEmpty() ? "(none)" : recipient,
                    settings.acsUrl());
        }
        if (data.hasAttributeNS(null, "NotBefore")) {
            throw confirmationInvalid("a bearer confirmation must not carry NotBefore");
        }
        Instant notOnOrAfter = Saml.attribute(data, "NotOnOrAfter").map(ResponseChecker::time)
                .orElseThrow(() -> confirmationInvalid("SubjectConfirmationData/@NotOnOrAfter is missing"));
        if (!now.minus(settings.skew()).isBefore(notOnOrAfter)) {
            throw new SecurityCheckException(AuthError.ASSERTION_EXPIRED, notOnOrAfter, now);
        }
        return confirmation;
    }

    /** The request the answer belongs to, from signed content only; null for an unsolicited answer. */
    private static String inResponseTo(Element response, Element confirmation, boolean responseSigned,
            boolean assertionSigned) {
        Element data = Saml.child(confirmation, Saml.ASSERTION, "SubjectConfirmationData").orElseThrow();
        Optional<String> ofResponse = Saml.attribute(response, "InResponseTo").filter(v -> !v.isEmpty());
        Optional<String> ofAssertion = Saml.attribute(data, "InResponseTo").filter(v -> !v.isEmpty());
        if (ofResponse.isPresent() && ofAssertion.isPresent() && !ofResponse.equals(ofAssertion)) {
            throw new SecurityCheckException(AuthError.IN_RESPONSE_TO_MISMATCH, ofResponse.get(), ofAssertion.get());
        }
        if (ofAssertion.isPresent()) {
            return ofAssertion.get();
        }
        if (ofResponse.isPresent() && responseSigned) {
            return ofResponse.get();
        }
        if (ofResponse.isPresent() && assertionSigned) {
            // the unsigned response names a request the signed assertion does not confirm
            throw new SecurityCheckException(AuthError.IN_RESPONSE_TO_MISMATCH, ofResponse.get(), "(none)");
        }
        return null;
    }

    private static Instant time(String text) {
        return Saml.instant(text).orElseThrow(() -> new InvalidInputException(AuthError.RESPONSE_MALFORMED,
                "not an xs:dateTime: " + text.substring(0, Math.min(text.length(), 40))));
    }

    // ---- content --------------------------------------------------------------------------------------------------

    private SamlAssertion content(Element assertion, Element subject) {
        Element nameId = Saml.child(subject, Saml.ASSERTION, "NameID").orElseThrow();
        Element statement = Saml.child(assertion, Saml.ASSERTION, "AuthnStatement").orElseThrow(() ->
                new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE, "saml:AuthnStatement"));
        Instant authnInstant = Saml.attribute(statement, "AuthnInstant").map(ResponseChecker::time).orElseThrow(() ->
                new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE, "AuthnStatement/@AuthnInstant"));
        String classRef = Saml.child(statement, Saml.ASSERTION, "AuthnContext")
                .flatMap(context -> Saml.childText(context, Saml.ASSERTION, "AuthnContextClassRef"))
                .orElseThrow(() -> new SecurityCheckException(AuthError.ASSERTION_INCOMPLETE,
                        "AuthnContext/AuthnContextClassRef"));
        String issuer = Saml.childText(assertion, Saml.ASSERTION, "Issuer").orElseThrow();
        return new SamlAssertion(issuer, nameId.getTextContent().strip(), nameId.getAttributeNS(null, "Format"),
                authnInstant, classRef, attributes(assertion));
    }

    /** The attributes of all AttributeStatements by Name; values of a repeated Name are joined in order. */
    public static Map<String, AttributeValue> attributes(Element assertion) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Optional<AttributeTrust>> trust = new LinkedHashMap<>();
        for (Element statement : Saml.children(assertion, Saml.ASSERTION, "AttributeStatement")) {
            for (Element attribute : Saml.children(statement, Saml.ASSERTION, "Attribute")) {
                String name = attribute.getAttributeNS(null, "Name");
                List<String> texts = Saml.children(attribute, Saml.ASSERTION, "AttributeValue").stream()
                        .map(value -> value.getTextContent().strip()).toList();
                if (name.isEmpty() || texts.isEmpty()) {
                    continue;
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).addAll(texts);
                String level = attribute.getAttributeNS(Saml.AKDB, "TrustLevel");
                trust.merge(name, level.isEmpty() ? Optional.empty() : AttributeTrust.parse(level),
                        (old, added) -> old.isPresent() ? old : added);
            }
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        values.forEach((name, texts) -> result.put(name, new AttributeValue(name, texts, trust.get(name))));
        return result;
    }
}
