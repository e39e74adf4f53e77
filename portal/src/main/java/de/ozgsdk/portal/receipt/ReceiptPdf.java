package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.portal.PortalError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a receipt (Eingangsbestätigung) as PDF/A-2b and tagged PDF/UA-1: fonts embedded, XMP metadata, sRGB output
 * intent, headings, tables and the logo tagged for screen readers, the submitted data in sections that continue over
 * as many A4 pages as needed, each page numbered. Create it once and share it: it is thread-safe and keeps only the
 * font programs.
 *
 * <pre>{@code
 * ReceiptContent content = ReceiptContent.builder("Anmeldung eines Hundes", "Stadt Köln",
 *                 RegionalKey.parse("053150000000"), "A-2026-000123", Instant.parse("2026-03-02T09:15:00Z"))
 *         .timestamp(new ReceiptTimestamp(Instant.parse("2026-03-02T09:15:01Z"), "Sandbox TSA"))
 *         .payment(new ReceiptPayment(Money.parse("12,50"), "5315.0001.2345", "ePayBL"))
 *         .section(ReceiptSection.builder("Halterin oder Halter")
 *                 .row("Familienname", "Müller-Lüdenscheidt")
 *                 .row("Straße", "Weißdornweg 7")
 *                 .build())
 *         .build();
 * byte[] pdf = new ReceiptPdf().toBytes(content);
 * }</pre>
 */
public final class ReceiptPdf {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPdf.class);

    private static final String REGULAR_FONT = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD_FONT = "liberation/LiberationSans-Bold.ttf";
    private static final int MAX_LOGO_SIDE = 4096;

    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] GREY = {0.3f, 0.3f, 0.3f};
    private static final float[] LIGHT_GREY = {0.7f, 0.7f, 0.7f};
    private static final float[] DEFAULT_BRAND = {0.2f, 0.2f, 0.2f};

    private static final float BODY = 10f;
    private static final float LABEL = 9.5f;
    private static final float LEADING = 13.5f;
    private static final float ROW_GAP = 4f;
    private static final float LABEL_WIDTH = PageFlow.CONTENT_WIDTH * 0.36f;
    private static final float COLUMN_GAP = 12f;
    private static final float VALUE_X = PageFlow.MARGIN_X + LABEL_WIDTH + COLUMN_GAP;
    private static final float VALUE_WIDTH = PageFlow.CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP;
    private static final float LOGO_SIZE = 56f;
    private static final String FIGURE = "Figure";

    private final byte[] regularFont;
    private final byte[] boldFont;

    /** A writer with the Liberation Sans fonts (SIL Open Font License), which cover Latin, Greek and Cyrillic. */
    public ReceiptPdf() {
        this(resource(REGULAR_FONT), resource(BOLD_FONT));
    }

    private ReceiptPdf(byte[] regularFont, byte[] boldFont) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
    }

    /**
     * A writer with the municipality's own TrueType fonts (regular and bold), e.g. its corporate typeface; the fonts
     * must allow embedding, and characters they lack are shown as {@code ?}.
     */
    public static ReceiptPdf withFonts(byte[] regularTtf, byte[] boldTtf) {
        return new ReceiptPdf(Objects.requireNonNull(regularTtf, "regularTtf").clone(),
                Objects.requireNonNull(boldTtf, "boldTtf").clone());
    }

    /** The receipt as PDF bytes, e.g. to store it with the submission and send it to the postbox. */
    public byte[] toBytes(ReceiptContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            write(content, out);
        } catch (IOException e) {
            throw new ProcessingException(PortalError.RECEIPT_WRITE_FAILED, e, content.submissionId(), e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * Streams the receipt to {@code out}, e.g. the HTTP response; {@code out} is flushed, not closed. The same content
     * gives the same bytes, so a receipt shown again after a retry is identical.
     *
     * @throws IOException if writing to {@code out} fails
     */
    public void write(ReceiptContent content, OutputStream out) throws IOException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(out, "out");
        try (PDDocument document = new PDDocument();
                FontFace regular = FontFace.embed(document, regularFont, "regular");
                FontFace bold = FontFace.embed(document, boldFont, "bold")) {
            Layout layout = new Layout(document, content, regular, bold);
            layout.render();
            GregorianCalendar created = GregorianCalendar.from(
                    ZonedDateTime.ofInstant(content.submittedAt(), content.zone()).withNano(0));
            PdfA.apply(document, layout.label("receipt.title") + " " + content.submissionId(),
                    content.municipalityName(), created, layout.locale);
            document.setDocumentId(documentSeed(content.submissionId()));
            document.save(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            LOG.debug("Receipt for submission {} written: {} pages", content.submissionId(), layout.pageCount);
        }
    }

    /** The seed of the PDF file identifier: stable for one submission, so that the receipt is reproducible. */
    private static long documentSeed(String submissionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(submissionId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReceiptPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigurationException(PortalError.RECEIPT_FONT_UNUSABLE, name, "it is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigurationException(PortalError.RECEIPT_FONT_UNUSABLE, e, name, e.getMessage());
        }
    }

    /** The layout of one receipt: a single-use object that draws the content top to bottom. */
    private static final class Layout {
        private final PDDocument document;
        private final ReceiptContent content;
        private final FontFace regular;
        private final FontFace bold;
        private final Locale locale;
        private final ResourceBundle labels;
        private final DateTimeFormatter dateTime;
        private final float[] brand;
        private int pageCount;
        /** The table the next row goes into; a heading ends it. */
        private PDStructureElement table;

        Layout(PDDocument document, ReceiptContent content, FontFace regular, FontFace bold) {
            this.document = document;
            this.content = content;
            this.regular = regular;
            this.bold = bold;
            this.locale = "en".equals(content.locale().getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
            this.labels = ResourceBundle.getBundle("de.ozgsdk.portal.receipt.labels", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.dateTime = DateTimeFormatter.ofPattern(labels.getString("receipt.dateTimePattern"), locale)
                    .withZone(content.zone());
            this.brand = content.brandColour().map(Layout::rgb).orElse(DEFAULT_BRAND);
        }

        void render() throws IOException {
            List<PDPage> pages;
            try (PageFlow flow = new PageFlow(document)) {
                header(flow);
                summary(flow);
                heading(flow, label("receipt.data"), 13f, true, 2);
                for (ReceiptSection section : content.sections()) {
                    section(flow, section, "", 0);
                }
                pages = flow.pages();
                flow.finishStructure();
            }
            pageCount = pages.size();
            for (int i = 0; i < pages.size(); i++) {
                footer(pages.get(i), i + 1, pages.size());
            }
        }

        private void header(PageFlow flow) throws IOException {
            flow.ensure(LOGO_SIZE);
            float textX = PageFlow.MARGIN_X;
            if (content.logoPng().isPresent()) {
                PDImageXObject logo = logo(content.logoPng().get());
                float scale = Math.min(LOGO_SIZE / logo.getWidth(), LOGO_SIZE / logo.getHeight());
                PDStructureElement figure = flow.element(FIGURE);
                figure.setAlternateDescription(label("receipt.logo", content.municipalityName()));
                flow.image(logo, PageFlow.MARGIN_X, logo.getWidth() * scale, logo.getHeight() * scale, figure);
                textX += LOGO_SIZE + COLUMN_GAP;
            }
            float width = PageFlow.MARGIN_X + PageFlow.CONTENT_WIDTH - textX;
            float top = flow.y();
            PDStructureElement name = flow.element(StandardStructureTypes.P);
            for (String line : bold.wrap(bold.displayable(content.municipalityName()), 14f, width)) {
                flow.advance(17f);
                flow.text(bold, 14f, BLACK, textX, line, name);
            }
            flow.advance(13f);
            flow.text(regular, 9f, GREY, textX, label("receipt.regionalKey", content.regionalKey().value()),
                    flow.element(StandardStructureTypes.P));
            flow.advance(Math.max(0, LOGO_SIZE - (top - flow.y())) + 10f);
            flow.rule(PageFlow.MARGIN_X, PageFlow.CONTENT_WIDTH, 2f, brand);
            flow.advance(10f);
            paragraph(flow, bold, 18f, label("receipt.title"), 22f, StandardStructureTypes.H1);
            paragraph(flow, bold, 12f, content.serviceTitle(), 15f, StandardStructureTypes.P);
            flow.advance(4f);
            paragraph(flow, regular, BODY, label("receipt.intro", content.municipalityName()), LEADING,
                    StandardStructureTypes.P);
            flow.advance(8f);
        }

        private void summary(PageFlow flow) throws IOException {
            row(flow, label("receipt.submissionId"), content.submissionId());
            row(flow, label("receipt.submittedAt"), dateTime.format(content.submittedAt()));
            if (content.timestamp().isPresent()) {
                ReceiptTimestamp timestamp = content.timestamp().get();
                row(flow, label("receipt.timestamp"), dateTime.format(timestamp.time()));
                row(flow, label("receipt.timestampAuthority"), timestamp.authority());
            }
            row(flow, label("receipt.service"), content.serviceTitle());
            row(flow, label("receipt.authority"), content.municipalityName() + " ("
                    + label("receipt.regionalKey", content.regionalKey().value()) + ")");
            if (content.payment().isPresent()) {
                ReceiptPayment payment = content.payment().get();
                row(flow, label("receipt.fee"), payment.amount().format(locale));
                row(flow, label("receipt.paymentReference"), payment.reference());
                row(flow, label("receipt.paymentProvider"), payment.provider());
            }
            flow.advance(10f);
        }

        private void section(PageFlow flow, ReceiptSection section, String parentPath, int depth) throws IOException {
            String path = parentPath.isEmpty() ? section.heading() : parentPath + " \u203A " + section.heading();
            heading(flow, path, depth == 0 ? 11.5f : 10.5f, false, Math.min(3 + depth, 6));
            for (ReceiptItem item : section.items()) {
                if (item instanceof ReceiptRow row) {
                    row(flow, row.label(), row.value());
                } else if (item instanceof ReceiptSection nested) {
                    section(flow, nested, path, depth + 1);
                }
            }
        }

        /** A heading (H1 to H6) kept on one page with at least the first row after it; it ends the current table. */
        private void heading(PageFlow flow, String text, float size, boolean ruled, int level) throws IOException {
            table = null;
            PDStructureElement heading = flow.element("H" + level);
            List<String> lines = bold.wrap(bold.displayable(text), size, PageFlow.CONTENT_WIDTH);
            float leading = size * 1.3f;
            flow.ensure(8f + lines.size() * leading + 2 * LEADING);
            if (!flow.atPageTop()) {
                flow.advance(8f);
            }
            for (String line : lines) {
                flow.advance(leading);
                flow.text(bold, size, BLACK, PageFlow.MARGIN_X, line, heading);
            }
            flow.advance(ruled ? 5f : 3f);
            if (ruled) {
                flow.rule(PageFlow.MARGIN_X, PageFlow.CONTENT_WIDTH, 1f, brand);
                flow.advance(4f);
            }
        }

        /** A label and its value side by side; kept on one page unless the value alone is longer than a page. */
        private void row(PageFlow flow, String label, String value) throws IOException {
            String shown = value.isBlank() ? label("receipt.emptyValue") : value;
            List<String> labelLines = regular.wrap(regular.displayable(label), LABEL, LABEL_WIDTH);
            List<String> valueLines = regular.wrap(regular.displayable(shown), BODY, VALUE_WIDTH);
            int count = Math.max(labelLines.size(), valueLines.size());
            float height = count * LEADING + ROW_GAP;
            if (height <= PageFlow.CONTENT_HEIGHT) {
                flow.ensure(height);
            }
            if (table == null) {
                table = flow.element(StandardStructureTypes.TABLE);
            }
            PDStructureElement tableRow = flow.element(StandardStructureTypes.TR, table);
            PDStructureElement header = flow.element(StandardStructureTypes.TH, tableRow);
            PDTableAttributeObject scope = new PDTableAttributeObject();
            scope.setScope(PDTableAttributeObject.SCOPE_ROW);
            header.addAttribute(scope);
            PDStructureElement cell = flow.element(StandardStructureTypes.TD, tableRow);
            for (int i = 0; i < count; i++) {
                flow.ensure(LEADING);
                flow.advance(LEADING);
                if (i < labelLines.size()) {
                    flow.text(regular, LABEL, GREY, PageFlow.MARGIN_X, labelLines.get(i), header);
                }
                if (i < valueLines.size()) {
                    flow.text(regular, BODY, BLACK, VALUE_X, valueLines.get(i), cell);
                }
            }
            flow.advance(ROW_GAP);
        }

        private void paragraph(PageFlow flow, FontFace font, float size, String text, float leading, String type)
                throws IOException {
            PDStructureElement paragraph = flow.element(type);
            for (String line : font.wrap(font.displayable(text), size, PageFlow.CONTENT_WIDTH)) {
                flow.ensure(leading);
                flow.advance(leading);
                flow.text(font, size, BLACK, PageFlow.MARGIN_X, line, paragraph);
            }
        }

        private void footer(PDPage page, int number, int total) throws IOException {
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float y = PageFlow.BOTTOM - 30f;
                COSDictionary pagination = new COSDictionary();
                pagination.setName(COSName.TYPE, "Pagination");
                stream.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
                stream.setStrokingColor(LIGHT_GREY[0], LIGHT_GREY[1], LIGHT_GREY[2]);
                stream.setLineWidth(0.5f);
                stream.moveTo(PageFlow.MARGIN_X, y + 12f);
                stream.lineTo(PageFlow.MARGIN_X + PageFlow.CONTENT_WIDTH, y + 12f);
                stream.stroke();
                String left = regular.displayable(content.municipalityName() + " \u00B7 "
                        + label("receipt.submissionId") + " " + content.submissionId());
                String right = label("receipt.page", number, total);
                footerText(stream, PageFlow.MARGIN_X, y, left);
                footerText(stream, PageFlow.MARGIN_X + PageFlow.CONTENT_WIDTH - regular.width(right, 8f), y, right);
                stream.endMarkedContent();
            }
        }

        private void footerText(PDPageContentStream stream, float x, float y, String text) throws IOException {
            stream.beginText();
            stream.setFont(regular.pdf(), 8f);
            stream.setNonStrokingColor(GREY[0], GREY[1], GREY[2]);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        private PDImageXObject logo(byte[] png) throws IOException {
            int width = ByteBuffer.wrap(png, 16, 4).getInt();
            int height = ByteBuffer.wrap(png, 20, 4).getInt();
            if (width <= 0 || height <= 0 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
                throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "logo", "it is " + width + " x "
                        + height + " pixels; give a PNG of at most " + MAX_LOGO_SIDE + " pixels per side");
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "logo",
                        "it cannot be decoded as PNG");
            }
            return LosslessFactory.createFromImage(document, image);
        }

        String label(String key, Object... arguments) {
            String pattern = labels.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        }

        private static float[] rgb(String hex) {
            int value = Integer.parseInt(hex.substring(1), 16);
            return new float[] {(value >> 16 & 0xFF) / 255f, (value >> 8 & 0xFF) / 255f, (value & 0xFF) / 255f};
        }
    }
}
