package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.Optional;

/**
 * Turns PKCS#8 {@code PrivateKeyInfo} structures into JDK keys with the JDK's own {@link KeyFactory}, and wraps the
 * traditional OpenSSL formats (PKCS#1 RSA, SEC1 EC, OpenSSL DSA) into PKCS#8 first.
 */
final class Pkcs8Keys {

    static final String RSA = "1.2.840.113549.1.1.1";
    static final String EC = "1.2.840.10045.2.1";
    static final String DSA = "1.2.840.10040.4.1";

    /** JDK algorithm names of the key OIDs; other OIDs are looked up by the OID itself (JDK providers alias them). */
    private static final Map<String, String> JDK_NAMES = Map.of(
            RSA, "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            EC, "EC",
            DSA, "DSA",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.113549.1.3.1", "DiffieHellman");

    /** Names of algorithms users meet that the JDK may lack, so that the message names more than an OID. */
    private static final Map<String, String> KNOWN_NAMES = Map.of(
            "1.2.156.10197.1.301", "SM2",
            "1.2.643.7.1.1.1.1", "GOST R 34.10-2012 (256 bit)",
            "1.2.643.7.1.1.1.2", "GOST R 34.10-2012 (512 bit)");

    /**
     * Names of curves that users meet but JDK 16 and later cannot sign with (they left SunEC with its native code):
     * brainpool (BSI TR-03116), secp256k1; SM2 the JDK does not know at all.
     */
    private static final Map<String, String> CURVE_NAMES = Map.of(
            "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
            "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
            "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1",
            "1.3.132.0.10", "secp256k1",
            "1.2.156.10197.1.301", "SM2");

    private Pkcs8Keys() {
    }

    /**
     * The key of a PKCS#8 {@code PrivateKeyInfo} ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws Der.MalformedException if the structure is damaged
     * @throws ConfigurationException ({@link KeyError#KEY_ALGORITHM_UNSUPPORTED}) if the JDK lacks the algorithm
     */
    static PrivateKey toPrivateKey(byte[] pkcs8, String source) {
        String oid = algorithmOf(pkcs8);
        String name = JDK_NAMES.getOrDefault(oid, oid);
        if (EC.equals(oid)) {
            namedCurve(pkcs8).filter(curve -> !isKnownCurve(curve)).ifPresent(curve -> {
                throw new ConfigurationException(KeyError.KEY_ALGORITHM_UNSUPPORTED, source, describeCurve(curve));
            });
        }
        KeyFactory factory;
        try {
            factory = KeyFactory.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigurationException(KeyError.KEY_ALGORITHM_UNSUPPORTED, e, source, describe(oid));
        }
        try {
            return factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Der.MalformedException("the " + name + " private key cannot be decoded: " + Failures.describe(e));
        }
    }

    /**
     * The algorithm OID of a PKCS#8 {@code PrivateKeyInfo} (or {@code OneAsymmetricKey}, RFC 5958), checking the
     * structure up to the private key octets.
     */
    static String algorithmOf(byte[] pkcs8) {
        Der.Reader info = Der.parse(pkcs8, Der.SEQUENCE, "PrivateKeyInfo").contents();
        info.next(Der.INTEGER, "PrivateKeyInfo version").smallInteger("PrivateKeyInfo version", 1);
        Der.Reader algorithm = info.next(Der.SEQUENCE, "privateKeyAlgorithm").contents();
        String oid = algorithm.next(Der.OBJECT_IDENTIFIER, "privateKeyAlgorithm OID")
                .objectIdentifier("privateKeyAlgorithm OID");
        info.next(Der.OCTET_STRING, "privateKey");
        return oid;
    }

    /** The OID of the named curve in the algorithm parameters of an EC {@code PrivateKeyInfo}, if it names one. */
    static Optional<String> namedCurve(byte[] pkcs8) {
        Der.Reader info = Der.parse(pkcs8, Der.SEQUENCE, "PrivateKeyInfo").contents();
        info.next(Der.INTEGER, "PrivateKeyInfo version");
        Der.Reader algorithm = info.next(Der.SEQUENCE, "privateKeyAlgorithm").contents();
        algorithm.next(Der.OBJECT_IDENTIFIER, "privateKeyAlgorithm OID");
        if (algorithm.peekTag() != Der.OBJECT_IDENTIFIER) {
            return Optional.empty();
        }
        return Optional.of(algorithm.next(Der.OBJECT_IDENTIFIER, "EC curve").objectIdentifier("EC curve"));
    }

    /** {@code "EC on the curve brainpoolP256r1 (OID 1.3.36.3.3.2.8.1.1.7)"}. */
    static String describeCurve(String oid) {
        return "EC on the curve " + Optional.ofNullable(CURVE_NAMES.get(oid)).map(name -> name + " ").orElse("")
                + "(OID " + oid + ")";
    }

    private static boolean isKnownCurve(String oid) {
        try {
            AlgorithmParameters.getInstance("EC").init(new ECGenParameterSpec(oid));
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** PKCS#8 for a PKCS#1 {@code RSAPrivateKey} ({@code -----BEGIN RSA PRIVATE KEY-----}). */
    static byte[] fromPkcs1(byte[] rsaPrivateKey, String source) {
        Der.Reader key = Der.parse(rsaPrivateKey, Der.SEQUENCE, "RSAPrivateKey").contents();
        int version = key.next(Der.INTEGER, "RSAPrivateKey version").smallInteger("RSAPrivateKey version", 1);
        if (version == 1) {
            throw new ConfigurationException(KeyError.KEY_ALGORITHM_UNSUPPORTED, source,
                    "multi-prime RSA (RSAPrivateKey version 1)");
        }
        for (String field : new String[] {"modulus", "publicExponent", "privateExponent", "prime1", "prime2",
                "exponent1", "exponent2", "coefficient"}) {
            key.next(Der.INTEGER, "RSAPrivateKey " + field).integer("RSAPrivateKey " + field);
        }
        key.requireEnd("RSAPrivateKey");
        return wrap(Der.sequence(Der.objectIdentifier(RSA), Der.nullValue()), rsaPrivateKey);
    }

    /**
     * PKCS#8 for a SEC1 {@code ECPrivateKey} ({@code -----BEGIN EC PRIVATE KEY-----}), moving the curve from the
     * SEC1 parameters into the PKCS#8 algorithm identifier as OpenSSL does.
     */
    static byte[] fromSec1(byte[] ecPrivateKey) {
        Der.Reader key = Der.parse(ecPrivateKey, Der.SEQUENCE, "ECPrivateKey").contents();
        int version = key.next(Der.INTEGER, "ECPrivateKey version").smallInteger("ECPrivateKey version", 1);
        if (version != 1) {
            throw new Der.MalformedException("ECPrivateKey version is " + version + ", expected 1");
        }
        byte[] privateKey = key.next(Der.OCTET_STRING, "ECPrivateKey privateKey").encoded();
        if (key.peekTag() != Der.CONTEXT_0) {
            throw new Der.MalformedException("ECPrivateKey names no curve (the parameters [0] are missing); "
                    + "export the key with its curve, e.g. openssl ec -param_enc named_curve");
        }
        Der.Reader parameters = key.next(Der.CONTEXT_0, "ECPrivateKey parameters").contents();
        byte[] curve = parameters.next("ECPrivateKey curve").encoded();
        parameters.requireEnd("ECPrivateKey parameters");
        byte[] publicKey = key.peekTag() == Der.CONTEXT_1
                ? key.next(Der.CONTEXT_1, "ECPrivateKey publicKey").encoded() : new byte[0];
        key.requireEnd("ECPrivateKey");
        byte[] inner = Der.sequence(Der.integer(1), privateKey, publicKey);
        return wrap(Der.sequence(Der.objectIdentifier(EC), curve), inner);
    }

    /** PKCS#8 for OpenSSL's traditional DSA key ({@code -----BEGIN DSA PRIVATE KEY-----}: version, p, q, g, y, x). */
    static byte[] fromOpenSslDsa(byte[] dsaPrivateKey) {
        Der.Reader key = Der.parse(dsaPrivateKey, Der.SEQUENCE, "DSAPrivateKey").contents();
        key.next(Der.INTEGER, "DSAPrivateKey version").smallInteger("DSAPrivateKey version", 0);
        BigInteger p = key.next(Der.INTEGER, "DSAPrivateKey p").integer("DSAPrivateKey p");
        BigInteger q = key.next(Der.INTEGER, "DSAPrivateKey q").integer("DSAPrivateKey q");
        BigInteger g = key.next(Der.INTEGER, "DSAPrivateKey g").integer("DSAPrivateKey g");
        key.next(Der.INTEGER, "DSAPrivateKey y");
        BigInteger x = key.next(Der.INTEGER, "DSAPrivateKey x").integer("DSAPrivateKey x");
        key.requireEnd("DSAPrivateKey");
        byte[] parameters = Der.sequence(Der.integer(p), Der.integer(q), Der.integer(g));
        return wrap(Der.sequence(Der.objectIdentifier(DSA), parameters), Der.integer(x));
    }

    /** The OID with the algorithm's name where one is known, for messages. */
    static String describe(String oid) {
        String name = JDK_NAMES.getOrDefault(oid, KNOWN_NAMES.get(oid));
        return name == null ? "OID " + oid : name + " (OID " + oid + ")";
    }

    private static byte[] wrap(byte[] algorithmIdentifier, byte[] privateKey) {
        return Der.sequence(Der.integer(0), algorithmIdentifier, Der.octetString(privateKey));
    }
}
