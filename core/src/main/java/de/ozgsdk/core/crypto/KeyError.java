package de.ozgsdk.core.crypto;

import de.ozgsdk.core.ErrorCode;

/** Error codes of key and certificate loading ({@code OZG-KEY-1xx}). */
public enum KeyError implements ErrorCode {
    /** A key or certificate file cannot be read (missing, no permission). */
    FILE_UNREADABLE("OZG-KEY-101"),
    /** The PKCS#12 password is wrong. */
    PKCS12_WRONG_PASSWORD("OZG-KEY-102"),
    /** The content is not a readable PKCS#12 key store. */
    PKCS12_MALFORMED("OZG-KEY-103"),
    /** The PKCS#12 key store holds no private key entry. */
    PKCS12_NO_KEY("OZG-KEY-104"),
    /** The requested alias is not a private key entry of the PKCS#12 key store. */
    PKCS12_ALIAS_NOT_FOUND("OZG-KEY-105"),
    /** The PKCS#12 key store holds several private keys and no alias was given. */
    PKCS12_AMBIGUOUS("OZG-KEY-106"),
    /** The content is not valid PEM (broken Base64 or a broken structure inside a block). */
    PEM_MALFORMED("OZG-KEY-107"),
    /** The PEM file holds no private key. */
    PEM_NO_KEY("OZG-KEY-108"),
    /** The PEM file holds more than one private key. */
    PEM_SEVERAL_KEYS("OZG-KEY-109"),
    /** The private key is encrypted but no password was given. */
    PEM_PASSWORD_REQUIRED("OZG-KEY-110"),
    /** The password of the encrypted private key is wrong (or the file is damaged). */
    PEM_WRONG_PASSWORD("OZG-KEY-111"),
    /** The file holds no X.509 certificate. */
    NO_CERTIFICATE("OZG-KEY-112"),
    /** No certificate of the chain belongs to the private key. */
    KEY_CERTIFICATE_MISMATCH("OZG-KEY-113"),
    /** A certificate of the chain has expired. */
    CERTIFICATE_EXPIRED("OZG-KEY-114"),
    /** A certificate of the chain is not valid yet. */
    CERTIFICATE_NOT_YET_VALID("OZG-KEY-115"),
    /** The key uses an algorithm the SDK cannot use. */
    KEY_ALGORITHM_UNSUPPORTED("OZG-KEY-116"),
    /** A certificate cannot be decoded as X.509. */
    CERTIFICATE_MALFORMED("OZG-KEY-117"),
    /** Building a key store, key manager or trust manager from loaded material failed. */
    KEY_STORE_FAILED("OZG-KEY-118"),
    /** A value passed to a factory method is unusable (empty chain, blank source name). */
    ARGUMENT_INVALID("OZG-KEY-119"),
    /** The private key is encrypted with a scheme or cipher the JDK does not offer (scrypt, AES-GCM, RC2, …). */
    PEM_ENCRYPTION_UNSUPPORTED("OZG-KEY-120"),
    /** The PEM file holds a private key in a format other than PKCS#8, PKCS#1, SEC1 or OpenSSL DSA (OpenSSH, PGP). */
    PEM_FORMAT_UNSUPPORTED("OZG-KEY-121");

    private final String code;

    KeyError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.core.crypto.keymessages";
    }
}
