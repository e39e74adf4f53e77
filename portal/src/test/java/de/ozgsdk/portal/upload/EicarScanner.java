package de.ozgsdk.portal.upload;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.upload.scan.ScanResult;
import de.ozgsdk.portal.upload.scan.VirusScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The upload pipeline's test double of a virus scanner (the real clamd client is tested against a real clamd): it
 * reads the whole stream, as clamd's INSTREAM does, finds the EICAR test string anywhere in it, and can be switched
 * "unreachable", when it throws like a scanner whose socket is closed.
 */
public final class EicarScanner implements VirusScanner {

    /** The EICAR anti-malware test file (68 bytes), the string every scanner reports as malware. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final byte[] PATTERN = EICAR.getBytes(StandardCharsets.US_ASCII);

    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final AtomicInteger scans = new AtomicInteger();

    /** Whether the next scans reach the scanner. */
    public void reachable(boolean reachable) {
        this.reachable.set(reachable);
    }

    /** How many streams were scanned to their end. */
    public int scans() {
        return scans.get();
    }

    @Override
    public ScanResult scan(InputStream content) {
        if (!reachable.get()) {
            throw RemoteSystemException.builder(PortalError.UPLOAD_SCANNER_UNAVAILABLE, "test scanner")
                    .side(RemoteSystemException.Side.REMOTE).build();
        }
        byte[] buffer = new byte[64 * 1024];
        int matched = 0;
        boolean found = false;
        try {
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                for (int i = 0; i < n && !found; i++) {
                    matched = buffer[i] == PATTERN[matched] ? matched + 1 : buffer[i] == PATTERN[0] ? 1 : 0;
                    found = matched == PATTERN.length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scans.incrementAndGet();
        return found ? ScanResult.infected("Eicar-Test-Signature") : ScanResult.cleanResult();
    }

    @Override
    public void selfCheck() {
        scan(InputStream.nullInputStream());
    }
}
