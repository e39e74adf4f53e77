package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.forms.data.FormData;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the citizen gets after submitting, and what a {@link ReceiptRenderer} turns into the PDF receipt: the
 * submission id (the application message's id, known to the back office), the submitted data, when it was
 * submitted and the time of its RFC 3161 time-stamp, the payment reference and the introduction text of the service.
 * The same application always yields the same receipt, however often submit is called and on whichever node.
 *
 * @param submissionId     the submission id of the application message
 * @param applicationId    the application (draft id) it was submitted from
 * @param tenant           the responsible municipality
 * @param municipality     its name in the receipt's language
 * @param serviceId        the online service
 * @param serviceVersion   its version
 * @param serviceTitle     its title in the receipt's language
 * @param locale           the receipt's language (the application's)
 * @param submittedAt      when the runtime accepted the application
 * @param timestampTime    the time in the RFC 3161 time-stamp token (genTime)
 * @param timestampToken   the DER-encoded time-stamp token over {@code messageDigest}
 * @param messageDigest    the SHA-256 submission digest of the application message that was stamped
 * @param fee              the fee paid, if one was due
 * @param paymentReference the payment reference (e.g. the Kassenzeichen), if a fee was paid
 * @param intro            the introduction text of the service, placeholders filled
 * @param data             the submitted data (hidden answers dropped)
 * @param postboxMessageId the id of the postbox message sent with the receipt, if the citizen has a postbox
 */
public record SubmissionReceipt(UUID submissionId, UUID applicationId, TenantId tenant, String municipality,
        String serviceId, String serviceVersion, String serviceTitle, Locale locale, Instant submittedAt,
        Instant timestampTime, byte[] timestampToken, byte[] messageDigest, Optional<Money> fee,
        Optional<String> paymentReference, String intro, FormData data, Optional<UUID> postboxMessageId) {

    /** Checks that every part is present and copies the byte arrays. */
    public SubmissionReceipt {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        Objects.requireNonNull(serviceTitle, "serviceTitle");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(timestampTime, "timestampTime");
        timestampToken = timestampToken.clone();
        messageDigest = messageDigest.clone();
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(postboxMessageId, "postboxMessageId");
    }

    /** A copy of the DER-encoded time-stamp token. */
    @Override
    public byte[] timestampToken() {
        return timestampToken.clone();
    }

    /** A copy of the stamped digest. */
    @Override
    public byte[] messageDigest() {
        return messageDigest.clone();
    }

    /** The stamped digest in lower-case hex, as printed on the receipt. */
    public String messageDigestHex() {
        return HexFormat.of().formatHex(messageDigest);
    }

    /** Equal when every part is equal, byte arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SubmissionReceipt r && submissionId.equals(r.submissionId)
                && applicationId.equals(r.applicationId) && tenant.equals(r.tenant)
                && municipality.equals(r.municipality) && serviceId.equals(r.serviceId)
                && serviceVersion.equals(r.serviceVersion) && serviceTitle.equals(r.serviceTitle)
                && locale.equals(r.locale) && submittedAt.equals(r.submittedAt)
                && timestampTime.equals(r.timestampTime)
                && Arrays.equals(timestampToken, r.timestampToken)
                && Arrays.equals(messageDigest, r.messageDigest) && fee.equals(r.fee)
                && paymentReference.equals(r.paymentReference) && intro.equals(r.intro) && data.equals(r.data)
                && postboxMessageId.equals(r.postboxMessageId);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(submissionId, applicationId, submittedAt, Arrays.hashCode(messageDigest));
    }

    /** Ids and times only: the data are personal. */
    @Override
    public String toString() {
        return "SubmissionReceipt[submissionId=" + submissionId + ", tenant=" + tenant + ", service=" + serviceId
                + " " + serviceVersion + ", submittedAt=" + submittedAt + ", timestampTime=" + timestampTime + "]";
    }
}
