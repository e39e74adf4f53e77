package de.ozgsdk.bench.auth;

import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlResponseCheck;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 13 §7: checking one BundID-style login response (signed response around a signed, encrypted assertion with
 * 15 attributes, from the sandbox's IdP mock) with ozg-auth's checks ({@link SamlResponseCheck}, exactly those of
 * {@code SamlServiceProvider.complete}) against the baseline of the same cryptography done by hand with plain
 * Santuario calls: parse, verify the response signature, unwrap the key and decrypt, verify the assertion signature.
 * The SDK adds the hardened parser, the wrapping checks (unique IDs, one assertion in place, strict references and
 * transforms), the algorithm policy, issuer, destination, validity window, audience, bearer confirmation, replay
 * record, InResponseTo and the mapping to a citizen. {@code PSS_GCM}: RSASSA-PSS + AES-256-GCM + RSA-OAEP (BundID
 * since 2024/25); {@code RSA_SHA256_CBC}: the older answers.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar SamlResponseBenchmark -f 1 -wi 5 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SamlResponseBenchmark {

    private static final String SP = "https://portal.example.de";
    private static final String ACS = "https://portal.example.de/saml/acs";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Param({"PSS_GCM", "RSA_SHA256_CBC"})
    public String algorithms;

    private byte[] response;
    private SamlResponseCheck check;
    private PublicKey idpKey;
    private PrivateKeyCredential spKeys;

    @Setup(Level.Trial)
    public void logInOnce() throws Exception {
        spKeys = SandboxPki.selfSignedRsa("portal.example.de");
        try (ServicekontoIdpMock idp = ServicekontoIdpMock.builder()
                .algorithms(ServicekontoIdpMock.Algorithms.valueOf(algorithms)).start()) {
            IdpMetadata metadata = IdpMetadata.parse(new ByteArrayInputStream(idp.metadata()
                    .getBytes(StandardCharsets.UTF_8)), "idp");
            SamlServiceProvider sp = SamlServiceProvider.builder().entityId(URI.create(SP)).acsUrl(URI.create(ACS))
                    .signingKey(spKeys).decryptionKey(spKeys).idp(metadata)
                    .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt").build())
                    .pendingRequests(new InMemoryPendingRequestStore()).build();
            idp.registerServiceProvider(sp.metadata());
            LoginChallenge.AutoPost post = (LoginChallenge.AutoPost) sp.start(LoginContext.of(Locale.GERMAN),
                    TrustLevel.HIGH);
            response = Base64.getDecoder().decode(idp.logIn(post.fields(), "erika-eid").get("SAMLResponse"));
            idpKey = idp.signingCertificate().getPublicKey();
            check = SamlResponseCheck.builder().spEntityId(SP).acsUrl(ACS).idp(metadata)
                    .decryptionKey(spKeys.privateKey()).requestId(post.requestId()).now(Instant.now()).build();
        }
        if (!(sdkCheck() instanceof LoginOutcome.Authenticated) || !handWrittenSantuario()) {
            throw new IllegalStateException("the benchmark's response is not accepted: " + sdkCheck());
        }
    }

    /** ozg-auth: every check of the service provider, including the citizen. */
    @Benchmark
    public LoginOutcome sdkCheck() {
        return check.check(response);
    }

    /** Baseline: the same signatures and decryption by hand with Santuario, no protocol checks. */
    @Benchmark
    public boolean handWrittenSantuario() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response));
        Element root = document.getDocumentElement();
        root.setIdAttributeNS(null, "ID", true);
        Element responseSignature = (Element) root.getElementsByTagNameNS(DSIG, "Signature").item(0);
        boolean valid = new XMLSignature(responseSignature, "", true).checkSignatureValue(idpKey);
        Element encryptedData = (Element) root.getElementsByTagNameNS(
                "http://www.w3.org/2001/04/xmlenc#", "EncryptedData").item(0);
        Element encryptedKey = (Element) encryptedData.getElementsByTagNameNS(
                "http://www.w3.org/2001/04/xmlenc#", "EncryptedKey").item(0);
        String dataAlgorithm = ((Element) encryptedData.getElementsByTagNameNS(
                "http://www.w3.org/2001/04/xmlenc#", "EncryptionMethod").item(0)).getAttribute("Algorithm");
        XMLCipher unwrap = XMLCipher.getInstance();
        unwrap.init(XMLCipher.UNWRAP_MODE, spKeys.privateKey());
        Key key = unwrap.decryptKey(unwrap.loadEncryptedKey(document, encryptedKey), dataAlgorithm);
        XMLCipher decrypt = XMLCipher.getInstance();
        decrypt.init(XMLCipher.DECRYPT_MODE, key);
        decrypt.doFinal(document, encryptedData);
        Element assertion = (Element) document.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion",
                "Assertion").item(0);
        assertion.setIdAttributeNS(null, "ID", true);
        Element assertionSignature = (Element) assertion.getElementsByTagNameNS(DSIG, "Signature")
                .item(0);
        return valid && new XMLSignature(assertionSignature, "", true).checkSignatureValue(idpKey);
    }
}
