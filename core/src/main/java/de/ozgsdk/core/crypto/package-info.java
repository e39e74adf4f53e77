/**
 * Keys and sealing: loading of private keys and X.509 certificates from PKCS#12 and PEM files with Bouncy Castle
 * ({@link de.ozgsdk.core.crypto.PrivateKeyCredential}, {@link de.ozgsdk.core.crypto.TrustedCertificates}), ready to
 * be used for mutual TLS and signing, and {@link de.ozgsdk.core.crypto.Sealer}, AES-256-GCM encryption at rest with a
 * key id in every ciphertext and key rotation. Bouncy Castle is used as a provider instance and is never installed
 * into the JVM's provider list.
 */
package de.ozgsdk.core.crypto;
