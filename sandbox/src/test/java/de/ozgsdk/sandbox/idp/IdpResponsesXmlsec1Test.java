package de.ozgsdk.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.TrustLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IdP mock's RSA-SHA256 + AES-CBC answers checked by xmlsec1 (which cannot do RSASSA-PSS): the response
 * signature over the encrypted assertion, the decryption with the SP's key, and the assertion's own signature.
 */
class IdpResponsesXmlsec1Test {

    private static final String RESPONSE_SIGNATURE = "/*[local-name()='Response']/*[local-name()='Signature']";
    private static final String ASSERTION_SIGNATURE =
            "/*[local-name()='Response']/*[local-name()='EncryptedAssertion']/*[local-name()='Assertion']"
            + "/*[local-name()='Signature']";

    @TempDir
    Path dir;
    private ServicekontoIdpMock idp;

    @BeforeAll
    static void needsXmlsec1() {
        Xmlsec1.require();
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    @Test
    void xmlsec1VerifiesResponseAndAssertionSignaturesAndDecrypts() throws Exception {
        Path decrypted = decryptedAnswer(null);

        Xmlsec1.Result assertion = Xmlsec1.run("--verify", "--pubkey-cert-pem", dir.resolve("idp.pem").toString(),
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", "--node-xpath",
                ASSERTION_SIGNATURE, decrypted.toString());

        assertThat(assertion.exitCode()).as(assertion.output()).isZero();
        assertThat(Files.readString(decrypted)).contains("STORK-QAA-Level-4", "urn:oid:1.3.6.1.4.1.25484.494450.3");
    }

    @Test
    void xmlsec1RefusesTheTamperedAssertionToo() throws Exception {
        Path decrypted = decryptedAnswer(ServicekontoIdpMock.Error.TAMPERED_ASSERTION);

        Xmlsec1.Result assertion = Xmlsec1.run("--verify", "--pubkey-cert-pem", dir.resolve("idp.pem").toString(),
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", "--node-xpath",
                ASSERTION_SIGNATURE, decrypted.toString());

        assertThat(assertion.exitCode()).as(assertion.output()).isNotZero();
    }

    /** Gets an answer from the mock, verifies the response signature with xmlsec1 and decrypts it with xmlsec1. */
    private Path decryptedAnswer(ServicekontoIdpMock.Error fault) throws Exception {
        idp = ServicekontoIdpMock.builder().algorithms(ServicekontoIdpMock.Algorithms.RSA_SHA256_CBC).start();
        Portal portal = Portal.against(idp);
        if (fault != null) {
            idp.faults().add(ServicekontoIdpMock.fault(fault).once());
        }
        Map<String, String> answer = portal.answer("erika-eid", TrustLevel.HIGH);
        Path response = Files.write(dir.resolve("response.xml"),
                Base64.getDecoder().decode(answer.get("SAMLResponse")));
        Path idpPem = Xmlsec1.pem(dir.resolve("idp.pem"), idp.signingCertificate());
        Path spKey = Xmlsec1.pem(dir.resolve("sp-key.pem"), Portal.spKey().privateKey());

        Xmlsec1.Result signature = Xmlsec1.run("--verify", "--pubkey-cert-pem", idpPem.toString(), "--id-attr:ID",
                "urn:oasis:names:tc:SAML:2.0:protocol:Response", "--node-xpath", RESPONSE_SIGNATURE,
                response.toString());
        assertThat(signature.exitCode()).as(signature.output()).isZero();

        Path decrypted = dir.resolve("decrypted.xml");
        Xmlsec1.Result decryption = Xmlsec1.run("--decrypt", "--privkey-pem", spKey.toString(), "--output",
                decrypted.toString(), response.toString());
        assertThat(decryption.exitCode()).as(decryption.output()).isZero();
        return decrypted;
    }
}
