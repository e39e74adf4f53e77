package de.ozgsdk.transfer.fitconnect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submission fetched and decrypted by the {@link FitConnectSubscriber}, with the result of its checks: the metadata
 * against their JSON Schema, the data's and every attachment's SHA-512 hash against the metadata, and the announced
 * attachments against the metadata. {@link #problems()} is empty when every check passed; then accept it, otherwise
 * reject it with those problems.
 */
public final class ReceivedSubmission {

    private final PendingSubmission ids;
    private final String serviceIdentifier;
    private final Optional<String> metadata;
    private final Optional<byte[]> data;
    private final Map<String, byte[]> attachments;
    private final AuthenticationTags authenticationTags;
    private final List<Problem> problems;

    ReceivedSubmission(PendingSubmission ids, String serviceIdentifier, Optional<String> metadata,
            Optional<byte[]> data, Map<String, byte[]> attachments, AuthenticationTags authenticationTags,
            List<Problem> problems) {
        this.ids = ids;
        this.serviceIdentifier = serviceIdentifier;
        this.metadata = metadata;
        this.data = data;
        this.attachments = new LinkedHashMap<>(attachments);
        this.authenticationTags = authenticationTags;
        this.problems = List.copyOf(problems);
    }

    /** Destination, submission and case id. */
    public PendingSubmission ids() {
        return ids;
    }

    /** The {@code serviceType.identifier}, e.g. {@code urn:de:fim:leika:leistung:99010003001006}. */
    public String serviceIdentifier() {
        return serviceIdentifier;
    }

    /** The decrypted metadata (JSON), if they could be decrypted. */
    public Optional<String> metadata() {
        return metadata;
    }

    /** A copy of the decrypted data (Fachdaten, e.g. the XÖV application message), if sent and decrypted. */
    public Optional<byte[]> data() {
        return data.map(byte[]::clone);
    }

    /** The ids of the decrypted attachments, in the order announced. */
    public List<String> attachmentIds() {
        return List.copyOf(attachments.keySet());
    }

    /** A copy of the decrypted attachment {@code attachmentId}. */
    public Optional<byte[]> attachment(String attachmentId) {
        return Optional.ofNullable(attachments.get(attachmentId)).map(byte[]::clone);
    }

    /** The JWE authentication tags of what was received, sent back with an accept. */
    public AuthenticationTags authenticationTags() {
        return authenticationTags;
    }

    /** What failed the checks; empty if the submission may be accepted. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether every check passed. */
    public boolean valid() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return "ReceivedSubmission[" + ids.submissionId() + ", case " + ids.caseId() + ", " + attachments.size()
                + " attachments, " + problems.size() + " problems]";
    }
}
