package de.ozgsdk.portal.upload;

import java.util.Objects;
import java.util.UUID;

/**
 * A document the portal accepted into a file field of an application: what the review page shows and what travels as
 * an attachment. The name may be personal data ("Ausweis_Erika_Mustermann.pdf"): {@link #toString()} leaves it out.
 *
 * @param id        the upload id
 * @param fieldPath the data path of the file field, e.g. {@code G60000086[0].F60000123}
 * @param name      the sanitised file name, unique within the application; also the field's value in the form data
 * @param mediaType the media type decided by the content, e.g. {@code application/pdf}
 * @param size      the size in bytes
 * @param sha512    SHA-512 of the bytes, 128 lower-case hex digits
 * @param scanned   whether the virus scanner found it clean; false only when the operator allows accepting while the
 *                  scanner is unreachable ({@link UploadLimits.Builder#acceptUnscanned}), until the rescan
 */
public record StoredDocument(UUID id, String fieldPath, String name, String mediaType, long size, String sha512,
        boolean scanned) {

    /** Checks that all parts are present. */
    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha512, "sha512");
    }

    @Override
    public String toString() {
        return "StoredDocument[" + id + ", field=" + fieldPath + ", " + mediaType + ", " + size + " bytes]";
    }
}
