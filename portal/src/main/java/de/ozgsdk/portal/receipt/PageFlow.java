package de.ozgsdk.portal.receipt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The pages of one receipt as they fill from top to bottom: a cursor ({@link #y()}, the baseline of the last line)
 * that starts a new A4 page when the next block does not fit above the footer.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN_X = 56;
    static final float TOP = SIZE.getHeight() - 50;
    static final float BOTTOM = 70;
    static final float CONTENT_WIDTH = SIZE.getWidth() - 2 * MARGIN_X;
    static final float CONTENT_HEIGHT = TOP - BOTTOM;

    private final PDDocument document;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    PageFlow(PDDocument document) {
        this.document = document;
    }

    /** Makes sure a block of this height fits below the cursor, starting a new page if not. */
    void ensure(float height) throws IOException {
        if (stream == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** Moves the cursor down. */
    void advance(float height) {
        y -= height;
    }

    float y() {
        return y;
    }

    boolean atPageTop() {
        return y == TOP;
    }

    void text(FontFace font, float size, float[] rgb, float x, String line) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font.pdf(), size);
        stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
    }

    void rule(float x, float width, float thickness, float[] rgb) throws IOException {
        stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        stream.setLineWidth(thickness);
        stream.moveTo(x, y);
        stream.lineTo(x + width, y);
        stream.stroke();
    }

    void image(PDImageXObject image, float x, float width, float height) throws IOException {
        stream.drawImage(image, x, y - height, width, height);
    }

    /** The pages so far (footers are added once the last page is closed). */
    List<PDPage> pages() {
        return List.copyOf(pages);
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
