package de.ozgsdk.portal.runtime;

import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.util.Objects;

/**
 * Turns the data of a receipt into a document (the PDF/A receipt of {@code de.ozgsdk.portal.receipt}); the seam
 * between the runtime, which decides what a receipt says, and the writer of the document. Implementations are
 * thread-safe and deterministic for the same receipt.
 */
@FunctionalInterface
public interface ReceiptRenderer {

    /**
     * The document of {@code receipt}.
     *
     * @param receipt what was submitted, when, with which time-stamp and payment
     * @param service the service, for the labels of the form and the texts
     * @param tenant  the responsible municipality, for its name and branding
     */
    RenderedReceipt render(SubmissionReceipt receipt, OnlineService service, PortalTenant tenant);

    /**
     * A rendered receipt.
     *
     * @param fileName  the file name offered for download and used as the postbox attachment, e.g.
     *                  {@code eingangsbestaetigung.pdf}
     * @param mediaType e.g. {@code application/pdf}
     * @param content   the document
     */
    record RenderedReceipt(String fileName, String mediaType, byte[] content) {

        /** Copies the content. */
        public RenderedReceipt {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
            content = content.clone();
        }

        /** A copy of the content. */
        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
