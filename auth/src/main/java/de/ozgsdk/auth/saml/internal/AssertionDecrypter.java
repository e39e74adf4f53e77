package de.ozgsdk.auth.saml.internal;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.saml.AlgorithmPolicy;
import de.ozgsdk.core.SecurityCheckException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Decrypts a {@code saml:EncryptedAssertion} in place with Santuario: checks the content encryption and key
 * transport algorithms against the {@link AlgorithmPolicy} first, then unwraps the content key with each
 * configured decryption key in turn (key rotation) and replaces the {@code xenc:EncryptedData} by the assertion.
 */
public final class AssertionDecrypter {

    private static final Logger LOG = LoggerFactory.getLogger(AssertionDecrypter.class);

    private AssertionDecrypter() {
    }

    /**
     * Decrypts {@code encryptedAssertion} and returns the assertion element that replaced its encrypted data.
     *
     * @throws SecurityCheckException {@link AuthError#ENCRYPTION_ALGORITHM_REFUSED} or
     *                                {@link AuthError#DECRYPTION_FAILED}
     */
    public static Element decrypt(Element encryptedAssertion, List<PrivateKey> keys, AlgorithmPolicy policy,
            String issuer) {
        List<Element> data = Saml.children(encryptedAssertion, Saml.XENC, "EncryptedData");
        if (data.size() != 1) {
            throw new SecurityCheckException(AuthError.DECRYPTION_FAILED,
                    data.size() + " EncryptedData elements instead of one");
        }
        Element encryptedData = data.get(0);
        String contentAlgorithm = algorithm(encryptedData);
        if (!policy.acceptsContentEncryption(contentAlgorithm)) {
            throw new SecurityCheckException(AuthError.ENCRYPTION_ALGORITHM_REFUSED, contentAlgorithm);
        }
        List<Element> encryptedKeys = encryptedKeys(encryptedAssertion, encryptedData);
        if (encryptedKeys.isEmpty()) {
            throw new SecurityCheckException(AuthError.DECRYPTION_FAILED, "no EncryptedKey");
        }
        for (Element encryptedKey : encryptedKeys) {
            String transport = algorithm(encryptedKey);
            if (!policy.acceptsKeyTransport(transport)) {
                throw new SecurityCheckException(AuthError.ENCRYPTION_ALGORITHM_REFUSED, transport);
            }
            if (policy.isLegacy(transport)) {
                LOG.warn("[{}] legacy key transport {} accepted from {} (legacy opt-in)",
                        AuthError.LEGACY_ALGORITHM_ACCEPTED.code(), transport, issuer);
            }
        }
        for (Element encryptedKey : encryptedKeys) {
            for (PrivateKey key : keys) {
                Key contentKey = unwrap(encryptedKey, key, contentAlgorithm);
                if (contentKey != null) {
                    return decryptData(encryptedAssertion, encryptedData, contentKey);
                }
            }
        }
        throw new SecurityCheckException(AuthError.DECRYPTION_FAILED,
                "no configured decryption key opens the content key");
    }

    private static Key unwrap(Element encryptedKey, PrivateKey key, String contentAlgorithm) {
        try {
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.init(XMLCipher.UNWRAP_MODE, key);
            return cipher.decryptKey(cipher.loadEncryptedKey(encryptedKey.getOwnerDocument(), encryptedKey),
                    contentAlgorithm);
        } catch (XMLEncryptionException | RuntimeException e) {
            return null;
        }
    }

    private static Element decryptData(Element encryptedAssertion, Element encryptedData, Key contentKey) {
        try {
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.init(XMLCipher.DECRYPT_MODE, contentKey);
            // Santuario parses the plaintext with its own DocumentBuilder, which refuses DOCTYPE declarations.
            cipher.doFinal(encryptedAssertion.getOwnerDocument(), encryptedData);
        } catch (Exception e) {
            throw new SecurityCheckException(AuthError.DECRYPTION_FAILED, e, e.getClass().getSimpleName());
        }
        List<Element> children = Saml.elements(encryptedAssertion);
        List<Element> assertions = new ArrayList<>();
        for (Element child : children) {
            if (Saml.is(child, Saml.ASSERTION, "Assertion")) {
                assertions.add(child);
            } else if (!Saml.is(child, Saml.XENC, "EncryptedKey")) {
                throw new SecurityCheckException(AuthError.ASSERTION_COUNT_INVALID, "0 (unexpected "
                        + child.getLocalName() + " in EncryptedAssertion)");
            }
        }
        if (assertions.size() != 1) {
            throw new SecurityCheckException(AuthError.ASSERTION_COUNT_INVALID, assertions.size());
        }
        return assertions.get(0);
    }

    /** The EncryptedKeys inside EncryptedData's KeyInfo and beside it in the EncryptedAssertion (both are used). */
    private static List<Element> encryptedKeys(Element encryptedAssertion, Element encryptedData) {
        List<Element> keys = new ArrayList<>();
        Saml.child(encryptedData, Saml.DSIG, "KeyInfo")
                .ifPresent(keyInfo -> keys.addAll(Saml.children(keyInfo, Saml.XENC, "EncryptedKey")));
        keys.addAll(Saml.children(encryptedAssertion, Saml.XENC, "EncryptedKey"));
        return keys;
    }

    private static String algorithm(Element element) {
        return Saml.child(element, Saml.XENC, "EncryptionMethod")
                .map(method -> method.getAttributeNS(null, "Algorithm"))
                .orElse("(none)");
    }
}
