package de.ozgsdk.xoev.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.crypto.TimestampVerifier;
import de.ozgsdk.xoev.internal.message.CanonicalFachdaten;
import de.ozgsdk.xoev.internal.message.SubmissionDigests;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * An application message as read by {@link ApplicationMessageReader}: header, metadata, the Fachdaten as a DOM
 * element and the checked attachments. The time-stamp token, if any, is verified on request with the caller's
 * verifier ({@link #verifyTimestamp(TimestampVerifier)}; ozg-http's {@code TimestampToken.verifier(trustAnchors)}).
 */
public final class ReceivedApplication {

    private final Nachrichtenkopf header;
    private final ApplicationMetadata metadata;
    private final Element fachdaten;
    private final List<ReceivedAttachment> attachments;

    /** Used by the reader. */
    ReceivedApplication(Nachrichtenkopf header, ApplicationMetadata metadata, Element fachdaten,
            List<ReceivedAttachment> attachments) {
        this.header = Objects.requireNonNull(header, "header");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.fachdaten = Objects.requireNonNull(fachdaten, "fachdaten");
        this.attachments = List.copyOf(attachments);
    }

    /** The Nachrichtenkopf. */
    public Nachrichtenkopf header() {
        return header;
    }

    /** The metadata of the submission. */
    public ApplicationMetadata metadata() {
        return metadata;
    }

    /** The Fachdaten element (the child of {@code <fachdaten>}), a fresh copy per call. */
    public Element fachdaten() {
        return (Element) fachdaten.cloneNode(true);
    }

    /** The attachments in message order, each already checked against its size and SHA-256. */
    public List<ReceivedAttachment> attachments() {
        return attachments;
    }

    /** The submission digest recomputed from what was read; equal to the sender's for an unchanged submission. */
    public byte[] submissionDigest() {
        return SubmissionDigests.of(metadata, CanonicalFachdaten.sha256(fachdaten), attachments.stream()
                .map(a -> new SubmissionDigests.Attachment(a.name(), a.size(), a.sha256())).toList());
    }

    /**
     * Verifies the time-stamp token of the message with {@code verifier} (signature, chain to a trusted time-stamp
     * authority) and that it covers {@link #submissionDigest()}. With ozg-http:
     * {@code application.verifyTimestamp(TimestampToken.verifier(List.of(tsaCa)))}.
     *
     * @return the time the authority attests, which proves when the submission existed
     * @throws InvalidInputException                   {@link MessageError#TIMESTAMP_MISSING} if there is no token
     * @throws de.ozgsdk.core.SecurityCheckException if the token is not trusted or covers other data
     */
    public Instant verifyTimestamp(TimestampVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        byte[] der = metadata.timestampToken().orElseThrow(
                () -> new InvalidInputException(MessageError.TIMESTAMP_MISSING, metadata.submissionId()));
        return verifier.verify(der, submissionDigest());
    }

    @Override
    public String toString() {
        return "ReceivedApplication[" + metadata + ", attachments=" + attachments.size() + "]";
    }
}
