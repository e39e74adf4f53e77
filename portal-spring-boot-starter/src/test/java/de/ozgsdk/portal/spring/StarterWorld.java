package de.ozgsdk.portal.spring;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.http.timestamp.FakeTsa;
import de.ozgsdk.http.timestamp.TestPki;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockWebServer;

/**
 * What a portal's settings point to, for real: the sandbox's Servicekonto IdP (SAML metadata over HTTP), a time-stamp
 * authority ({@link FakeTsa} on a MockWebServer), and in a temporary directory the sealing key file, the SP's PKCS#12
 * key store, the TSA's trust anchors, the H2 directory and a file drop directory; the service package and the tenant
 * file are test resources.
 */
public final class StarterWorld implements AutoCloseable {

    public static final String TENANT = "053140000000";
    static final String ENTITY_ID = "https://portal.bonn.example.de";
    static final String KEYSTORE_PASSWORD = "geheim-im-test";

    final Path directory;
    final ServicekontoIdpMock idp = ServicekontoIdpMock.builder().start();
    final MockWebServer tsa = new MockWebServer();
    final Path sealingKey;
    final Path spKeystore;
    final Path tsaAnchors;
    final Path fileDrop;

    public StarterWorld(Path directory) {
        this.directory = directory;
        try {
            TestPki.Issued ca = TestPki.rootCa("Starter Test TSA CA", Instant.now().minus(Duration.ofDays(365)),
                    Instant.now().plus(Duration.ofDays(3650)));
            tsa.setDispatcher(new FakeTsa(Clock.systemUTC(), TestPki.tsa(ca, "Starter Test TSA",
                    Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)),
                    TestPki.Usage.TIME_STAMPING)));
            tsa.start();
            sealingKey = Files.writeString(directory.resolve("seal-2026.key"),
                    Base64.getEncoder().encodeToString(new byte[32]) + "\n");
            spKeystore = writeKeystore(directory.resolve("sp.p12"), SandboxPki.selfSignedRsa("portal.bonn.example.de"));
            tsaAnchors = Files.writeString(directory.resolve("tsa-ca.pem"), pem(ca.certificate()));
            fileDrop = Files.createDirectories(directory.resolve("abfall-eingang"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every setting a portal with SAML login, a file drop route and its own H2 database needs. */
    public List<String> properties() {
        List<String> p = new ArrayList<>(List.of(
                "ozg.portal.database.h2-directory=" + directory.resolve("h2"),
                "ozg.portal.sealing.keys[0].id=2026",
                "ozg.portal.sealing.keys[0].file=" + sealingKey,
                "ozg.portal.services.packages[0]=" + resource("sperrmuell"),
                "ozg.portal.tenants.directory=" + resource("tenants"),
                "ozg.portal.timestamp.url=" + tsa.url("/tsa"),
                "ozg.portal.timestamp.trust-anchors=" + tsaAnchors,
                "ozg.portal.transfer.routes.bonn-abfall.file-drop=" + fileDrop,
                "ozg.portal.web.tenant=" + TENANT,
                "ozg.portal.web.csrf-key=" + Base64.getEncoder().encodeToString(new byte[32])));
        p.addAll(saml());
        return p;
    }

    List<String> saml() {
        return List.of(
                "ozg.portal.auth.saml.entity-id=" + ENTITY_ID,
                "ozg.portal.auth.saml.acs-url=" + ENTITY_ID + "/ozg/login/acs",
                "ozg.portal.auth.saml.keystore.path=" + spKeystore,
                "ozg.portal.auth.saml.keystore.password=" + KEYSTORE_PASSWORD,
                "ozg.portal.auth.saml.idp-metadata-url=" + idp.uri(ServicekontoIdpMock.METADATA),
                "ozg.portal.auth.saml.organisation-name=Bundesstadt Bonn",
                "ozg.portal.auth.saml.online-service-id=bonn-sperrmuell");
    }

    /** The settings without the one named (to provoke a missing setting). */
    String[] without(String setting) {
        return properties().stream().filter(p -> !p.startsWith(setting + "=")).toArray(String[]::new);
    }

    String[] all(String... more) {
        List<String> p = properties();
        p.addAll(List.of(more));
        return p.toArray(String[]::new);
    }

    static Path resource(String name) {
        try {
            return Path.of(StarterWorld.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeKeystore(Path file, PrivateKeyCredential credential) throws IOException,
            GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            credential.toKeyStore("sp", KEYSTORE_PASSWORD.toCharArray()).store(out, KEYSTORE_PASSWORD.toCharArray());
        }
        return file;
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public void close() {
        idp.close();
        tsa.close();
    }
}
