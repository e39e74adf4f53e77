package de.ozgsdk.xoev.internal.message;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every JDK has, and its lower-case hex form used in the message. */
public final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /** Lower-case hex, as {@code sha256} elements carry it. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
