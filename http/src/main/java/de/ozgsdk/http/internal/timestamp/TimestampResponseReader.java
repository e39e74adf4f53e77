package de.ozgsdk.http.internal.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.RemoteSystemException.Side;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.timestamp.TimestampError;

/**
 * Reads an RFC 3161 {@code TimeStampResp} and checks it against the {@code TimeStampReq} it answers: PKI status,
 * nonce, message imprint and policy, each with its own error code. The token's signature and certificate are checked
 * afterwards by {@link TimestampTokenVerifier}; nothing read here is trusted before that.
 */
public final class TimestampResponseReader {

    /** Name of the remote system in {@link RemoteSystemException}s. */
    public static final String SYSTEM = "TSA";

    private static final int MAX_STATUS_TEXT = 200;

    private TimestampResponseReader() {
    }

    /**
     * Parses {@code der} and checks it against {@code request}; returns the (not yet verified) token.
     *
     * @param tsa how to name the TSA in messages (its host)
     * @param httpStatus the HTTP status the answer came with, for {@link RemoteSystemException}
     */
    public static TimeStampToken read(byte[] der, TimeStampRequest request, String tsa, int httpStatus) {
        Objects.requireNonNull(der, "der");
        String requestId = request.getNonce() == null ? null : request.getNonce().toString(16);
        TimeStampResponse response = parse(der, tsa, httpStatus, requestId);
        checkStatus(response, tsa, httpStatus, requestId);
        // Bouncy Castle parses the token together with the response; a token it cannot read fails parse() above.
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw remote(TimestampError.TSA_RESPONSE_MALFORMED, httpStatus, requestId, null)
                    .arguments(tsa, "status granted without timeStampToken").build();
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        checkNonce(request.getNonce(), info.getNonce());
        checkImprint(request, info);
        checkPolicy(request.getReqPolicy(), info.getPolicy());
        return token;
    }

    private static TimeStampResponse parse(byte[] der, String tsa, int httpStatus, String requestId) {
        try {
            // fromByteArray refuses trailing bytes after the structure, which the stream constructors would ignore.
            return new TimeStampResponse(TimeStampResp.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | TSPException | RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with assorted runtime exceptions (IllegalArgumentException,
            // IllegalStateException, ClassCastException, ...): for bytes from the network all mean the same.
            throw remote(TimestampError.TSA_RESPONSE_MALFORMED, httpStatus, requestId, e)
                    .arguments(tsa, e.getClass().getSimpleName()).build();
        }
    }

    private static void checkStatus(TimeStampResponse response, String tsa, int httpStatus, String requestId) {
        int status = response.getStatus();
        if (status == PKIStatus.GRANTED || status == PKIStatus.GRANTED_WITH_MODS) {
            return;
        }
        PKIFailureInfo failInfo = response.getFailInfo();
        List<String> failures = failureNames(failInfo);
        throw remote(TimestampError.TSA_REJECTED, httpStatus, requestId, null)
                .side(sideOf(status, failInfo))
                .arguments(tsa, statusName(status), failures.isEmpty() ? "-" : String.join(", ", failures),
                        sanitize(statusText(response)))
                .build();
    }

    /** The TSA's free-text status; Bouncy Castle decodes it only here and throws on invalid UTF-8 (found by fuzzing). */
    private static String statusText(TimeStampResponse response) {
        try {
            return response.getStatusString();
        } catch (RuntimeException e) {
            return "(unreadable status text)";
        }
    }

    private static void checkNonce(BigInteger sent, BigInteger received) {
        if (sent != null && !sent.equals(received)) {
            throw new SecurityCheckException(TimestampError.NONCE_MISMATCH,
                    sent.toString(16), received == null ? "-" : received.toString(16));
        }
    }

    private static void checkImprint(TimeStampRequest request, TimeStampTokenInfo info) {
        ASN1ObjectIdentifier sentAlgorithm = request.getMessageImprintAlgOID();
        ASN1ObjectIdentifier receivedAlgorithm = info.getMessageImprintAlgOID();
        if (!sentAlgorithm.equals(receivedAlgorithm)
                || !MessageDigest.isEqual(request.getMessageImprintDigest(), info.getMessageImprintDigest())) {
            throw new SecurityCheckException(TimestampError.IMPRINT_MISMATCH,
                    HashAlgorithm.describe(sentAlgorithm), HashAlgorithm.describe(receivedAlgorithm));
        }
    }

    private static void checkPolicy(ASN1ObjectIdentifier requested, ASN1ObjectIdentifier received) {
        if (requested != null && !requested.equals(received)) {
            throw new SecurityCheckException(TimestampError.POLICY_MISMATCH, requested, received);
        }
    }

    private static RemoteSystemException.Builder remote(
            TimestampError code, int httpStatus, String requestId, Throwable cause) {
        return RemoteSystemException.builder(code, SYSTEM)
                .httpStatus(httpStatus)
                .side(Side.REMOTE)
                .requestId(requestId)
                .cause(cause);
    }

    /** Failure reasons that say our request was wrong put the blame on our side; the rest on the TSA. */
    private static Side sideOf(int status, PKIFailureInfo failInfo) {
        int bits = failInfo == null ? 0 : failInfo.intValue();
        int ourFault = PKIFailureInfo.badAlg | PKIFailureInfo.badRequest | PKIFailureInfo.badDataFormat
                | PKIFailureInfo.unacceptedPolicy | PKIFailureInfo.unacceptedExtension;
        int theirFault = PKIFailureInfo.timeNotAvailable | PKIFailureInfo.addInfoNotAvailable
                | PKIFailureInfo.systemFailure;
        if ((bits & ourFault) != 0) {
            return Side.LOCAL;
        }
        if ((bits & theirFault) != 0 || status == PKIStatus.WAITING) {
            return Side.REMOTE;
        }
        return Side.UNKNOWN;
    }

    private static List<String> failureNames(PKIFailureInfo failInfo) {
        List<String> names = new ArrayList<>();
        if (failInfo == null) {
            return names;
        }
        int bits = failInfo.intValue();
        addIf(names, bits, PKIFailureInfo.badAlg, "badAlg");
        addIf(names, bits, PKIFailureInfo.badRequest, "badRequest");
        addIf(names, bits, PKIFailureInfo.badDataFormat, "badDataFormat");
        addIf(names, bits, PKIFailureInfo.timeNotAvailable, "timeNotAvailable");
        addIf(names, bits, PKIFailureInfo.unacceptedPolicy, "unacceptedPolicy");
        addIf(names, bits, PKIFailureInfo.unacceptedExtension, "unacceptedExtension");
        addIf(names, bits, PKIFailureInfo.addInfoNotAvailable, "addInfoNotAvailable");
        addIf(names, bits, PKIFailureInfo.systemFailure, "systemFailure");
        if (names.isEmpty() && bits != 0) {
            names.add("0x" + Integer.toHexString(bits));
        }
        return names;
    }

    private static void addIf(List<String> names, int bits, int flag, String name) {
        if ((bits & flag) != 0) {
            names.add(name);
        }
    }

    private static String statusName(int status) {
        switch (status) {
            case PKIStatus.REJECTION:
                return "rejection";
            case PKIStatus.WAITING:
                return "waiting";
            case PKIStatus.REVOCATION_WARNING:
                return "revocationWarning";
            case PKIStatus.REVOCATION_NOTIFICATION:
                return "revocationNotification";
            default:
                return String.valueOf(status);
        }
    }

    /** The status text comes from the remote side: keep it short and free of control characters for the logs. */
    private static String sanitize(String text) {
        if (text == null) {
            return "-";
        }
        String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
        return printable.length() > MAX_STATUS_TEXT ? printable.substring(0, MAX_STATUS_TEXT) + "…" : printable;
    }
}
