package de.ozgsdk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.transfer.internal.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropChannelTest {

    private static final String ID = "7c0e6d1a-3f52-4b8e-9a51-2d4c8e0f1b23";
    private static final byte[] XML = "<antrag>Müller</antrag>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path drop;

    @Test
    void writesTheApplicationAndThenADoneMarkerWithItsSha256() throws Exception {
        Receipt receipt = FileDropChannel.create(drop).send(OutgoingApplication.of(ID, XML));

        assertThat(Files.readAllBytes(drop.resolve(ID + ".xml"))).isEqualTo(XML);
        assertThat(Files.readString(drop.resolve(ID + ".xml.done")))
                .isEqualTo(sha256(XML) + "  " + ID + ".xml\n");
        assertThat(names()).containsExactlyInAnyOrder(ID + ".xml", ID + ".xml.done");
        assertThat(receipt.reference()).contains(ID + ".xml");
        assertThat(receipt.alreadyDelivered()).isFalse();
    }

    @Test
    void retryAfterACrashBetweenApplicationAndMarkerCompletesTheSameFile() throws Exception {
        // The state a crash after the first step leaves: the complete XML under its final name, a stray temporary
        // file of an earlier, interrupted write, and no marker.
        AtomicFiles.write(drop.resolve(ID + ".xml"), () -> new ByteArrayInputStream(XML));
        Path stray = Files.write(drop.resolve("." + ID + ".xml.0b1c.tmp"), "<antr".getBytes(StandardCharsets.UTF_8));

        Receipt receipt = FileDropChannel.create(drop).send(OutgoingApplication.of(ID, XML));

        assertThat(receipt.alreadyDelivered()).isFalse();
        assertThat(ImportedApplications.in(drop)).containsExactly(ID);
        assertThat(Files.readAllBytes(drop.resolve(ID + ".xml"))).isEqualTo(XML);
        assertThat(names()).containsExactlyInAnyOrder(ID + ".xml", ID + ".xml.done", stray.getFileName().toString());
    }

    @Test
    void failureWritingTheMarkerIsRetryableAndTheRetryProducesOneApplication() throws Exception {
        // A directory in the marker's place makes the second step fail after the first succeeded.
        Path obstacle = Files.createDirectories(drop.resolve(ID + ".xml.done"));
        Files.writeString(obstacle.resolve("keep"), "x");
        FileDropChannel channel = FileDropChannel.create(drop);

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.DROP_WRITE_FAILED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains(ID);
                });
        assertThat(Files.readAllBytes(drop.resolve(ID + ".xml"))).isEqualTo(XML);
        assertThat(ImportedApplications.in(drop)).isEmpty();
        Files.delete(obstacle.resolve("keep"));
        Files.delete(obstacle);

        channel.send(OutgoingApplication.of(ID, XML));

        assertThat(ImportedApplications.in(drop)).containsExactly(ID);
        assertThat(names()).containsExactlyInAnyOrder(ID + ".xml", ID + ".xml.done");
    }

    @Test
    void repeatAfterTheMarkerWritesNothingAndReportsAlreadyDelivered() throws Exception {
        FileDropChannel channel = FileDropChannel.create(drop);
        channel.send(OutgoingApplication.of(ID, XML));

        Receipt repeat = channel.send(OutgoingApplication.of(ID, "<anders/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(repeat.alreadyDelivered()).isTrue();
        assertThat(Files.readAllBytes(drop.resolve(ID + ".xml"))).isEqualTo(XML);
    }

    @Test
    void repeatAfterTheImporterTookTheApplicationAndKeptTheMarkerWritesNothing() throws Exception {
        FileDropChannel channel = FileDropChannel.create(drop);
        channel.send(OutgoingApplication.of(ID, XML));
        Files.delete(drop.resolve(ID + ".xml")); // imported; the marker is removed last, later

        Receipt repeat = channel.send(OutgoingApplication.of(ID, XML));

        assertThat(repeat.alreadyDelivered()).isTrue();
        assertThat(names()).containsExactly(ID + ".xml.done");
    }

    @Test
    void vanishedDirectoryIsARetryableFailure() throws Exception {
        Path share = Files.createDirectory(drop.resolve("share"));
        FileDropChannel channel = FileDropChannel.create(share);
        Files.delete(share);

        assertThatThrownBy(() -> channel.send(OutgoingApplication.of(ID, XML)))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void refusesAMissingDirectory() {
        assertThatThrownBy(() -> FileDropChannel.create(drop.resolve("missing")))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(TransferError.DROP_DIRECTORY_INVALID));
    }

    @Test
    void streamsASpooledApplicationFile() throws Exception {
        Path spool = Files.createDirectory(drop.resolve("spool"));
        Path out = Files.createDirectory(drop.resolve("out"));
        byte[] large = new byte[3_000_000];
        new Random(7).nextBytes(large);
        Path spooled = Files.write(spool.resolve("antrag.xml"), large);

        FileDropChannel.create(out).send(OutgoingApplication.ofFile(ID, spooled));

        assertThat(Files.readAllBytes(out.resolve(ID + ".xml"))).isEqualTo(large);
        assertThat(Files.readString(out.resolve(ID + ".xml.done"))).startsWith(sha256(large));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(drop)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
