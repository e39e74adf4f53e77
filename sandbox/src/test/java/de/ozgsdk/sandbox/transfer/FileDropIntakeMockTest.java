package de.ozgsdk.sandbox.transfer;

import de.ozgsdk.core.ConfigurationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.FileDropIntakeMock;
import de.ozgsdk.sandbox.RecordedExchange;
import de.ozgsdk.transfer.FileDropChannel;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FileDropChannel} of ozg-transfer against the sandbox's importing Fachverfahren, on a real directory. */
class FileDropIntakeMockTest {

    @TempDir
    Path share;

    private FileDropIntakeMock importer;
    private FileDropChannel channel;
    private final String submissionId = UUID.randomUUID().toString();
    private final byte[] xml = "<antrag><name>Max Mustermann</name></antrag>".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void start() {
        importer = FileDropIntakeMock.builder(share).start();
        channel = FileDropChannel.create(share);
    }

    @AfterEach
    void stop() {
        importer.close();
    }

    private Receipt send() {
        return channel.send(OutgoingApplication.of(submissionId, xml));
    }

    @Test
    void importsADroppedApplicationOnceAndCleansUp() throws Exception {
        send();

        assertThat(importer.importNow()).containsExactly(submissionId);

        assertThat(importer.applications()).containsOnlyKeys(submissionId);
        assertThat(importer.applications().get(submissionId)).isEqualTo(xml);
        assertThat(share.resolve(submissionId + ".xml")).doesNotExist();
        assertThat(share.resolve(submissionId + ".xml.done")).doesNotExist();
        assertThat(importer.importedDirectory().resolve(submissionId + ".xml")).hasBinaryContent(xml);
        assertThat(importer.importNow()).isEmpty();
        RecordedExchange exchange = importer.records().last().orElseThrow();
        assertThat(exchange.method()).isEqualTo("IMPORT");
        assertThat(exchange.path()).isEqualTo("/" + submissionId + ".xml");
        assertThat(exchange.status()).hasValue(201);
        assertThat(exchange.body()).doesNotContain("Max");
    }

    @Test
    void ignoresAnXmlWithoutMarkerAndHiddenTemporaryFiles() throws Exception {
        Files.write(share.resolve("halb.xml"), xml);
        Files.write(share.resolve(".halb.xml.1234.tmp"), xml);
        Files.writeString(share.resolve(".x.xml.done"), "nonsense");

        assertThat(importer.importNow()).isEmpty();

        assertThat(importer.count()).isZero();
        assertThat(share.resolve("halb.xml")).exists();
        assertThat(importer.records().all()).isEmpty();
    }

    @Test
    void repeatAfterTheMarkerWasRemovedIsRecognisedByItsNameAndDropped() {
        send();
        importer.importNow();

        Receipt resend = send(); // the portal crashed before recording the delivery: the same application again
        assertThat(resend.alreadyDelivered()).isFalse();

        assertThat(importer.importNow()).isEmpty();
        assertThat(importer.count()).isEqualTo(1);
        assertThat(importer.attempts(submissionId)).isEqualTo(2);
        assertThat(importer.records().all()).extracting(e -> e.status().getAsInt()).containsExactly(201, 409);
        assertThat(share.resolve(submissionId + ".xml")).doesNotExist();
    }

    @Test
    void keptMarkerMakesTheResendWriteNothing() throws Exception {
        importer.close();
        importer = FileDropIntakeMock.builder(share).keepMarkers(true).start();
        send();
        importer.importNow();

        Receipt resend = send();

        assertThat(resend.alreadyDelivered()).isTrue();
        assertThat(share.resolve(submissionId + ".xml")).doesNotExist();
        assertThat(share.resolve(submissionId + ".xml.done")).exists();
        assertThat(importer.importNow()).isEmpty();
        assertThat(importer.attempts(submissionId)).isEqualTo(1);
    }

    @Test
    void importerThatCrashedBeforeCleaningUpSeesTheFileAgainAndDropsTheRepeat() {
        importer.faults().add(Fault.systemError(FileDropIntakeMock.Error.CRASH_BEFORE_CLEANUP).once());
        send();

        assertThat(importer.importNow()).containsExactly(submissionId);
        assertThat(share.resolve(submissionId + ".xml")).exists();
        assertThat(importer.importNow()).isEmpty();

        assertThat(importer.count()).isEqualTo(1);
        assertThat(importer.attempts(submissionId)).isEqualTo(2);
        assertThat(share.resolve(submissionId + ".xml.done")).doesNotExist();
    }

    @Test
    void importerDownLeavesTheFileForTheNextRun() {
        importer.faults().add(Fault.systemError(FileDropIntakeMock.Error.IMPORTER_DOWN).on("IMPORT", "/*.xml").once());
        send();

        assertThat(importer.importNow()).isEmpty();
        assertThat(importer.records().last().orElseThrow().status()).hasValue(503);
        assertThat(importer.importNow()).containsExactly(submissionId);
    }

    @Test
    void markerThatDoesNotMatchTheXmlIsQuarantined() throws Exception {
        send();
        Files.writeString(share.resolve(submissionId + ".xml"), "<antrag>verändert</antrag>");

        assertThat(importer.importNow()).isEmpty();

        assertThat(importer.count()).isZero();
        assertThat(importer.errorDirectory().resolve(submissionId + ".xml")).exists();
        assertThat(importer.errorDirectory().resolve(submissionId + ".xml.done")).exists();
        assertThat(importer.records().last().orElseThrow().status()).hasValue(422);
    }

    @Test
    void slowImportIsAFaultToo() {
        importer.faults().add(Fault.latency(Duration.ofMillis(100)).once());
        send();

        long before = System.nanoTime();
        importer.importNow();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(importer.records().last().orElseThrow().fault()).contains("latency 100 ms on * /** (1 time)");
    }

    @Test
    void refusesFaultsAnImporterCannotApply() {
        assertThatThrownBy(() -> importer.faults().add(Fault.drop()))
                .hasMessage("[OZG-SANDBOX-105] Mock \"file-drop-intake\" cannot apply a DROP fault; it applies"
                        + " [LATENCY, SYSTEM_ERROR].");
    }

    @Test
    void pollingImporterPicksUpDroppedFilesOnItsOwn() {
        importer.close();
        importer = FileDropIntakeMock.builder(share).pollInterval(Duration.ofMillis(20)).start();

        send();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (importer.count() == 0) {
            assertThat(System.nanoTime()).as("imported within 20 s").isLessThan(deadline);
            Thread.onSpinWait();
        }

        assertThat(importer.applications()).containsOnlyKeys(submissionId);
    }

    @Test
    void adminEndpointRunsAnImportAndListsTheApplicationsWithoutContent() throws Exception {
        send();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> run = http.send(HttpRequest.newBuilder(importer.uri("/__admin/import"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(importer.uri("/__admin/applications")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(run.body()).isEqualTo("{\"imported\":[\"" + submissionId + "\"]}");
        assertThat(list.body()).contains("\"count\":1", "\"key\":\"" + submissionId + "\"", "\"attempts\":1")
                .doesNotContain("Max");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(importer.baseUrl() + "antraege")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesADirectoryThatDoesNotExist() {
        assertThatThrownBy(() -> FileDropIntakeMock.builder(share.resolve("fehlt")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("[OZG-SANDBOX-111] The drop directory")
                .hasMessageEndingWith("fehlt does not exist. Create it before starting the mock.");
    }
}
