package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.xoev.message.ApplicationMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The "Einreichungsnachweis": the text whose SHA-256 an RFC 3161 time-stamp of a submission covers. One line per
 * item, LF-separated, UTF-8 (documented in MESSAGE.md):
 *
 * <pre>
 * urn:ozgsdk:xoev:antrag:1.0#einreichungsnachweis
 * einreichungsID:0f8fad5b-d9cb-469f-a165-70867728950e
 * einreichungszeitpunkt:2025-03-14T09:30:00Z
 * leikaLeistung:99123456760000
 * mandant:053150000000
 * dienst:wohnsitz-anmeldung
 * dienstVersion:2.1.0
 * fachdaten:&lt;SHA-256 of the canonical Fachdaten, hex&gt;
 * anlage:&lt;size&gt;:&lt;sha256 hex&gt;:&lt;file name&gt;        (one line per attachment, in message order)
 * </pre>
 */
public final class SubmissionDigests {

    /** What the digest takes of one attachment. */
    public record Attachment(String name, long size, String sha256) {
    }

    private SubmissionDigests() {
    }

    /** SHA-256 of the Einreichungsnachweis. */
    public static byte[] of(ApplicationMetadata metadata, byte[] fachdatenSha256, List<Attachment> attachments) {
        return Digests.sha256(text(metadata, fachdatenSha256, attachments).getBytes(StandardCharsets.UTF_8));
    }

    /** The Einreichungsnachweis as text. */
    public static String text(ApplicationMetadata metadata, byte[] fachdatenSha256, List<Attachment> attachments) {
        StringBuilder text = new StringBuilder(512)
                .append("urn:ozgsdk:xoev:antrag:1.0#einreichungsnachweis\n")
                .append("einreichungsID:").append(metadata.submissionId()).append('\n')
                .append("einreichungszeitpunkt:").append(metadata.submittedAt()).append('\n')
                .append("leikaLeistung:").append(metadata.leikaKey().value()).append('\n')
                .append("mandant:").append(metadata.tenant().value()).append('\n')
                .append("dienst:").append(metadata.serviceId()).append('\n')
                .append("dienstVersion:").append(metadata.serviceVersion()).append('\n')
                .append("fachdaten:").append(Digests.hex(fachdatenSha256)).append('\n');
        for (Attachment attachment : attachments) {
            text.append("anlage:").append(attachment.size()).append(':').append(attachment.sha256()).append(':')
                    .append(attachment.name()).append('\n');
        }
        return text.toString();
    }
}
