package de.ozgsdk.xoev.message;

import de.ozgsdk.xoev.internal.message.AttachmentNames;
import de.ozgsdk.xoev.internal.serial.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An attachment to put into an application message ({@code <antrag:anlage>}): its name, media type and either its
 * content, which the writer streams as base64 into {@code <antrag:inhalt>} and measures on the way, or a
 * reference to content carried outside the message ({@code <antrag:referenz>}, e.g. a {@code cid:} of a multipart
 * transport), for which size and SHA-256 must be given.
 *
 * <pre>{@code
 * AttachmentSource plan = AttachmentSource.of("Grundriss.pdf", "application/pdf",
 *         () -> Files.newInputStream(pdf));                 // opened when the message is written
 * AttachmentSource video = AttachmentSource.ofFile(uploads.resolve("4711/video.mp4"), "video/mp4");
 * }</pre>
 */
public final class AttachmentSource {

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String OWNER = "AttachmentSource";

    /** Opens the content; called once per write (and once more by {@link ApplicationMessage#submissionDigest()}). */
    @FunctionalInterface
    public interface Content {
        /** A new stream over the whole content, which the caller closes. */
        InputStream open() throws IOException;
    }

    private final String name;
    private final String mediaType;
    private final Content content;
    private final URI reference;
    private final long size;
    private final String sha256;

    private AttachmentSource(String name, String mediaType, Content content, URI reference, long size,
            String sha256) {
        this.name = name;
        this.mediaType = mediaType;
        this.content = content;
        this.reference = reference;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * An attachment whose content the writer streams into the message.
     *
     * @param name      file name shown to the case worker, 1 to 255 characters without {@code / \} and control
     *                  characters (it may contain personal data, so it is never logged)
     * @param mediaType e.g. {@code application/pdf}; lower-cased, without parameters
     * @param content   opens the content
     * @throws de.ozgsdk.core.InvalidInputException {@link MessageError#ATTACHMENT_NAME_INVALID} for a bad name
     * @throws de.ozgsdk.core.InvalidInputException {@code OZG-XOEV-111}/{@code 113} for a missing part or a
     *                                              malformed media type
     */
    public static AttachmentSource of(String name, String mediaType, Content content) {
        Arguments.present(content, "content", OWNER);
        return new AttachmentSource(AttachmentNames.check(name, 0), mediaType(mediaType), content, null, -1, null);
    }

    /** An attachment read from a file, named after the file. */
    public static AttachmentSource ofFile(Path file, String mediaType) {
        Arguments.present(file, "file", OWNER);
        return of(file.getFileName().toString(), mediaType, () -> Files.newInputStream(file));
    }

    /**
     * An attachment carried outside the message, e.g. as another part of a multipart transport.
     *
     * @param reference where the receiver finds the content, e.g. {@code cid:anlage-1@example.org}; absolute
     * @param size      size of the content in bytes
     * @param sha256    SHA-256 of the content, 64 lower-case hex digits
     * @throws de.ozgsdk.core.InvalidInputException {@code OZG-XOEV-111}/{@code 113} naming a missing or malformed
     *                                              part, {@link MessageError#ATTACHMENT_NAME_INVALID} for a bad name
     */
    public static AttachmentSource referenced(String name, String mediaType, URI reference, long size,
            String sha256) {
        Arguments.present(reference, "reference", OWNER);
        Arguments.present(sha256, "sha256", OWNER);
        if (!reference.isAbsolute()) {
            throw Arguments.malformed("reference", OWNER, "absolute URI such as cid:...");
        }
        if (size < 0) {
            throw Arguments.malformed("size", OWNER, "at least 0");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw Arguments.malformed("sha256", OWNER, "64 lower-case hex digits");
        }
        return new AttachmentSource(AttachmentNames.check(name, 0), mediaType(mediaType), null, reference, size,
                sha256);
    }

    private static String mediaType(String mediaType) {
        Arguments.present(mediaType, "mediaType", OWNER);
        String lower = mediaType.strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPE.matcher(lower).matches()) {
            throw Arguments.malformed("mediaType", OWNER, "type/subtype without parameters, e.g. application/pdf");
        }
        return lower;
    }

    /** The file name. */
    public String name() {
        return name;
    }

    /** The media type, e.g. {@code application/pdf}. */
    public String mediaType() {
        return mediaType;
    }

    /** The content, empty for a referenced attachment. */
    public Optional<Content> content() {
        return Optional.ofNullable(content);
    }

    /** Where the content is carried, for a referenced attachment. */
    public Optional<URI> reference() {
        return Optional.ofNullable(reference);
    }

    /** The declared size of a referenced attachment; empty for content the writer measures. */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** The declared SHA-256 (hex) of a referenced attachment; empty for content the writer measures. */
    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    @Override
    public String toString() {
        // The name may be personal data ("Ausweis_Erika_Mustermann.pdf").
        return "AttachmentSource[" + mediaType + (reference != null ? ", referenced" : "") + "]";
    }
}
