package de.ozgsdk.sandbox.idp.internal;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.sandbox.SandboxError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A service provider the IdP mock knows from its metadata: entityID, the certificates that sign its requests and
 * encrypt the assertions for it, and its HTTP-POST assertion consumer service.
 *
 * @param entityId    the SP's entityID
 * @param acsUrl      its HTTP-POST assertion consumer service
 * @param signing     the certificate its AuthnRequests are signed with
 * @param encryption  the certificate assertions are encrypted to
 */
public record ServiceProvider(String entityId, String acsUrl, X509Certificate signing, X509Certificate encryption) {

    /** Reads SP metadata ({@code md:EntityDescriptor} with an {@code md:SPSSODescriptor}). */
    public static ServiceProvider fromMetadata(String metadataXml) {
        Document document;
        try {
            document = SecureXml.defaults().parse(
                    new ByteArrayInputStream(metadataXml.getBytes(StandardCharsets.UTF_8)), "sp-metadata");
        } catch (InvalidInputException e) {
            throw invalid("not well-formed XML (" + e.code().code() + ")");
        }
        Element root = document.getDocumentElement();
        if (!Wire.METADATA.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            throw invalid("the root is not md:EntityDescriptor");
        }
        Element sp = Wire.child(root, Wire.METADATA, "SPSSODescriptor")
                .orElseThrow(() -> invalid("no SPSSODescriptor"));
        X509Certificate signing = certificate(sp, "signing").orElseThrow(() -> invalid("no signing certificate"));
        X509Certificate encryption = certificate(sp, "encryption").orElse(signing);
        String acs = Wire.children(sp, Wire.METADATA, "AssertionConsumerService").stream()
                .filter(service -> Wire.POST.equals(service.getAttributeNS(null, "Binding")))
                .map(service -> service.getAttributeNS(null, "Location")).findFirst()
                .orElseThrow(() -> invalid("no HTTP-POST AssertionConsumerService"));
        String entityId = root.getAttributeNS(null, "entityID");
        if (entityId.isBlank()) {
            throw invalid("entityID is missing");
        }
        return new ServiceProvider(entityId, acs, signing, encryption);
    }

    private static Optional<X509Certificate> certificate(Element sp, String use) {
        for (Element descriptor : Wire.children(sp, Wire.METADATA, "KeyDescriptor")) {
            String declared = descriptor.getAttributeNS(null, "use");
            if (!declared.isEmpty() && !declared.equals(use)) {
                continue;
            }
            Optional<String> base64 = Wire.child(descriptor, Wire.DSIG, "KeyInfo")
                    .flatMap(info -> Wire.child(info, Wire.DSIG, "X509Data"))
                    .flatMap(data -> Wire.child(data, Wire.DSIG, "X509Certificate"))
                    .map(Element::getTextContent);
            if (base64.isPresent()) {
                try {
                    return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                            new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.get().strip()))));
                } catch (CertificateException | IllegalArgumentException e) {
                    throw invalid("a " + use + " certificate cannot be read");
                }
            }
        }
        return Optional.empty();
    }

    private static ConfigurationException invalid(String problem) {
        return new ConfigurationException(SandboxError.IDP_SERVICE_PROVIDER_INVALID, problem);
    }
}
