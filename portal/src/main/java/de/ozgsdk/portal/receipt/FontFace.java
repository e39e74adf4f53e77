package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.portal.PortalError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** A TrueType font embedded as a subset into one document, with what the layout needs: widths and coverage. */
final class FontFace implements AutoCloseable {

    private static final char REPLACEMENT = '?';

    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final PDType0Font font;

    private FontFace(TrueTypeFont ttf, PDType0Font font) throws IOException {
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
        this.font = font;
    }

    /** Parses the font program and registers it with the document; PDF/A needs it embedded, a subset is enough. */
    static FontFace embed(PDDocument document, byte[] ttfBytes, String name) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(ttfBytes));
            return new FontFace(ttf, PDType0Font.load(document, ttf, true));
        } catch (IOException e) {
            throw new ConfigurationException(PortalError.RECEIPT_FONT_UNUSABLE, e, name,
                    "it is not a readable TrueType font (" + e.getMessage() + ")");
        }
    }

    PDType0Font pdf() {
        return font;
    }

    /** The width of a text in points at the given size. */
    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as this font can show it: NFC-normalised, tabs as spaces, line breaks as {@code \n}, other control and
     * format characters dropped, and a character the font has no glyph for replaced by {@code ?}, because PDF/A forbids
     * showing the {@code .notdef} glyph.
     */
    String displayable(String text) {
        String normalised = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (cmap.getGlyphId(cp) == 0) {
                out.append(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * Breaks a displayable text into lines no wider than {@code width}: at line breaks, then between words; a word
     * wider than a line (an IBAN, a long compound) is broken between characters.
     */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width) {
                    int cut = fittingPrefix(rest, size, width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private int fittingPrefix(String word, float size, float width) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(word.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    @Override
    public void close() throws IOException {
        ttf.close();
    }
}
