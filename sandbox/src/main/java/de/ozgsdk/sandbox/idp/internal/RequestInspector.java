package de.ozgsdk.sandbox.idp.internal;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks an AuthnRequest the way BundID does before showing its login page, and refuses with BundID's error page
 * codes ({@code idp.code}): {@code saml-request-not-signed}, {@code akdb-extension-missing},
 * {@code akdb-extension-v1-deprecated}, {@code empty-authentication-methods}, {@code requested-attributes-empty},
 * {@code requested-attributes-missing-name}, {@code organization-display-name-missing}; and with the mock's own
 * {@code request-malformed}, {@code unknown-service-provider}, {@code saml-request-signature-invalid},
 * {@code acs-url-mismatch} where BundID's description names no code.
 */
public final class RequestInspector {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private RequestInspector() {
    }

    /** A request that passed: what the login and the answer need. */
    public record Login(String requestId, ServiceProvider sp, Optional<String> relayState, int requestedLevel,
            List<String> requiredAttributes, Set<String> enabledMethods, String language) {
    }

    /** A refused request with its error page code. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code) {
            super(code, null, false, false);
            this.code = code;
        }

        /** BundID's {@code idp.code}. */
        public String code() {
            return code;
        }
    }

    /** Checks the form fields of the HTTP-POST binding. */
    public static Login post(Map<String, String> form, Function<String, Optional<ServiceProvider>> providers,
            boolean requireExtension) throws Refused {
        String encoded = Optional.ofNullable(form.get("SAMLRequest")).orElseThrow(() -> new Refused(
                "request-malformed"));
        Document request = parse(base64(encoded));
        Element root = request.getDocumentElement();
        ServiceProvider sp = provider(root, providers);
        Element signature = Wire.child(root, Wire.DSIG, "Signature").orElseThrow(() ->
                new Refused("saml-request-not-signed"));
        verifyEnveloped(root, signature, sp);
        return inspect(root, sp, Optional.ofNullable(form.get("RelayState")), requireExtension);
    }

    /** Checks the query of the HTTP-Redirect binding (raw, as it arrived: the signature covers its octets). */
    public static Login redirect(String rawQuery, Function<String, Optional<ServiceProvider>> providers,
            boolean requireExtension) throws Refused {
        String samlRequest = null;
        String relayState = null;
        String sigAlg = null;
        String signature = null;
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            switch (name) {
                case "SAMLRequest" -> samlRequest = value;
                case "RelayState" -> relayState = value;
                case "SigAlg" -> sigAlg = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (samlRequest == null) {
            throw new Refused("request-malformed");
        }
        Document request = parse(inflate(base64(decode(samlRequest))));
        Element root = request.getDocumentElement();
        ServiceProvider sp = provider(root, providers);
        if (sigAlg == null || signature == null) {
            throw new Refused("saml-request-not-signed");
        }
        String signed = "SAMLRequest=" + samlRequest + (relayState == null ? "" : "&RelayState=" + relayState)
                + "&SigAlg=" + sigAlg;
        if (!RSA_SHA256.equals(decode(sigAlg)) || !verifyQuery(signed, base64(decode(signature)), sp)) {
            throw new Refused("saml-request-signature-invalid");
        }
        return inspect(root, sp, Optional.ofNullable(relayState).map(RequestInspector::decode), requireExtension);
    }

    private static ServiceProvider provider(Element root, Function<String, Optional<ServiceProvider>> providers)
            throws Refused {
        if (!Wire.PROTOCOL.equals(root.getNamespaceURI()) || !"AuthnRequest".equals(root.getLocalName())) {
            throw new Refused("request-malformed");
        }
        String issuer = Wire.child(root, Wire.ASSERTION, "Issuer").map(e -> e.getTextContent().strip()).orElse("");
        return providers.apply(issuer).orElseThrow(() -> new Refused("unknown-service-provider"));
    }

    private static void verifyEnveloped(Element root, Element signatureElement, ServiceProvider sp)
            throws Refused {
        root.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(signatureElement, "", true);
            if (signature.getSignedInfo().getLength() != 1
                    || !("#" + root.getAttributeNS(null, "ID")).equals(signature.getSignedInfo().item(0).getURI())
                    || !signature.checkSignatureValue(sp.signing().getPublicKey())) {
                throw new Refused("saml-request-signature-invalid");
            }
        } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new Refused("saml-request-signature-invalid");
        }
    }

    private static boolean verifyQuery(String signed, byte[] signature, ServiceProvider sp) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(sp.signing().getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Login inspect(Element root, ServiceProvider sp, Optional<String> relayState,
            boolean requireExtension) throws Refused {
        String acs = root.getAttributeNS(null, "AssertionConsumerServiceURL");
        if (!acs.isEmpty() && !acs.equals(sp.acsUrl())) {
            throw new Refused("acs-url-mismatch");
        }
        int level = Wire.child(root, Wire.PROTOCOL, "RequestedAuthnContext")
                .flatMap(context -> Wire.child(context, Wire.ASSERTION, "AuthnContextClassRef"))
                .map(ref -> storkLevel(ref.getTextContent().strip())).orElse(1);
        Optional<Element> extension = Wire.child(root, Wire.PROTOCOL, "Extensions")
                .flatMap(extensions -> Wire.child(extensions, Wire.AKDB, "AuthenticationRequest"));
        if (extension.isEmpty()) {
            if (requireExtension) {
                throw new Refused("akdb-extension-missing");
            }
            return new Login(root.getAttributeNS(null, "ID"), sp, relayState, level, List.of(), Set.of(), "de");
        }
        if ("1".equals(extension.get().getAttributeNS(null, "Version"))) {
            throw new Refused("akdb-extension-v1-deprecated");
        }
        Set<String> methods = enabledMethods(extension.get());
        List<String> required = requiredAttributes(extension.get());
        Element version = Wire.child(extension.get(), Wire.AKDB, "DisplayInformation")
                .flatMap(display -> Wire.child(display, Wire.CLASSIC_UI, "Version"))
                .orElseThrow(() -> new Refused("organization-display-name-missing"));
        if (Wire.child(version, Wire.CLASSIC_UI, "OrganizationDisplayName").map(e -> e.getTextContent().strip())
                .filter(name -> !name.isEmpty()).isEmpty()) {
            throw new Refused("organization-display-name-missing");
        }
        String language = Wire.child(version, Wire.CLASSIC_UI, "Lang").map(e -> e.getTextContent().strip())
                .orElse("de");
        return new Login(root.getAttributeNS(null, "ID"), sp, relayState, level, required, methods, language);
    }

    private static Set<String> enabledMethods(Element extension) throws Refused {
        Set<String> methods = new LinkedHashSet<>();
        Optional<Element> list = Wire.child(extension, Wire.AKDB, "AuthnMethods");
        if (list.isPresent()) {
            for (org.w3c.dom.Node node = list.get().getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element method && Wire.child(method, Wire.AKDB, "Enabled")
                        .map(e -> e.getTextContent().strip()).filter("true"::equals).isPresent()) {
                    methods.add(method.getLocalName());
                }
            }
        }
        if (methods.isEmpty()) {
            throw new Refused("empty-authentication-methods");
        }
        return methods;
    }

    private static List<String> requiredAttributes(Element extension) throws Refused {
        List<Element> requested = Wire.child(extension, Wire.AKDB, "RequestedAttributes")
                .map(list -> Wire.children(list, Wire.AKDB, "RequestedAttribute")).orElse(List.of());
        if (requested.isEmpty()) {
            throw new Refused("requested-attributes-empty");
        }
        List<String> required = new ArrayList<>();
        for (Element attribute : requested) {
            String name = attribute.getAttributeNS(null, "Name").strip();
            if (name.isEmpty()) {
                throw new Refused("requested-attributes-missing-name");
            }
            if ("true".equals(attribute.getAttributeNS(null, "RequiredAttribute"))) {
                required.add(name);
            }
        }
        return required;
    }

    private static int storkLevel(String classRef) {
        String prefix = "STORK-QAA-Level-";
        if (classRef.startsWith(prefix) && classRef.length() == prefix.length() + 1) {
            int level = classRef.charAt(prefix.length()) - '0';
            return level >= 1 && level <= 4 ? level : 1;
        }
        return switch (classRef) {
            case "http://eidas.europa.eu/LoA/high" -> 4;
            case "http://eidas.europa.eu/LoA/substantial" -> 3;
            default -> 1;
        };
    }

    private static Document parse(byte[] xml) throws Refused {
        try {
            return SecureXml.defaults().parse(new ByteArrayInputStream(xml), "AuthnRequest");
        } catch (RuntimeException e) {
            throw new Refused("request-malformed");
        }
    }

    private static byte[] base64(String text) throws Refused {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Refused("request-malformed");
        }
    }

    private static byte[] inflate(byte[] deflated) throws Refused {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Refused("request-malformed");
                }
                out.write(buffer, 0, n);
                if (out.size() > 1_000_000) {
                    throw new Refused("request-malformed");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Refused("request-malformed");
        } finally {
            inflater.end();
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
