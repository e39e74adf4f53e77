package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.transfer.TransferError;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One attachment (Anlage) of a FIT-Connect submission: its bytes, file name, media type and {@code purpose}
 * ({@code form}, {@code attachment}, {@code report} or {@code data}), encrypted and uploaded on its own; the metadata
 * carry its SHA-512 hash.
 */
public final class FitConnectAttachment {

    private static final Set<String> PURPOSES = Set.of("form", "attachment", "report", "data");
    private static final Pattern MIME_TYPE = Pattern.compile("[-\\w.]+/[-\\w.+]+");

    private final byte[] content;
    private final String filename;
    private final String mimeType;
    private final String purpose;

    private FitConnectAttachment(byte[] content, String filename, String mimeType, String purpose) {
        this.content = content;
        this.filename = filename;
        this.mimeType = mimeType;
        this.purpose = purpose;
    }

    /**
     * An attachment; {@code purpose} is {@code form}, {@code attachment}, {@code report} or {@code data}.
     *
     * @throws InvalidInputException if media type or purpose are not what the metadata schema allows
     */
    public static FitConnectAttachment of(byte[] content, String filename, String mimeType, String purpose) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(purpose, "purpose");
        if (!MIME_TYPE.matcher(mimeType).matches() || !PURPOSES.contains(purpose)) {
            throw new InvalidInputException(TransferError.FITCONNECT_CONFIG_INVALID, "attachment",
                    "mimeType must look like type/subtype and purpose be one of " + PURPOSES);
        }
        return new FitConnectAttachment(content.clone(), filename, mimeType, purpose);
    }

    /** A copy of the attachment's bytes. */
    public byte[] content() {
        return content.clone();
    }

    byte[] contentUnsafe() {
        return content;
    }

    public String filename() {
        return filename;
    }

    public String mimeType() {
        return mimeType;
    }

    public String purpose() {
        return purpose;
    }

    @Override
    public String toString() {
        return "FitConnectAttachment[" + mimeType + ", " + purpose + ", " + content.length + " bytes]";
    }
}
