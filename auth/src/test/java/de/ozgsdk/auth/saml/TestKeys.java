package de.ozgsdk.auth.saml;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.tls.HeldCertificate;

/** RSA keys with self-signed certificates for the tests, as SAML parties pin them in metadata. */
final class TestKeys {

    static final PrivateKeyCredential SP = rsa("portal.example.de", Duration.ofDays(365));

    private TestKeys() {
    }

    static PrivateKeyCredential rsa(String commonName, Duration validity) {
        long now = Instant.now().toEpochMilli();
        HeldCertificate held = new HeldCertificate.Builder().rsa2048().commonName(commonName)
                .validityInterval(now - 60_000, now + validity.toMillis()).build();
        return PrivateKeyCredential.of(held.keyPair().getPrivate(), List.of(held.certificate()));
    }
}
