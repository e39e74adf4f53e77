package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.portal.runtime.ReceiptRenderer;
import de.ozgsdk.portal.runtime.SubmissionReceipt;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The runtime's {@link ReceiptRenderer} that writes the PDF/A-2b receipt with {@link ReceiptPdf}: one section per
 * step of the service with the submitted answers under the labels the citizen saw (values of selection lists by
 * their names), the submission id and time, the time-stamp time and the payment reference. Give it to the runtime
 * with {@code ServiceRuntime.Builder.receiptRenderer(new PdfReceiptRenderer("D-TRUST Timestamp", "ePayBL"))}.
 */
public final class PdfReceiptRenderer implements ReceiptRenderer {

    private final ReceiptPdf pdf = new ReceiptPdf();
    private final String timestampAuthority;
    private final String paymentProvider;

    /**
     * A renderer naming the time-stamp authority and the payment service as the receipt shows them.
     *
     * @param timestampAuthority the time-stamp authority, e.g. "D-TRUST Qualified Timestamp"
     * @param paymentProvider    the payment service, e.g. "ePayBL"
     */
    public PdfReceiptRenderer(String timestampAuthority, String paymentProvider) {
        this.timestampAuthority = requireText(timestampAuthority, "timestampAuthority");
        this.paymentProvider = requireText(paymentProvider, "paymentProvider");
    }

    @Override
    public RenderedReceipt render(SubmissionReceipt receipt, OnlineService service, PortalTenant tenant) {
        Locale locale = receipt.locale();
        ReceiptContent.Builder content = ReceiptContent.builder(service, tenant, receipt.submissionId().toString(),
                receipt.submittedAt(), locale)
                .timestamp(new ReceiptTimestamp(receipt.timestampTime(), timestampAuthority));
        if (receipt.fee().isPresent() && receipt.paymentReference().isPresent()) {
            content.payment(new ReceiptPayment(receipt.fee().get(), receipt.paymentReference().get(),
                    paymentProvider));
        }
        for (StepPlan.Step step : service.steps().steps()) {
            ReceiptSection.Builder section = ReceiptSection.builder(step.title().get(locale));
            addElements(section, step.elements(), receipt.data(), locale);
            content.section(section.build());
        }
        String fileName = "de".equals(locale.getLanguage()) ? "eingangsbestaetigung.pdf" : "receipt.pdf";
        return new RenderedReceipt(fileName, "application/pdf", pdf.toBytes(content.build()));
    }

    private static void addElements(ReceiptSection.Builder section, List<ElementRef> refs, FormData data,
            Locale locale) {
        for (ElementRef ref : refs) {
            SchemaElement element = ref.element();
            String id = ref.id().id();
            String label = label(element, locale);
            if (element instanceof Field field) {
                List<String> values = data.values(id);
                if (!values.isEmpty()) {
                    section.row(label, String.join(", ", values.stream().map(v -> display(field, v)).toList()));
                }
            } else if (element instanceof FieldGroup group) {
                List<FormData> instances = data.groups(id).stream().filter(g -> !g.isBlank()).toList();
                for (int i = 0; i < instances.size(); i++) {
                    String heading = instances.size() > 1 ? label + " " + (i + 1) : label;
                    ReceiptSection.Builder nested = ReceiptSection.builder(heading);
                    addElements(nested, group.children(), instances.get(i), locale);
                    section.section(nested.build());
                }
            }
        }
    }

    private static String label(SchemaElement element, Locale locale) {
        LocalizedText text = element.metadata().outputLabel().orElse(element.metadata().label());
        return text.get(locale);
    }

    /** The name of a value of a selection list with inline values; other values as entered. */
    private static String display(Field field, String value) {
        return field.values().stream().filter(v -> v.code().equals(value)).map(InlineValue::name).findFirst()
                .orElse(value);
    }

    private static String requireText(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text;
    }
}
