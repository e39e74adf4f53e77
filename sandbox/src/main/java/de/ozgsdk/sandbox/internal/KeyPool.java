package de.ozgsdk.sandbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * RSA key pairs for the mocks, either freshly generated or, while a combined sandbox starts, taken from a directory
 * of keys kept from an earlier start: generating an RSA-4096 key takes up to seconds, and the FIT-Connect delivery
 * service alone needs seven of them, so a sandbox with a data directory generates them once.
 *
 * <p>The n-th key of a size a start asks for is file {@code rsa-<bits>-<n>.p8} (PKCS#8 DER, readable by the owner
 * only): the sandbox starts its mocks in a fixed order, so each mock gets the same key every time. Keys made after
 * the start (a key rotation a test asks for) are always fresh, as rotation means a new key.
 */
public final class KeyPool {

    private static final ThreadLocal<KeyPool> CURRENT = new ThreadLocal<>();

    private final Path directory;
    private final Map<Integer, Integer> handedOut = new HashMap<>();

    private KeyPool(Path directory) {
        this.directory = directory;
    }

    /** A pool of the keys in {@code directory} (created if missing). */
    public static KeyPool in(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key directory " + directory, e);
        }
        return new KeyPool(directory);
    }

    /** Runs {@code action} with this pool serving {@link #rsa(int)} on the current thread. */
    public <T> T during(Supplier<T> action) {
        KeyPool previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** An RSA key pair of {@code bits}: the pool's next one inside {@link #during}, else a fresh one. */
    public static KeyPair rsa(int bits) {
        KeyPool pool = CURRENT.get();
        return pool == null ? generate(bits) : pool.next(bits);
    }

    private synchronized KeyPair next(int bits) {
        int index = handedOut.merge(bits, 1, Integer::sum);
        Path file = directory.resolve("rsa-" + bits + "-" + index + ".p8");
        if (Files.isRegularFile(file)) {
            try {
                return read(Files.readAllBytes(file), bits);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // a damaged or foreign file: replace it with a fresh key rather than fail the start
            }
        }
        KeyPair keys = generate(bits);
        write(file, keys.getPrivate().getEncoded());
        return keys;
    }

    private static KeyPair read(byte[] pkcs8, int bits) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        if (privateKey.getModulus().bitLength() != bits) {
            throw new GeneralSecurityException("key of " + privateKey.getModulus().bitLength() + " bits");
        }
        return new KeyPair(factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                privateKey.getPublicExponent())), privateKey);
    }

    private static void write(Path file, byte[] pkcs8) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".rsa-", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.write(temporary, pkcs8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // the key still serves this start; the next start generates it again
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    private static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyPool[" + Objects.toString(directory) + "]";
    }
}
