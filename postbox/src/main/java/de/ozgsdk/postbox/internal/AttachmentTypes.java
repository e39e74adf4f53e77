package de.ozgsdk.postbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file types the BundID postbox takes (txt, rtf, ics, csv, jpeg, gif, png, tiff, bmp, svg, pdf), their media
 * types, and a check that a file's content is of the type its extension names (by its leading bytes; text types by
 * the absence of NUL bytes and their own start where they have one).
 */
public final class AttachmentTypes {

    private static final Map<String, String> MEDIA_TYPES = new LinkedHashMap<>();

    static {
        MEDIA_TYPES.put("txt", "text/plain");
        MEDIA_TYPES.put("rtf", "application/rtf");
        MEDIA_TYPES.put("ics", "text/calendar");
        MEDIA_TYPES.put("csv", "text/csv");
        MEDIA_TYPES.put("jpeg", "image/jpeg");
        MEDIA_TYPES.put("jpg", "image/jpeg");
        MEDIA_TYPES.put("gif", "image/gif");
        MEDIA_TYPES.put("png", "image/png");
        MEDIA_TYPES.put("tiff", "image/tiff");
        MEDIA_TYPES.put("tif", "image/tiff");
        MEDIA_TYPES.put("bmp", "image/bmp");
        MEDIA_TYPES.put("svg", "image/svg+xml");
        MEDIA_TYPES.put("pdf", "application/pdf");
    }

    private AttachmentTypes() {
    }

    /** The allowed extensions, as a list for messages. */
    public static String allowed() {
        return String.join(", ", MEDIA_TYPES.keySet());
    }

    /** The lower-case extension of {@code filename} (after the last dot), empty if it has none. */
    public static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 || dot == filename.length() - 1 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type of an allowed extension. */
    public static Optional<String> mediaType(String extension) {
        return Optional.ofNullable(MEDIA_TYPES.get(extension));
    }

    /** Why {@code content} is not of the type of {@code extension}, or empty if it is. */
    public static Optional<String> mismatch(String extension, byte[] content) {
        return switch (extension) {
            case "pdf" -> starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII), "no %PDF- header");
            case "png" -> starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                    "no PNG signature");
            case "jpeg", "jpg" -> starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "no JPEG SOI");
            case "gif" -> startsText(content, "GIF87a").isEmpty() ? Optional.empty()
                    : starts(content, "GIF89a".getBytes(StandardCharsets.US_ASCII), "no GIF87a/GIF89a header");
            case "tiff", "tif" -> startsText(content, "II*\0").isEmpty() ? Optional.empty()
                    : starts(content, "MM\0*".getBytes(StandardCharsets.ISO_8859_1), "no TIFF byte-order header");
            case "bmp" -> starts(content, "BM".getBytes(StandardCharsets.US_ASCII), "no BM header");
            case "rtf" -> startsText(content, "{\\rtf");
            case "ics" -> text(content).or(() -> startsText(withoutBom(content), "BEGIN:VCALENDAR"));
            case "svg" -> text(content).or(() -> svg(content));
            default -> text(content);
        };
    }

    private static Optional<String> starts(byte[] content, byte[] prefix, String problem) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length)
                ? Optional.empty() : Optional.of(problem);
    }

    private static Optional<String> startsText(byte[] content, String prefix) {
        return starts(content, prefix.getBytes(StandardCharsets.ISO_8859_1), "it does not start with " + prefix
                .replace("\0", "\\0"));
    }

    private static Optional<String> text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return Optional.of("it holds NUL bytes, so it is no text");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> svg(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        return head.contains("<svg") ? Optional.empty() : Optional.of("no <svg element at its start");
    }

    private static byte[] withoutBom(byte[] content) {
        boolean bom = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf;
        return bom ? Arrays.copyOfRange(content, 3, content.length) : content;
    }
}
