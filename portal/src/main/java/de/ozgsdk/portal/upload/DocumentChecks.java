package de.ozgsdk.portal.upload;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/** The content checks of an upload: type by magic bytes (Tika), extension, PDF structure, and the file name. */
final class DocumentChecks {

    /** Bytes of the head that type detection looks at. */
    static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_NAME = 120;
    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private DocumentChecks() {
    }

    /** The media type of the content, decided by its first bytes only (never by name or the browser's header). */
    static String detect(byte[] head) {
        try {
            MediaType type = TYPES.detect(new ByteArrayInputStream(head), new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory", e);
        }
    }

    /** Refuses a type outside {@code allowed} (media types or ranges such as {@code image/*}). */
    static void requireAllowed(String type, List<String> allowed) {
        for (String range : allowed) {
            String r = range.strip().toLowerCase(Locale.ROOT);
            if (r.equals(type) || r.endsWith("/*") && type.startsWith(r.substring(0, r.length() - 1))) {
                return;
            }
        }
        throw new InvalidInputException(PortalError.UPLOAD_TYPE_NOT_ALLOWED, display(type),
                String.join(", ", allowed.stream().map(DocumentChecks::display).toList()));
    }

    /** Refuses a file name whose extension is not one of the detected type's. */
    static void requireExtensionFits(String type, String name) {
        String extension = extension(name).orElse("");
        List<String> known;
        try {
            known = TYPES.forName(type).getExtensions();
        } catch (MimeTypeException e) {
            known = List.of();
        }
        if (!known.contains("." + extension)) {
            throw new InvalidInputException(PortalError.UPLOAD_EXTENSION_MISMATCH, display(type),
                    extension.isEmpty() ? "(keine)" : "." + extension);
        }
    }

    /**
     * Refuses an encrypted or damaged PDF. PDFBox needs random access, so the PDF is read into memory, which is why
     * its size is limited ({@link UploadLimits#maxPdfCheckBytes()}).
     */
    static void requireReadablePdf(InputStream pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
            if (document.isEncrypted()) {
                throw new InvalidInputException(PortalError.UPLOAD_PDF_ENCRYPTED);
            }
            if (document.getNumberOfPages() < 1) {
                throw new InvalidInputException(PortalError.UPLOAD_PDF_MALFORMED, "0 pages");
            }
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException(PortalError.UPLOAD_PDF_ENCRYPTED, e);
        } catch (IOException | IllegalStateException | IllegalArgumentException | ClassCastException
                | NullPointerException e) {
            // PDFBox fails on broken structure with these; its message may quote content: only the kind goes out
            throw new InvalidInputException(PortalError.UPLOAD_PDF_MALFORMED, e, e.getClass().getSimpleName());
        }
    }

    /**
     * The name as shown on pages and given to the receiver: the last path segment, NFC, without control, format
     * (bidi overrides) and reserved characters, at most {@value #MAX_NAME} characters with the extension kept.
     */
    static String sanitise(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[<>:\"|?*]", "_")
                .replaceAll("\\s+", " ").strip();
        name = name.replaceFirst("^[. ]+", "");
        if (name.isEmpty()) {
            name = "Dokument";
        }
        if (name.length() > MAX_NAME) {
            String extension = extension(name).map(e -> "." + e).filter(e -> e.length() <= 10).orElse("");
            name = name.substring(0, MAX_NAME - extension.length()).strip() + extension;
        }
        return name;
    }

    /** {@code name}, or with " (2)", " (3)" … before the extension if another document has it. */
    static String unique(String name, List<String> taken) {
        if (!taken.contains(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            String candidate = stem + " (" + i + ")" + extension;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /** A media type as citizens know it ("PDF", "JPEG-Bild"), else the type itself. */
    static String display(String type) {
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "image/*" -> "Bilder";
            case "text/plain" -> "Text";
            default -> type;
        };
    }

    /** A size as citizens read it: "20 MB", "1,5 MB", "800 KB". */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024);
            return (mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.GERMAN, "%.1f", mb))
                    + " MB";
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }
}
