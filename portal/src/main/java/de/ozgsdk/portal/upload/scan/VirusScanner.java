package de.ozgsdk.portal.upload.scan;

import de.ozgsdk.core.RemoteSystemException;
import java.io.InputStream;

/**
 * Checks the bytes of an uploaded document for malware before the portal accepts it; implemented by
 * {@code ClamdScanner} (ClamAV's clamd) and by anything an IT provider already runs.
 *
 * <p>The portal fails closed: when {@link #scan} throws, the upload is refused with "try again later" unless the
 * operator explicitly allows accepting with a later rescan.
 */
public interface VirusScanner {

    /**
     * Reads {@code content} to its end and says whether it is clean.
     *
     * @param content the document's bytes; the scanner does not close it
     * @return the verdict
     * @throws RemoteSystemException when the scanner is unreachable, too slow, or refuses the document (for example
     *     over its size limit), so no verdict exists
     * @throws java.io.UncheckedIOException when {@code content} itself cannot be read (not the scanner's fault)
     */
    ScanResult scan(InputStream content);

    /**
     * Checks that the scanner is reachable and answers (for health indicators); throws like {@link #scan} if not.
     */
    void selfCheck();
}
