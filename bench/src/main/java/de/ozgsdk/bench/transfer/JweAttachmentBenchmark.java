package de.ozgsdk.bench.transfer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import de.ozgsdk.transfer.fitconnect.internal.Jwe;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 20 §6: encrypting a 10 MB attachment as FIT-Connect sends it (the channel's own path: JWE compact,
 * RSA-OAEP-256 key wrap for a 4096-bit destination key, A256GCM, base64url serialisation) against the baseline of a
 * plain JCA {@code AES/GCM/NoPadding} {@code Cipher} over the same bytes (fresh 256-bit key and 96-bit IV per
 * operation, as the JWE has). Target: jwe / baseline ≤ 1.3.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar JweAttachmentBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JweAttachmentBenchmark {

    static final int SIZE = 10 * 1024 * 1024;

    private byte[] attachment;
    private RSAKey destinationKey;
    private KeyGenerator keys;
    private SecureRandom random;

    @Setup
    public void prepare() throws GeneralSecurityException, JOSEException {
        attachment = new byte[SIZE];
        new Random(42).nextBytes(attachment);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(4096);
        KeyPair pair = generator.generateKeyPair();
        destinationKey = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("bench-key-0001")
                .keyOperations(Set.of(KeyOperation.WRAP_KEY)).build();
        keys = KeyGenerator.getInstance("AES");
        keys.init(256);
        random = new SecureRandom();
        // both sides must work on the same bytes: the JWE decrypts back to the attachment
        String compact = Jwe.encrypt(attachment, "application/pdf", destinationKey).compact();
        if (!java.util.Arrays.equals(Jwe.decrypt(compact, pair.getPrivate(), "bench-key-0001"), attachment)) {
            throw new IllegalStateException("the JWE does not decrypt to the attachment");
        }
    }

    /** The channel's encryption of one attachment into the JWE compact serialisation it uploads (ASCII bytes). */
    @Benchmark
    public byte[] jweCompact() throws JOSEException {
        return Jwe.encrypt(attachment, "application/pdf", destinationKey).ascii();
    }

    /** Baseline: AES-256-GCM of the same bytes with a plain JCA cipher, fresh key and IV. */
    @Benchmark
    public byte[] plainAesGcm() throws GeneralSecurityException {
        SecretKey key = keys.generateKey();
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(attachment);
    }
}
