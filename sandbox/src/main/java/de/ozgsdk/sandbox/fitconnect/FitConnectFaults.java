package de.ozgsdk.sandbox.fitconnect;

import java.time.Duration;

import de.ozgsdk.sandbox.Fault;

/**
 * The faults of a FIT-Connect scenario, as the sandbox's {@link Fault}s for {@code fitConnect.faults().add(...)};
 * each applies to every matching request until removed, or {@code .once()} / {@code .times(n)}. Key rotation and
 * duplicate callbacks change the mock's state instead: {@link FitConnectSandbox#rotateEncryptionKey(java.util.UUID)},
 * {@link FitConnectSandbox#duplicateCallbacks(boolean)}.
 */
public final class FitConnectFaults {

    private static final String SUBMISSION = "/v1/submissions/*";
    private static final String ATTACHMENT = "/v1/submissions/*/attachments/*";

    private FitConnectFaults() {
    }

    /** The next API request finds its token expired (401), and so does every token issued before it. */
    public static Fault tokenExpired() {
        return Fault.systemError(FitConnectSandbox.SystemError.TOKEN_EXPIRED).onPath("/v1/**");
    }

    /** Submitting ({@code PUT /v1/submissions/{id}}) is answered 503 with a problem: nothing is submitted. */
    public static Fault submitUnavailable() {
        return Fault.systemError(FitConnectSandbox.SystemError.SERVICE_UNAVAILABLE).on("PUT", SUBMISSION);
    }

    /** Attachment uploads are answered only after {@code delay} (the upload itself is kept). */
    public static Fault slowAttachmentUpload(Duration delay) {
        return Fault.latency(delay).on("PUT", ATTACHMENT);
    }

    /** Attachment uploads lose their connection before an answer: nothing is stored. */
    public static Fault attachmentUploadDropped() {
        return Fault.drop().on("PUT", ATTACHMENT);
    }
}
