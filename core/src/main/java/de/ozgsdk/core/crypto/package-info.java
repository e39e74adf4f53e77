/**
 * Keys and sealing: loading of private keys and X.509 certificates from PKCS#12 and PEM files with the JDK's own
 * crypto ({@link de.ozgsdk.core.crypto.PrivateKeyCredential}, {@link de.ozgsdk.core.crypto.TrustedCertificates}),
 * ready to be used for mutual TLS and signing, and {@link de.ozgsdk.core.crypto.Sealer}, AES-256-GCM encryption at
 * rest with a key id in every ciphertext and key rotation. No third-party provider is needed or installed; keys of
 * algorithms the JVM cannot sign with are refused with
 * {@link de.ozgsdk.core.crypto.KeyError#KEY_ALGORITHM_UNSUPPORTED}.
 */
package de.ozgsdk.core.crypto;
