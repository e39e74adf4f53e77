package de.ozgsdk.portal.receipt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The pages of one receipt as they fill from top to bottom: a cursor ({@link #y()}, the baseline of the last line)
 * that starts a new A4 page when the next block does not fit above the footer. Everything drawn is either marked
 * content of a structure element (tagged PDF: headings, paragraphs, table cells, the logo as figure) or an artifact
 * (rules), so that a screen reader reads the receipt in order.
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
    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final PDStructureElement documentElement;
    /** Per page, the structure element of each marked-content id (the index), for the parent tree. */
    private final List<List<PDStructureElement>> markedContentOwners = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream stream;
    private float y;

    PageFlow(PDDocument document) {
        this.document = document;
        this.documentElement = new PDStructureElement(StandardStructureTypes.DOCUMENT, structure);
        structure.appendKid(documentElement);
        document.getDocumentCatalog().setStructureTreeRoot(structure);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        document.getDocumentCatalog().setMarkInfo(markInfo);
    }

    /** A new structure element of the given type (H1, P, Table ...) at the end of the document. */
    PDStructureElement element(String type) {
        return element(type, documentElement);
    }

    /** A new structure element of the given type at the end of {@code parent}. */
    PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
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

    /** Shows one line of text at the cursor as content of {@code owner}. */
    void text(FontFace font, float size, float[] rgb, float x, String line, PDStructureElement owner)
            throws IOException {
        if (line.isEmpty()) {
            return;
        }
        beginMarkedContent(owner);
        stream.beginText();
        stream.setFont(font.pdf(), size);
        stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
        stream.endMarkedContent();
    }

    /** A horizontal line at the cursor; decoration, so an artifact. */
    void rule(float x, float width, float thickness, float[] rgb) throws IOException {
        stream.beginMarkedContent(COSName.ARTIFACT);
        stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        stream.setLineWidth(thickness);
        stream.moveTo(x, y);
        stream.lineTo(x + width, y);
        stream.stroke();
        stream.endMarkedContent();
    }

    /** An image below the cursor as content of {@code figure}. */
    void image(PDImageXObject image, float x, float width, float height, PDStructureElement figure)
            throws IOException {
        beginMarkedContent(figure);
        stream.drawImage(image, x, y - height, width, height);
        stream.endMarkedContent();
    }

    /**
     * Ends the structure: each page names its entry in the parent tree, which maps the page's marked-content ids
     * back to their structure elements.
     */
    void finishStructure() {
        Map<Integer, PDParentTreeValue> entries = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).setStructParents(i);
            COSArray owners = new COSArray();
            markedContentOwners.get(i).forEach(owners::add);
            entries.put(i, new PDParentTreeValue(owners));
        }
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(entries);
        structure.setParentTree(parentTree);
        structure.setParentTreeNextKey(pages.size());
    }

    private void beginMarkedContent(PDStructureElement owner) throws IOException {
        List<PDStructureElement> owners = markedContentOwners.get(markedContentOwners.size() - 1);
        int id = owners.size();
        owners.add(owner);
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, id);
        stream.beginMarkedContent(COSName.getPDFName(owner.getStructureType()), PDPropertyList.create(properties));
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setPage(page);
        reference.setMCID(id);
        owner.appendKid(reference);
    }

    /** The pages so far (footers are added once the last page is closed). */
    List<PDPage> pages() {
        return List.copyOf(pages);
    }

    private void newPage() throws IOException {
        close();
        page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        markedContentOwners.add(new ArrayList<>());
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
