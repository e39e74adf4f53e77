package de.ozgsdk.core.internal.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance the SDK passes explicitly to the JCA calls that need it.
 *
 * <p>It is never registered with {@link java.security.Security}, so loading keys does not change the provider order
 * of the user's JVM.
 */
public final class BouncyCastle {

    private BouncyCastle() {
    }

    /** The shared provider instance (created on first use, since creating it takes a noticeable moment). */
    public static Provider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        private static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
