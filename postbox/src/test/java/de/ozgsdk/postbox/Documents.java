package de.ozgsdk.postbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Small real files of the allowed types, built in the test. */
final class Documents {

    private Documents() {
    }

    /** A minimal but well-formed one-page PDF of about {@code size} bytes (padded with a comment). */
    static byte[] pdf(int size) {
        String head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n";
        String tail = "trailer<</Root 1 0 R>>\n%%EOF\n";
        int padding = Math.max(0, size - head.length() - tail.length() - 2);
        char[] fill = new char[padding];
        Arrays.fill(fill, 'x');
        return (head + "%" + new String(fill) + "\n" + tail).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 1x1 PNG. */
    static byte[] png() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
