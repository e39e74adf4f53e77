package de.ozgsdk.portal.abuse.internal;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one of the abuse protection's keys, each derived from the server key for one purpose. */
public final class Keys {

    private final SecretKeySpec key;

    private Keys(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The key for {@code purpose}, derived from {@code serverKey} (32+ bytes, the same on every node), so that a MAC
     * made for one purpose (an address, a time stamp, a waiting token) never passes as another.
     */
    public static Keys derive(byte[] serverKey, String purpose) {
        if (serverKey == null || serverKey.length < 32) {
            throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "key",
                    "the server key must have at least 32 bytes (256 bits) from a secure random source");
        }
        return new Keys(new Keys(serverKey.clone()).macBytes("ozg-abuse|" + purpose));
    }

    /** The MAC of {@code text}, lower-case hex. */
    public String mac(String text) {
        return HexFormat.of().formatHex(macBytes(text));
    }

    /** The raw key, for libraries that take the key as text (hex). */
    public String hexKey() {
        return HexFormat.of().formatHex(key.getEncoded());
    }

    /** Whether {@code mac} is the MAC of {@code text}, compared in constant time. */
    public boolean verify(String text, String mac) {
        return mac != null && MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] macBytes(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    /** SHA-256 of {@code text}, lower-case hex (for one-time tokens in the database). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
