package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.message.AttachmentSource;
import de.ozgsdk.xoev.message.MessageError;
import de.ozgsdk.xoev.message.XmlFragment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

/** The digests a sender needs for the submission digest before writing: Fachdaten and attachment content. */
public final class FragmentDigests {

    private FragmentDigests() {
    }

    /** SHA-256 of the canonical form of the element {@code fragment} writes (it is written and parsed once). */
    public static byte[] fachdatenSha256(XmlFragment fragment, String id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CheckedStreamWriter writer = new CheckedStreamWriter(
                    XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8"), null);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.beginFragment();
            fragment.writeTo(writer);
            writer.endFragment(id);
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new InvalidInputException(MessageError.FACHDATEN_MISSING, e, id,
                    "the fragment failed: " + e.getClass().getSimpleName());
        }
        return CanonicalFachdaten.sha256(SecureXml.defaults()
                .parse(new ByteArrayInputStream(bytes.toByteArray()), "fachdaten-" + id).getDocumentElement());
    }

    /** Size and SHA-256 of an attachment: declared for a referenced one, read once otherwise. */
    public static SubmissionDigests.Attachment attachment(AttachmentSource source, int number, String id) {
        if (source.reference().isPresent()) {
            return new SubmissionDigests.Attachment(source.name(), source.size().orElseThrow(),
                    source.sha256().orElseThrow());
        }
        MessageDigest digest = Digests.sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = source.content().orElseThrow().open()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                size += read;
            }
        } catch (IOException e) {
            throw new ProcessingException(MessageError.ATTACHMENT_SOURCE_FAILED, e, id, number,
                    e.getClass().getSimpleName());
        }
        return new SubmissionDigests.Attachment(source.name(), size, Digests.hex(digest.digest()));
    }
}
