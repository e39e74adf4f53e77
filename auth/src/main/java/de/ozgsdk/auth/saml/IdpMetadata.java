package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.auth.saml.internal.XmlSignatures;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the service provider trusts of one identity provider, read from its SAML metadata
 * ({@code md:EntityDescriptor} with an {@code md:IDPSSODescriptor}): the entityID, the single sign-on endpoints for
 * HTTP-POST and HTTP-Redirect, and the signing certificates, whose keys are pinned (trusted by key, not by the
 * certificate's validity dates, as Shibboleth does; {@link SamlServiceProvider#checkConfiguration()} warns about
 * expiry).
 *
 * <pre>{@code
 * IdpMetadata bundId;
 * try (InputStream in = Files.newInputStream(configDir.resolve("bundid-idp-metadata.xml"))) {
 *     bundId = IdpMetadata.parse(in, "bundid-idp-metadata.xml");
 * }
 * }</pre>
 */
public final class IdpMetadata {

    private final String entityId;
    private final Optional<URI> ssoPost;
    private final Optional<URI> ssoRedirect;
    private final List<X509Certificate> signingCertificates;
    private final Optional<Instant> validUntil;
    private final boolean signatureVerified;

    private IdpMetadata(String entityId, Optional<URI> ssoPost, Optional<URI> ssoRedirect,
            List<X509Certificate> signingCertificates, Optional<Instant> validUntil, boolean signatureVerified) {
        this.entityId = entityId;
        this.ssoPost = ssoPost;
        this.ssoRedirect = ssoRedirect;
        this.signingCertificates = List.copyOf(signingCertificates);
        this.validUntil = validUntil;
        this.signatureVerified = signatureVerified;
    }

    /**
     * An IdP configured by hand (no metadata file): entityID, HTTP-POST SSO endpoint and signing certificates.
     */
    public static IdpMetadata of(String entityId, URI ssoPost, List<X509Certificate> signingCertificates) {
        if (Objects.requireNonNull(signingCertificates, "signingCertificates").isEmpty()) {
            throw new ConfigurationException(AuthError.IDP_METADATA_INVALID, entityId, "no signing certificate");
        }
        return new IdpMetadata(Objects.requireNonNull(entityId, "entityId"),
                Optional.of(Objects.requireNonNull(ssoPost, "ssoPost")), Optional.empty(), signingCertificates,
                Optional.empty(), false);
    }

    /**
     * Reads IdP metadata the operator placed in the configuration (trusted as a file). A signature in it is not
     * checked; use {@link #parse(InputStream, String, TrustedCertificates)} for metadata fetched from elsewhere.
     *
     * @throws ConfigurationException {@link AuthError#IDP_METADATA_INVALID} if it lacks what the SP needs
     */
    public static IdpMetadata parse(InputStream in, String source) {
        return read(in, source, null);
    }

    /**
     * Reads IdP metadata whose signature must verify with one of {@code metadataSigners} (e.g. a federation's
     * metadata signing certificate).
     *
     * @throws ConfigurationException {@link AuthError#IDP_METADATA_SIGNATURE_INVALID} if it is unsigned or the
     *                                signature does not verify
     */
    public static IdpMetadata parse(InputStream in, String source, TrustedCertificates metadataSigners) {
        return read(in, source, Objects.requireNonNull(metadataSigners, "metadataSigners"));
    }

    private static IdpMetadata read(InputStream in, String source, TrustedCertificates signers) {
        Document document;
        try {
            document = SecureXml.defaults().parse(in, source);
        } catch (InvalidInputException e) {
            throw new ConfigurationException(AuthError.IDP_METADATA_INVALID, e, source, e.code().code());
        }
        Element root = document.getDocumentElement();
        if (!Saml.is(root, Saml.METADATA, "EntityDescriptor")) {
            throw invalid(source, "the root element is not md:EntityDescriptor (aggregates are not read)");
        }
        boolean verified = false;
        if (signers != null) {
            verified = verifySignature(root, source, signers);
        }
        String entityId = root.getAttributeNS(null, "entityID");
        if (entityId.isBlank()) {
            throw invalid(source, "entityID is missing");
        }
        Element idp = Saml.child(root, Saml.METADATA, "IDPSSODescriptor")
                .orElseThrow(() -> invalid(source, "no single md:IDPSSODescriptor"));
        Optional<URI> post = endpoint(idp, Saml.BINDING_POST, source);
        Optional<URI> redirect = endpoint(idp, Saml.BINDING_REDIRECT, source);
        if (post.isEmpty() && redirect.isEmpty()) {
            throw invalid(source, "no SingleSignOnService for HTTP-POST or HTTP-Redirect");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element descriptor : Saml.children(idp, Saml.METADATA, "KeyDescriptor")) {
            String use = descriptor.getAttributeNS(null, "use");
            if (use.isEmpty() || "signing".equals(use)) {
                certificates.addAll(certificates(descriptor, source));
            }
        }
        if (certificates.isEmpty()) {
            throw invalid(source, "no signing certificate in a KeyDescriptor");
        }
        Optional<Instant> validUntil = Saml.attribute(root, "validUntil").map(text -> Saml.instant(text)
                .orElseThrow(() -> invalid(source, "validUntil is not an xs:dateTime")));
        return new IdpMetadata(entityId, post, redirect, certificates, validUntil, verified);
    }

    private static boolean verifySignature(Element root, String source, TrustedCertificates signers) {
        try {
            Element signature = XmlSignatures.signatureOf(root, "metadata")
                    .orElseThrow(() -> new ConfigurationException(AuthError.IDP_METADATA_SIGNATURE_INVALID, source));
            List<PublicKey> keys = signers.certificates().stream().map(X509Certificate::getPublicKey).toList();
            XmlSignatures.verify(root, signature, "metadata", keys, AlgorithmPolicy.defaults());
            return true;
        } catch (SecurityCheckException e) {
            throw new ConfigurationException(AuthError.IDP_METADATA_SIGNATURE_INVALID, e, source);
        }
    }

    private static Optional<URI> endpoint(Element idp, String binding, String source) {
        for (Element service : Saml.children(idp, Saml.METADATA, "SingleSignOnService")) {
            if (binding.equals(service.getAttributeNS(null, "Binding"))) {
                try {
                    return Optional.of(URI.create(service.getAttributeNS(null, "Location").strip()));
                } catch (IllegalArgumentException e) {
                    throw invalid(source, "SingleSignOnService Location is not a URL");
                }
            }
        }
        return Optional.empty();
    }

    private static List<X509Certificate> certificates(Element descriptor, String source) {
        List<X509Certificate> found = new ArrayList<>();
        Optional<Element> keyInfo = Saml.child(descriptor, Saml.DSIG, "KeyInfo");
        for (Element data : keyInfo.map(k -> Saml.children(k, Saml.DSIG, "X509Data")).orElse(List.of())) {
            for (Element certificate : Saml.children(data, Saml.DSIG, "X509Certificate")) {
                found.add(certificate(certificate.getTextContent(), source));
            }
        }
        return found;
    }

    static X509Certificate certificate(String base64, String source) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new ConfigurationException(AuthError.IDP_METADATA_INVALID, e, source,
                    "an X509Certificate cannot be read");
        }
    }

    private static ConfigurationException invalid(String source, String problem) {
        return new ConfigurationException(AuthError.IDP_METADATA_INVALID, source, problem);
    }

    /** The IdP's entityID, the expected Issuer of its answers. */
    public String entityId() {
        return entityId;
    }

    /** The single sign-on endpoint of the HTTP-POST binding. */
    public Optional<URI> ssoPost() {
        return ssoPost;
    }

    /** The single sign-on endpoint of the HTTP-Redirect binding. */
    public Optional<URI> ssoRedirect() {
        return ssoRedirect;
    }

    /** The pinned signing certificates (several during a key rollover). */
    public List<X509Certificate> signingCertificates() {
        return signingCertificates;
    }

    /** The metadata's validUntil, if it has one. */
    public Optional<Instant> validUntil() {
        return validUntil;
    }

    /** Whether the metadata's signature was verified against given trust anchors. */
    public boolean signatureVerified() {
        return signatureVerified;
    }

    @Override
    public String toString() {
        return "IdpMetadata[entityId=" + entityId + ", signingCertificates=" + signingCertificates.size() + "]";
    }
}
