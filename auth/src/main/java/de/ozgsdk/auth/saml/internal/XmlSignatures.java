package de.ozgsdk.auth.saml.internal;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.saml.AlgorithmPolicy;
import de.ozgsdk.core.SecurityCheckException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Enveloped XML signatures of SAML elements with Apache Santuario: signing (AuthnRequest, metadata) and the strict
 * verification of an identity provider's signatures, which accepts a signature only if it is a direct child of the
 * element it signs, has exactly one reference, to that element's {@code ID}, uses only the enveloped-signature and
 * exclusive c14n transforms and algorithms of the {@link AlgorithmPolicy}, and verifies with a trusted key.
 */
public final class XmlSignatures {

    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(Saml.ENVELOPED, Saml.EXC_C14N);

    static {
        Init.init();
    }

    private XmlSignatures() {
    }

    /** Makes sure Santuario is initialised (static algorithm registry). */
    public static void init() {
        // the static initialiser does the work
    }

    /**
     * Signs {@code element} (which carries attribute {@code ID}) with an enveloped, exclusive-c14n signature placed
     * right after {@code after} (the Issuer in SAML messages), or as first child if {@code after} is null.
     */
    public static void sign(Element element, Element after, PrivateKey key, X509Certificate certificate,
            String signatureAlgorithm, String digestAlgorithm, String... inclusivePrefixes) {
        Document document = element.getOwnerDocument();
        String id = element.getAttributeNS(null, "ID");
        element.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(document, "", signatureAlgorithm, Saml.EXC_C14N);
            Node before = after == null ? element.getFirstChild() : after.getNextSibling();
            element.insertBefore(signature.getElement(), before);
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            if (inclusivePrefixes.length > 0) {
                transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
                        new InclusiveNamespaces(document, String.join(" ", inclusivePrefixes)).getElement());
            } else {
                transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            }
            signature.addDocument("#" + id, transforms, digestAlgorithm);
            if (certificate != null) {
                signature.addKeyInfo(certificate);
            }
            signature.sign(key);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * The signature that is a direct child of {@code element}, if any.
     *
     * @throws SecurityCheckException {@link AuthError#SIGNATURE_REFERENCE_INVALID} if there is more than one
     */
    public static Optional<Element> signatureOf(Element element, String what) {
        List<Element> signatures = Saml.children(element, Saml.DSIG, "Signature");
        if (signatures.size() > 1) {
            throw new SecurityCheckException(AuthError.SIGNATURE_REFERENCE_INVALID, what,
                    signatures.size() + " signatures in one element");
        }
        return signatures.isEmpty() ? Optional.empty() : Optional.of(signatures.get(0));
    }

    /**
     * Verifies the enveloped signature {@code signatureElement} of {@code element} strictly (see the class comment)
     * with one of {@code trusted}.
     *
     * @param what names the element in errors (Response, Assertion, AuthnRequest, metadata)
     * @return the signature algorithm URI that was verified
     * @throws SecurityCheckException with the code of the first failed check
     */
    public static String verify(Element element, Element signatureElement, String what,
            Collection<PublicKey> trusted, AlgorithmPolicy policy) {
        String id = element.getAttributeNS(null, "ID");
        if (id.isEmpty()) {
            throw new SecurityCheckException(AuthError.SIGNATURE_REFERENCE_INVALID, what, "the element has no ID");
        }
        element.setIdAttributeNS(null, "ID", true);
        try {
            // Secure validation (limits on references and transforms, no external references) unless a legacy
            // SHA-1 opt-in is on, which secure validation would refuse; our own checks below apply in both cases.
            XMLSignature signature = new XMLSignature(signatureElement, "", !policy.hasLegacyOptIn());
            SignedInfo signedInfo = signature.getSignedInfo();
            String algorithm = signedInfo.getSignatureMethodURI();
            if (!policy.acceptsSignature(algorithm)) {
                throw new SecurityCheckException(AuthError.SIGNATURE_ALGORITHM_REFUSED, algorithm);
            }
            if (!Saml.EXC_C14N.equals(signedInfo.getCanonicalizationMethodURI())) {
                throw new SecurityCheckException(AuthError.SIGNATURE_TRANSFORM_REFUSED, what,
                        signedInfo.getCanonicalizationMethodURI());
            }
            if (signedInfo.getLength() != 1) {
                throw new SecurityCheckException(AuthError.SIGNATURE_REFERENCE_INVALID, what,
                        signedInfo.getLength() + " references instead of one");
            }
            Reference reference = signedInfo.item(0);
            if (!("#" + id).equals(reference.getURI())) {
                throw new SecurityCheckException(AuthError.SIGNATURE_REFERENCE_INVALID, what,
                        "the reference does not point to the signed element's own ID");
            }
            checkTransforms(reference, what);
            String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
            if (!policy.acceptsDigest(digest)) {
                throw new SecurityCheckException(AuthError.SIGNATURE_ALGORITHM_REFUSED, digest);
            }
            for (PublicKey key : trusted) {
                if (signature.checkSignatureValue(key)) {
                    return algorithm;
                }
            }
            throw new SecurityCheckException(untrustedKeyVerifies(signature) ? AuthError.SIGNATURE_KEY_UNKNOWN
                    : AuthError.SIGNATURE_INVALID, what);
        } catch (XMLSecurityException e) {
            throw new SecurityCheckException(AuthError.SIGNATURE_INVALID, e, what);
        }
    }

    private static void checkTransforms(Reference reference, String what) throws XMLSecurityException {
        Transforms transforms = reference.getTransforms();
        int count = transforms == null ? 0 : transforms.getLength();
        boolean enveloped = false;
        for (int i = 0; i < count; i++) {
            Transform transform = transforms.item(i);
            if (!ALLOWED_TRANSFORMS.contains(transform.getURI())) {
                throw new SecurityCheckException(AuthError.SIGNATURE_TRANSFORM_REFUSED, what, transform.getURI());
            }
            enveloped |= Saml.ENVELOPED.equals(transform.getURI());
        }
        if (!enveloped) {
            throw new SecurityCheckException(AuthError.SIGNATURE_TRANSFORM_REFUSED, what,
                    "(no enveloped-signature transform)");
        }
    }

    /** Whether the key the signature names itself verifies it: then it is intact, but signed by a stranger. */
    private static boolean untrustedKeyVerifies(XMLSignature signature) {
        try {
            KeyInfo keyInfo = signature.getKeyInfo();
            if (keyInfo == null) {
                return false;
            }
            X509Certificate certificate = keyInfo.getX509Certificate();
            PublicKey key = certificate != null ? certificate.getPublicKey() : keyInfo.getPublicKey();
            return key != null && signature.checkSignatureValue(key);
        } catch (XMLSecurityException | RuntimeException e) {
            return false;
        }
    }
}
