package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads one private key and its certificate chain from a PKCS#12 key store with the JDK's PKCS#12 implementation
 * (which reads the modern AES/PBES2 files of OpenSSL 3 and keytool as well as the legacy RC2/3DES ones).
 */
public final class Pkcs12Reader {

    /** A private key with the certificates stored with it. */
    public record Entry(PrivateKey privateKey, List<X509Certificate> certificates) {
        public Entry {
            certificates = List.copyOf(certificates);
        }
    }

    private Pkcs12Reader() {
    }

    /**
     * Reads the private key entry named {@code alias}, or the only one if no alias is given; the key must be
     * protected by the store password (as keytool and OpenSSL write it).
     */
    public static Entry read(InputStream in, String source, char[] password, Optional<String> alias) {
        KeyStore store = load(in, source, password);
        String chosen = chooseAlias(store, source, alias);
        try {
            Key key = store.getKey(chosen, password);
            Certificate[] chain = store.getCertificateChain(chosen);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new ConfigurationException(KeyError.PKCS12_NO_KEY, source);
            }
            if (chain == null || chain.length == 0) {
                throw new ConfigurationException(KeyError.NO_CERTIFICATE, source);
            }
            return new Entry(privateKey, x509(chain, source));
        } catch (UnrecoverableKeyException e) {
            throw new ConfigurationException(KeyError.PKCS12_WRONG_PASSWORD, e, source);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof ConfigurationException configurationException) {
                throw configurationException;
            }
            throw new ConfigurationException(KeyError.PKCS12_MALFORMED, e, source, Failures.describe(e));
        }
    }

    private static KeyStore load(InputStream in, String source, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigurationException(KeyError.PKCS12_WRONG_PASSWORD, e, source);
            }
            throw new ConfigurationException(KeyError.PKCS12_MALFORMED, e, source, Failures.describe(e));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ConfigurationException(KeyError.PKCS12_MALFORMED, e, source, Failures.describe(e));
        }
    }

    private static String chooseAlias(KeyStore store, String source, Optional<String> alias) {
        List<String> keyAliases = keyAliases(store, source);
        if (alias.isPresent()) {
            return keyAliases.stream()
                    .filter(candidate -> candidate.equalsIgnoreCase(alias.get()))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException(
                            KeyError.PKCS12_ALIAS_NOT_FOUND, source, keyAliases.size()));
        }
        if (keyAliases.isEmpty()) {
            throw new ConfigurationException(KeyError.PKCS12_NO_KEY, source);
        }
        if (keyAliases.size() > 1) {
            throw new ConfigurationException(KeyError.PKCS12_AMBIGUOUS, source, keyAliases.size());
        }
        return keyAliases.get(0);
    }

    private static List<String> keyAliases(KeyStore store, String source) {
        try {
            List<String> aliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    aliases.add(alias);
                }
            }
            return aliases;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(KeyError.PKCS12_MALFORMED, e, source, Failures.describe(e));
        }
    }

    private static List<X509Certificate> x509(Certificate[] chain, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : chain) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new ConfigurationException(KeyError.CERTIFICATE_MALFORMED, source, certificate.getType());
            }
            certificates.add(x509);
        }
        return certificates;
    }
}
