package de.ozgsdk.sandbox.combined;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.sandbox.Sandbox;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sandbox started again with the same data directory uses the RSA keys of the first start. */
class SandboxKeysTest {

    private static List<PublicKey> keysOf(Sandbox sandbox) {
        return List.of(sandbox.fitConnectTrustAnchor().getPublicKey(), sandbox.idpSigningCertificate().getPublicKey(),
                sandbox.postboxAuthor().certificate().getPublicKey());
    }

    @Test
    void aSecondStartWithTheSameDataDirectoryHasTheKeysOfTheFirst() {
        List<PublicKey> first;
        try (Sandbox sandbox = Sandbox.builder().start()) {
            first = keysOf(sandbox);
        }
        try (Sandbox sandbox = Sandbox.builder().start()) {
            assertThat(keysOf(sandbox)).isEqualTo(first);
            assertThat(sandbox.dataDirectory()).isEqualTo(Sandbox.defaultDataDirectory());
        }
    }
}
