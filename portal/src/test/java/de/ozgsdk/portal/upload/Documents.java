package de.ozgsdk.portal.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Test documents, generated: a real one-page PDF, an encrypted one, a broken one, a PNG. */
public final class Documents {

    private Documents() {
    }

    /** A valid one-page PDF made by PDFBox. */
    public static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF protected with a user password. */
    public static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header and a catalog pointing at a page tree that is missing, without cross-reference table. */
    public static byte[] brokenPdf() {
        return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The signature and header chunk of a PNG (enough for type detection), then {@code padding} zero bytes. */
    public static byte[] png(int padding) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] png = new byte[head.length + padding];
        System.arraycopy(head, 0, png, 0, head.length);
        return png;
    }

    /** The EICAR test file. */
    public static byte[] eicar() {
        return EicarScanner.EICAR.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
