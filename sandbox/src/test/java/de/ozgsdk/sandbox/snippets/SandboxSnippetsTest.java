package de.ozgsdk.sandbox.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.FileDropIntakeMock;
import de.ozgsdk.sandbox.HttpsIntakeMock;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.RecordedExchange;
import de.ozgsdk.transfer.FileDropChannel;
import de.ozgsdk.transfer.HttpsChannel;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the sandbox Javadoc and SANDBOX.md: each region is copied verbatim into the docs (checked by
 * DocSnippetsTest in the examples module), and the assertions after it prove what the sample claims.
 */
class SandboxSnippetsTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // @start region="define"
    // A Meldebehörde's lookup service: answers GET /meldungen/{id}; its own error is a maintenance window.
    static final class MeldewesenMock extends MockServer {

        enum Error { WARTUNG }

        private MeldewesenMock(Builder builder) {
            super(builder, "meldewesen", List.of(Error.WARTUNG.name()));
        }

        static Builder builder() {
            return new Builder();
        }

        @Override
        protected Answer handle(MockRequest request) {
            if (request.method().equals("GET") && request.path().startsWith("/meldungen/")) {
                return Answer.json(200, "{\"status\":\"gemeldet\"}");
            }
            return Answer.status(404);
        }

        @Override
        protected Answer systemError(String error, MockRequest request) {
            return Answer.text(503, "text/plain", "Wartung").header("Retry-After", "3600");
        }

        static final class Builder extends MockServer.Builder<Builder, MeldewesenMock> {
            @Override
            protected MeldewesenMock build() {
                return new MeldewesenMock(this);
            }
        }
    }
    // @end

    @Test
    void aMockIsStartedFaultedAndAskedWhatItReceived() throws Exception {
        // @start region="use"
        MeldewesenMock meldewesen = MeldewesenMock.builder().start(); // port 0: any free loopback port
        meldewesen.faults().add(Fault.status(503).on("GET", "/meldungen/*").once());
        meldewesen.faults().add(Fault.systemError(MeldewesenMock.Error.WARTUNG).once());

        int first = get(meldewesen.uri("/meldungen/42"));  // 503 (the scripted status)
        int second = get(meldewesen.uri("/meldungen/42")); // 503 with Retry-After (the mock's own error)
        int third = get(meldewesen.uri("/meldungen/42"));  // 200: both faults are used up

        List<RecordedExchange> received = meldewesen.records().of("GET", "/meldungen/42");
        meldewesen.close(); // in a test class: try-with-resources or @AfterEach
        // @end

        assertThat(List.of(first, second, third)).containsExactly(503, 503, 200);
        assertThat(received).extracting(RecordedExchange::status)
                .containsExactly(OptionalInt.of(503), OptionalInt.of(503), OptionalInt.of(200));
    }

    @Test
    void httpsIntakeRecognisesTheRetryOfALostAnswer() {
        OutgoingApplication application = OutgoingApplication.of(UUID.randomUUID().toString(),
                "<antrag/>".getBytes(StandardCharsets.UTF_8));
        // @start region="https-intake"
        HttpsIntakeMock intake = HttpsIntakeMock.builder().start(); // mutual TLS with clients of its own PKI
        HttpsChannel channel = HttpsChannel.builder(intake.intakeUri(), HttpClientConfig.builder()
                        .clientCredential(intake.pki().issueClient("ozg-portal"))
                        .trustedCertificates(intake.serverTrust())
                        .build())
                .build();
        intake.faults().add(Fault.systemError(HttpsIntakeMock.Error.STORE_THEN_DROP).once()); // the answer is lost

        try {
            channel.send(application);
        } catch (RemoteSystemException lost) {
            // OZG-TRANSFER-112, retryable: the outbox sends the application again later
        }
        Receipt retry = channel.send(application); // the intake recognises the key: 409, retry.alreadyDelivered()
        int held = intake.count();                 // 1: exactly once
        intake.close();
        // @end

        assertThat(retry.alreadyDelivered()).isTrue();
        assertThat(held).isEqualTo(1);
    }

    @Test
    void fileDropIntakeImportsWhatTheChannelDropped(@TempDir Path dropDirectory) {
        String submissionId = UUID.randomUUID().toString();
        byte[] applicationXml = "<antrag/>".getBytes(StandardCharsets.UTF_8);
        // @start region="file-drop-intake"
        FileDropIntakeMock fachverfahren = FileDropIntakeMock.builder(dropDirectory).start(); // or .pollInterval(…)
        FileDropChannel drop = FileDropChannel.create(dropDirectory);

        drop.send(OutgoingApplication.of(submissionId, applicationXml));
        List<String> imported = fachverfahren.importNow(); // [submissionId]: XML moved to imported/, marker deleted
        fachverfahren.close();
        // @end

        assertThat(imported).containsExactly(submissionId);
        assertThat(fachverfahren.applications().get(submissionId)).isEqualTo(applicationXml);
        assertThat(fachverfahren.importedDirectory().resolve(submissionId + ".xml")).exists();
    }

    private int get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
