package de.ozgsdk.portal.upload.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ClamdScanner} against a real clamd ({@link ClamdProcess}), over TCP and over its Unix socket. */
class ClamdScannerTest {

    private static ClamdProcess clamd;

    /** The two ways to reach clamd. */
    enum Transport {
        TCP(ClamdProcess::tcpScanner),
        UNIX(ClamdProcess::unixScanner);

        private final Function<ClamdProcess, ClamdScanner.Builder> client;

        Transport(Function<ClamdProcess, ClamdScanner.Builder> client) {
            this.client = client;
        }

        ClamdScanner.Builder builder(ClamdProcess process) {
            return client.apply(process);
        }
    }

    @BeforeAll
    static void startClamd() {
        clamd = ClamdProcess.start();
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void reportsEicarAsInfectedWithTheSignatureName(Transport transport) {
        ScanResult result = transport.builder(clamd).build().scan(new ByteArrayInputStream(ClamdProcess.eicar()));

        assertThat(result.clean()).isFalse();
        assertThat(result.signature()).contains(ClamdProcess.EICAR_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void findsEicarInsideAZipArchive(Transport transport) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("nachweise/readme.txt"));
            out.write("Anlage zum Antrag".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("nachweise/vollmacht.com"));
            out.write(ClamdProcess.eicar());
        }

        ScanResult result = transport.builder(clamd).build().scan(new ByteArrayInputStream(zip.toByteArray()));

        assertThat(result.signature()).contains(ClamdProcess.EICAR_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void reportsACleanPdfAsClean(Transport transport) throws IOException {
        ScanResult result = transport.builder(clamd).build().scan(new ByteArrayInputStream(cleanPdf()));

        assertThat(result).isEqualTo(ScanResult.cleanResult());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void scansAStreamOfManySmallChunksUpToClamdsLimitExactly(Transport transport) {
        byte[] content = randomBytes((int) ClamdProcess.STREAM_MAX_LENGTH);
        CountingStream counted = new CountingStream(new ByteArrayInputStream(content));

        ScanResult result = transport.builder(clamd).chunkSize(8 * 1024).build().scan(counted);

        assertThat(result.clean()).isTrue();
        assertThat(counted.read).isEqualTo(content.length);
    }

    @Test
    void findsEicarAtTheEndOfAStreamThatSpansSeveralChunks() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.setLevel(0);
            out.putNextEntry(new ZipEntry("scan.bin"));
            out.write(randomBytes(300 * 1024));
            out.putNextEntry(new ZipEntry("eicar.com"));
            out.write(ClamdProcess.eicar());
        }

        ScanResult result = clamd.tcpScanner().chunkSize(4096).build().scan(new ByteArrayInputStream(zip.toByteArray()));

        assertThat(result.signature()).contains(ClamdProcess.EICAR_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void refusesADocumentOverTheClientLimitBeforeClamdCutsIt(Transport transport) {
        CountingStream counted = new CountingStream(
                new ByteArrayInputStream(randomBytes((int) ClamdProcess.STREAM_MAX_LENGTH + 1)));
        ClamdScanner scanner = transport.builder(clamd).build();

        assertThatThrownBy(() -> scanner.scan(counted))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PortalError.SCAN_TOO_LARGE);
                    assertThat(e.system()).isEqualTo("ClamAV");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(String.valueOf(ClamdProcess.STREAM_MAX_LENGTH));
                });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void namesClamdsOwnLimitWhenTheClientAllowsMore(Transport transport) {
        ClamdScanner scanner = transport.builder(clamd).maxStreamLength(4 * ClamdProcess.STREAM_MAX_LENGTH).build();

        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(
                        randomBytes(2 * (int) ClamdProcess.STREAM_MAX_LENGTH))))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PortalError.SCAN_CLAMD_SIZE_LIMIT);
                    assertThat(e.getMessage()).contains("StreamMaxLength");
                });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void passesItsSelfCheckAndReadsTheVersion(Transport transport) {
        ClamdScanner scanner = transport.builder(clamd).build();

        scanner.selfCheck();
        assertThat(scanner.version()).startsWith("ClamAV ");
    }

    @Test
    void reportsAStoppedClamdAsUnreachableOnBothSockets() {
        ClamdProcess stopped = ClamdProcess.start();
        ClamdScanner tcp = stopped.tcpScanner().build();
        ClamdScanner unix = stopped.unixScanner().build();
        assertThat(tcp.scan(new ByteArrayInputStream(ClamdProcess.eicar())).clean()).isFalse();

        stopped.close();

        for (ClamdScanner scanner : new ClamdScanner[] {tcp, unix}) {
            assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(ClamdProcess.eicar())))
                    .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                        assertThat(e.code()).isEqualTo(PortalError.SCAN_UNREACHABLE);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains(scanner.endpoint());
                    });
            assertThatThrownBy(scanner::selfCheck)
                    .isInstanceOfSatisfying(RemoteSystemException.class,
                            e -> assertThat(e.code()).isEqualTo(PortalError.SCAN_UNREACHABLE));
        }
    }

    @Test
    void reportsAKilledClamdWhoseSocketFileStaysAsUnreachable() {
        ClamdProcess killed = ClamdProcess.start();
        try {
            killed.kill();

            assertThat(killed.socket()).exists();
            assertThatThrownBy(() -> killed.unixScanner().build().scan(new ByteArrayInputStream(new byte[10])))
                    .isInstanceOfSatisfying(RemoteSystemException.class,
                            e -> assertThat(e.code()).isEqualTo(PortalError.SCAN_UNREACHABLE));
        } finally {
            killed.close();
        }
    }

    static byte[] cleanPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Vollmacht fuer die Antragstellung");
                text.endText();
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        }
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Counts what the scanner read, to prove the whole document went to clamd. */
    static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
