package de.ozgsdk.transfer.fitconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JWE the channel writes is one that Nimbus JOSE+JWT, as an independent implementation, reads and decrypts. */
class JweTest {

    private static KeyPair pair;
    private static RSAKey publicKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(4096);
        pair = generator.generateKeyPair();
        publicKey = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("enc-key-0001")
                .keyOperations(Set.of(KeyOperation.WRAP_KEY)).build();
    }

    @Test
    void nimbusDecryptsWhatIsEncryptedAndSeesTheFitConnectHeader() throws Exception {
        byte[] content = new byte[100_003];
        new Random(7).nextBytes(content);

        Jwe.Encrypted encrypted = Jwe.encrypt(content, "application/pdf", publicKey);

        JWEObject jwe = JWEObject.parse(encrypted.compact());
        assertThat(jwe.getHeader().getAlgorithm().getName()).isEqualTo("RSA-OAEP-256");
        assertThat(jwe.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
        assertThat(jwe.getHeader().getKeyID()).isEqualTo("enc-key-0001");
        assertThat(jwe.getHeader().getContentType()).isEqualTo("application/pdf");
        assertThat(jwe.getAuthTag().toString()).isEqualTo(encrypted.tag()).isEqualTo(Jwe.tagOf(encrypted.compact()));
        assertThat(encrypted.compact()).matches("[A-Za-z0-9_.-]+");
        jwe.decrypt(new RSADecrypter(pair.getPrivate()));
        assertThat(jwe.getPayload().toBytes()).isEqualTo(content);
    }

    @Test
    void everyContentLengthRoundTrips() throws Exception {
        for (int length = 0; length <= 7; length++) {
            byte[] content = new byte[length];
            new Random(length).nextBytes(content);
            String compact = Jwe.encrypt(content, "application/octet-stream", publicKey).compact();
            assertThat(compact).matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){4}");
            assertThat(Jwe.decrypt(compact, pair.getPrivate(), "enc-key-0001")).isEqualTo(content);
        }
    }

    @Test
    void aChangedCiphertextFailsAuthentication() throws Exception {
        String compact = Jwe.encrypt("Antrag".getBytes(StandardCharsets.UTF_8), "text/plain", publicKey).compact();
        String[] parts = compact.split("\\.");
        parts[3] = (parts[3].charAt(0) == 'A' ? "B" : "A") + parts[3].substring(1);

        assertThatThrownBy(() -> Jwe.decrypt(String.join(".", parts), pair.getPrivate(), "enc-key-0001"))
                .isInstanceOf(JOSEException.class);
    }
}
