package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** https mocks: server certificates from the sandbox PKI, and mutual TLS checked in the handshake. */
class TlsTest {

    private final List<MockServer> started = new ArrayList<>();

    @AfterEach
    void closeMocks() {
        started.forEach(MockServer::close);
    }

    private EchoMock start(EchoMock.Builder builder) {
        EchoMock mock = builder.start();
        started.add(mock);
        return mock;
    }

    @Test
    void httpsMockIsReachedByAClientTrustingItsPki() throws Exception {
        EchoMock mock = start(EchoMock.builder().https());

        HttpResponse<String> answer = Http.tls(mock.serverTrust(), Optional.empty()).get(mock.uri("/hello"));

        assertThat(mock.baseUrl()).hasScheme("https").hasHost("127.0.0.1");
        assertThat(answer.body()).isEqualTo("hello");
        assertThat(mock.serverCertificates().get(0).getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1)).containsExactly("localhost", "127.0.0.1");
    }

    @Test
    void clientTrustingAnotherCaRefusesTheMock() {
        EchoMock mock = start(EchoMock.builder().https());

        assertThatThrownBy(() -> Http.tls(SandboxPki.generate().trust(), Optional.empty()).get(mock.uri("/hello")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void mocksSharingOnePkiShareOneTrustAnchor() throws Exception {
        SandboxPki pki = SandboxPki.generate();
        EchoMock first = start(EchoMock.builder().https(pki));
        EchoMock second = start(EchoMock.builder().https(pki));
        Http client = Http.tls(pki.trust(), Optional.empty());

        assertThat(client.get(first.uri("/hello")).statusCode()).isEqualTo(200);
        assertThat(client.get(second.uri("/hello")).statusCode()).isEqualTo(200);
        assertThat(first.pki()).isSameAs(pki);
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificateInTheHandshake() {
        SandboxPki pki = SandboxPki.generate();
        EchoMock mock = start(EchoMock.builder().https(pki).requireClientCertificate(pki.trust()));

        assertThatThrownBy(() -> Http.tls(pki.trust(), Optional.empty()).post(mock.uri("/echo"), "<antrag/>"))
                .isInstanceOf(IOException.class);
        assertThat(mock.records().all()).as("refused before HTTP").isEmpty();
    }

    @Test
    void mutualTlsRefusesACertificateOfAnotherCa() {
        SandboxPki pki = SandboxPki.generate();
        EchoMock mock = start(EchoMock.builder().https(pki).requireClientCertificate(pki.trust()));
        PrivateKeyCredential stranger = SandboxPki.generate().issueClient("fremdes-portal");

        assertThatThrownBy(() -> Http.tls(pki.trust(), Optional.of(stranger)).post(mock.uri("/echo"), "<antrag/>"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void mutualTlsHandsTheClientCertificateToTheMock() throws Exception {
        SandboxPki pki = SandboxPki.generate();
        EchoMock mock = start(EchoMock.builder().https(pki).requireClientCertificate(pki.trust()));
        PrivateKeyCredential portal = pki.issueClient("ozg-portal");

        HttpResponse<String> answer = Http.tls(pki.trust(), Optional.of(portal)).post(mock.uri("/echo"), "<a/>");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("4 bytes CN=ozg-portal, O=OZG SDK sandbox");
    }

    @Test
    void givenCaIssuesTheServerCertificate() throws Exception {
        SandboxPki original = SandboxPki.generate();
        SandboxPki given = SandboxPki.of(original.ca());
        EchoMock mock = start(EchoMock.builder().https(given));

        assertThat(Http.tls(original.trust(), Optional.empty()).get(mock.uri("/hello")).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SandboxPki.of(original.issueClient("kein-ca")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OZG-SANDBOX-115")
                .hasMessageContaining("CN=kein-ca, O=OZG SDK sandbox is no CA certificate");
    }
}
