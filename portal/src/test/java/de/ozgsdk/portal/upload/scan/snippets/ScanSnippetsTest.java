package de.ozgsdk.portal.upload.scan.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.portal.upload.scan.ClamdProcess;
import de.ozgsdk.portal.upload.scan.ClamdScanner;
import de.ozgsdk.portal.upload.scan.ScanResult;
import de.ozgsdk.portal.upload.scan.VirusScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virus-scanning sample of PORTAL.md, run against a real clamd. */
class ScanSnippetsTest {

    private final List<String> refused = new ArrayList<>();

    @Test
    void clamdScanner(@TempDir Path directory) throws IOException {
        try (ClamdProcess clamd = ClamdProcess.start()) {
            Path clamdSocket = clamd.socket();
            long streamMaxLength = ClamdProcess.STREAM_MAX_LENGTH;
            Path upload = Files.write(directory.resolve("upload"), ClamdProcess.eicar());

            // @start region="clamd-scanner"
            VirusScanner scanner = ClamdScanner.unixSocket(clamdSocket) // LocalSocket of clamd.conf
                    .maxStreamLength(streamMaxLength) // StreamMaxLength of clamd.conf
                    .readTimeout(Duration.ofSeconds(60))
                    .build();
            scanner.selfCheck(); // at start-up: fails unless clamd answers PING
            try (InputStream document = Files.newInputStream(upload)) {
                ScanResult verdict = scanner.scan(document);
                if (!verdict.clean()) {
                    refuse("infected: " + verdict.signature().orElseThrow());
                }
            } catch (RemoteSystemException noVerdict) {
                refuse("try again later: " + noVerdict.code().code()); // fail closed
            }
            // @end
        }

        assertThat(refused).containsExactly("infected: " + ClamdProcess.EICAR_SIGNATURE);
    }

    private void refuse(String reason) {
        refused.add(reason);
    }
}
