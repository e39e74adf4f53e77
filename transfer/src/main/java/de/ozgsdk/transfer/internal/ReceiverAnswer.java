package de.ozgsdk.transfer.internal;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.TransferError;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Turns a receiver's answer to a posted application into a {@link Receipt} or a classified failure. */
public final class ReceiverAnswer {

    private static final String REQUEST_ID = "X-Request-Id";

    private ReceiverAnswer() {
    }

    /**
     * The receipt in {@code response}, or the failure it reports (see {@code HttpsChannel} for the rules).
     *
     * @throws IOException if reading the receipt body failed
     */
    public static Receipt read(Response response, String system, String submissionId, Instant now, int maxBytes)
            throws IOException {
        int status = response.code();
        if (status == 409) {
            Receipt.Builder receipt = Receipt.builder(submissionId, now).alreadyDelivered(true);
            Optional<byte[]> body = body(response, maxBytes);
            body.filter(bytes -> bytes.length > 0).ifPresent(bytes -> receipt.document(bytes, mediaType(response)));
            return receipt.build();
        }
        if (status >= 200 && status < 300) {
            byte[] body = body(response, maxBytes).orElseThrow(() -> failure(TransferError.HTTPS_RECEIPT_TOO_LARGE,
                    response, RemoteSystemException.Side.REMOTE, system, submissionId, maxBytes));
            if (body.length == 0) {
                throw failure(TransferError.HTTPS_RECEIPT_MISSING, response, RemoteSystemException.Side.REMOTE,
                        system, submissionId, status);
            }
            Receipt.Builder receipt = Receipt.builder(submissionId, now).document(body, mediaType(response));
            Optional.ofNullable(response.header("Location")).ifPresent(receipt::reference);
            return receipt.build();
        }
        if (status >= 300 && status < 400) {
            throw failure(TransferError.HTTPS_REDIRECTED, response, RemoteSystemException.Side.LOCAL, system,
                    submissionId, status);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500 || status < 200) {
            throw failure(TransferError.HTTPS_UNAVAILABLE, response, RemoteSystemException.Side.REMOTE, system,
                    submissionId, status);
        }
        throw failure(TransferError.HTTPS_REFUSED, response, RemoteSystemException.Side.LOCAL, system, submissionId,
                status);
    }

    /** The retryable failure for a connection that could not be made, broke or timed out. */
    public static RemoteSystemException connectionFailed(String system, String submissionId, IOException cause) {
        String what = cause instanceof SSLException ? "TLS handshake failed: " + cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName();
        return RemoteSystemException.builder(TransferError.HTTPS_CONNECTION_FAILED, system)
                .side(RemoteSystemException.Side.UNKNOWN)
                .cause(cause)
                .arguments(system, submissionId, what)
                .build();
    }

    /** The body, or empty if it is longer than {@code maxBytes}. */
    private static Optional<byte[]> body(Response response, int maxBytes) throws IOException {
        ResponseBody body = response.body();
        BufferedSource source = body.source();
        if (source.request(maxBytes + 1L)) {
            return Optional.empty();
        }
        return Optional.of(source.readByteArray());
    }

    private static Optional<String> mediaType(Response response) {
        return Optional.ofNullable(response.body().contentType()).map(MediaType::toString);
    }

    private static RemoteSystemException failure(TransferError code, Response response, RemoteSystemException.Side side,
            String system, String submissionId, Object detail) {
        return RemoteSystemException.builder(code, system)
                .httpStatus(response.code())
                .side(side)
                .requestId(response.header(REQUEST_ID))
                .arguments(system, submissionId, detail)
                .build();
    }
}
