package de.ozgsdk.portal.upload.scan;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of a {@link VirusScanner} on one document.
 *
 * @param clean whether no malware was found
 * @param signature the name of the signature that matched (for the operators' log), empty when clean
 */
public record ScanResult(boolean clean, Optional<String> signature) {

    public ScanResult {
        Objects.requireNonNull(signature, "signature");
        if (clean == signature.isPresent()) {
            throw new IllegalArgumentException("a clean result has no signature, an infected one has one");
        }
    }

    /** No malware found. */
    public static ScanResult cleanResult() {
        return new ScanResult(true, Optional.empty());
    }

    /** Malware found, matched by the named signature. */
    public static ScanResult infected(String signature) {
        Objects.requireNonNull(signature, "signature");
        return new ScanResult(false, Optional.of(signature));
    }
}
