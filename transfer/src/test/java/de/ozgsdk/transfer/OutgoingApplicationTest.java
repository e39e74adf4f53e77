package de.ozgsdk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingApplicationTest {

    @TempDir
    Path dir;

    @Test
    void writtenMessageIsKeyedByTheSubmissionIdOfItsMetadata() throws Exception {
        ApplicationMessage message = Applications.wohnsitzanmeldung("Erika");

        OutgoingApplication application = OutgoingApplication.write(message, ApplicationMessageWriter.create());
        OutboxMessage entry = application.toOutboxMessage("koeln-buergeramt");

        String id = message.metadata().submissionId().toString();
        assertThat(application.submissionId()).isEqualTo(id);
        assertThat(entry.idempotencyKey()).isEqualTo(id);
        assertThat(entry.destination()).isEqualTo("koeln-buergeramt");
        assertThat(new String(entry.payload(), StandardCharsets.UTF_8))
                .contains("antrag.einreichung.0001", id, "Erika");
        assertThat(application.open().readAllBytes()).isEqualTo(entry.payload());
        assertThat(application.size()).isEqualTo(entry.payload().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "../etc/passwd", "a/b", "antrag:4711", "with space", "ä"})
    void refusesSubmissionIdsUnfitForHeadersAndFileNames(String id) {
        assertThatThrownBy(() -> OutgoingApplication.of(id, new byte[1]))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(TransferError.SUBMISSION_ID_INVALID));
    }

    @Test
    void refusesAMissingSpoolFile() {
        assertThatThrownBy(() -> OutgoingApplication.ofFile("a-1", dir.resolve("missing.xml")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(TransferError.APPLICATION_FILE_UNREADABLE));
    }

    @Test
    void spooledFileIsReadAtEachOpen() throws Exception {
        Path file = Files.writeString(dir.resolve("a.xml"), "<a/>");
        OutgoingApplication application = OutgoingApplication.ofFile("a-1", file);
        Files.writeString(file, "<b/>");

        assertThat(application.open().readAllBytes()).isEqualTo("<b/>".getBytes(StandardCharsets.UTF_8));
    }
}
