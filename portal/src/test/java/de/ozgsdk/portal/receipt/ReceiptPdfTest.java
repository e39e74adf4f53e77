package de.ozgsdk.portal.receipt;

import static de.ozgsdk.portal.receipt.ReceiptFixtures.KASSENZEICHEN;
import static de.ozgsdk.portal.receipt.ReceiptFixtures.SUBMISSION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class ReceiptPdfTest {

    private final ReceiptPdf writer = new ReceiptPdf();

    @Test
    void showsSubmissionIdTimestampTimePaymentReferenceAndEveryValue() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp().build());

        String text = text(pdf);
        assertThat(text.replaceAll("\\s+", " ")).contains("ein scharfes ß sowie den Betrag 12,50 € für die Marke.");
        assertThat(text).contains("Eingangsbestätigung", "Anmeldung eines Hundes zur Hundesteuer", "Stadt Köln",
                "Regionalschlüssel 053150000000", SUBMISSION_ID,
                "02.03.2026, 10:15:00 Uhr", // submitted at 09:15:00Z, shown in German time (CET)
                "02.03.2026, 10:15:01 Uhr", // the time-stamp time
                "D-Trust Qualified Time Stamp Authority 1 2026-01",
                "12,50 €", KASSENZEICHEN, "ePayBL",
                "Müller-Lüdenscheidt", "Jürgen Łukasz", "Weißdornweg 7", "50667 Köln", "j.mueller@example.org",
                "Ödipus", "Dackel (Rauhaar)", "Halterin oder Halter › Kontakt", "(keine Angabe)");
    }

    @Test
    void isPdfA2bForVeraPdf() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp().build());

        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void withoutPaymentAndTimestampShowsNeitherAndIsStillPdfA2b() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.dogRegistration().build());

        assertThat(text(pdf)).contains(SUBMISSION_ID, "Müller-Lüdenscheidt")
                .doesNotContain("Kassenzeichen", "Gebühr", "Zeitstempel");
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void manyRowsContinueOverNumberedPagesWithEveryValue() throws Exception {
        ReceiptSection.Builder children = ReceiptSection.builder("Angaben zu den Kindern");
        for (int i = 1; i <= 40; i++) {
            children.section(ReceiptSection.builder("Kind " + i)
                    .row("Vorname", "Kind" + i + "-Vorname-Ä")
                    .row("Geburtsdatum", String.format("%02d.05.2015", i % 28 + 1))
                    .row("Schule", "Städtische Gesamtschule Nummer " + i + " in Köln-Mülheim")
                    .build());
        }
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp().section(children.build()).build());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            for (int page = 1; page <= pages; page++) {
                assertThat(pageText(document, page)).contains("Seite " + page + " von " + pages)
                        .contains("Vorgangsnummer " + SUBMISSION_ID);
            }
        }
        String text = text(pdf);
        for (int i = 1; i <= 40; i++) {
            assertThat(text).contains("Angaben zu den Kindern › Kind " + i + "\n", "Kind" + i + "-Vorname-Ä",
                    "Städtische Gesamtschule Nummer " + i + " in Köln-Mülheim");
        }
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void aValueLongerThanAPageContinuesOnTheNextPage() throws Exception {
        StringBuilder letter = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            letter.append("Zeile ").append(i).append(" der Begründung.\n");
        }
        byte[] pdf = writer.toBytes(ReceiptFixtures.dogRegistration()
                .section(ReceiptSection.builder("Begründung").row("Ihre Begründung", letter.toString()).build())
                .build());

        String text = text(pdf);
        for (int i = 1; i <= 120; i++) {
            assertThat(text).contains("Zeile " + i + " der Begründung.");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aWordWiderThanTheColumnIsBrokenInsteadOfRunningOffThePage() throws Exception {
        String iban = "DE89370400440532013000".repeat(5);
        byte[] pdf = writer.toBytes(ReceiptFixtures.dogRegistration()
                .section(ReceiptSection.builder("Bankverbindung").row("IBAN", iban).build()).build());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document);
            assertThat(text.replace("\n", "")).contains(iban);
            assertThat(text).doesNotContain(iban);
        }
    }

    @Test
    void logoWithAlphaChannelKeepsItsSoftMaskAndStaysPdfA2b() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp()
                .logoPng(ReceiptFixtures.logoWithAlpha())
                .brandColour("#C8102E")
                .build());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDImageXObject> images = images(document.getPage(0));
            assertThat(images).hasSize(1);
            assertThat(images.get(0).getCOSObject().getDictionaryObject(COSName.SMASK)).isNotNull();
            assertThat(images.get(0).getWidth()).isEqualTo(64);
        }
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void isTaggedPdfUa1ForVeraPdfWithHeadingsTablesAndTheLogoAsFigure() throws Exception {
        ReceiptSection.Builder children = ReceiptSection.builder("Angaben zu den Kindern");
        for (int i = 1; i <= 30; i++) {
            children.section(ReceiptSection.builder("Kind " + i).row("Vorname", "Kind" + i).build());
        }
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp()
                .logoPng(ReceiptFixtures.logoWithAlpha())
                .section(children.build())
                .build());

        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            PDStructureElement root = (PDStructureElement) document.getDocumentCatalog().getStructureTreeRoot()
                    .getKids().get(0);
            assertThat(root.getStructureType()).isEqualTo("Document");
            List<String> types = root.getKids().stream()
                    .map(kid -> ((PDStructureElement) kid).getStructureType()).toList();
            // logo, municipality, ARS, title, service, intro, summary; "Ihre Angaben"; Halter with nested Kontakt;
            // Hund 1; the children, each repetition a level deeper
            assertThat(types).startsWith("Figure", "P", "P", "H1", "P", "P", "Table", "H2", "H3", "Table", "H4",
                    "Table", "H3", "Table", "H3", "H4", "Table");
            PDStructureElement figure = (PDStructureElement) root.getKids().get(0);
            assertThat(figure.getAlternateDescription()).isEqualTo("Wappen oder Logo: Stadt Köln");
            PDStructureElement summary = (PDStructureElement) root.getKids().get(6);
            PDStructureElement firstRow = (PDStructureElement) summary.getKids().get(0);
            assertThat(firstRow.getKids()).extracting(kid -> ((PDStructureElement) kid).getStructureType())
                    .containsExactly("TH", "TD");
        }
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp().build());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as("font %s embedded", font.getName()).isTrue());
        }
    }

    @Test
    void metadataDeclaresPdfA2bAndRepeatsTheDocumentInformation() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp().build());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(document.getDocumentInformation().getTitle())
                    .isEqualTo("Eingangsbestätigung " + SUBMISSION_ID);
            assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly("Stadt Köln");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Stadt Köln");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("de");
            assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
                    .satisfies(intent -> assertThat(intent.getOutputConditionIdentifier())
                            .isEqualTo("sRGB IEC61966-2.1"));
        }
    }

    @Test
    void englishReceiptHasEnglishLabelsAndLanguage() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.withPaymentAndTimestamp().locale(Locale.UK).build());

        assertThat(text(pdf)).contains("Confirmation of receipt", "Submission id", "Payment reference (Kassenzeichen)",
                "2 March 2026, 10:15:01", "€12.50", "Page 1 of 1").doesNotContain("Eingangsbestätigung");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void sameContentGivesTheSameBytesSoARetryShowsTheSameReceipt() {
        ReceiptContent content = ReceiptFixtures.withPaymentAndTimestamp().build();

        assertThat(writer.toBytes(content)).isEqualTo(new ReceiptPdf().toBytes(content));
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksAndNeverNotdef() throws Exception {
        byte[] pdf = writer.toBytes(ReceiptFixtures.dogRegistration()
                .section(ReceiptSection.builder("Weitere Angaben")
                        .row("Name in Originalschrift", "王小明 (Wang)")
                        .row("Steuerzeichen", "a\u0007b\u200Bc\td")
                        .build())
                .build());

        assertThat(text(pdf)).contains("??? (Wang)", "abc d");
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void writesIntoTheGivenStreamWithoutClosingIt() throws Exception {
        class TrackingStream extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        TrackingStream out = new TrackingStream();

        writer.write(ReceiptFixtures.dogRegistration().build(), out);

        assertThat(out.closed).isFalse();
        assertThat(new String(out.toByteArray(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.7");
    }

    @Test
    void refusesALogoThatIsNotPngAndAColourThatIsNotHex() {
        ReceiptContent.Builder builder = ReceiptFixtures.dogRegistration();

        assertThatThrownBy(() -> builder.logoPng("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-PORTAL-400").hasMessageContaining("not a PNG");
        assertThatThrownBy(() -> builder.brandColour("red"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("#RRGGBB");
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            PDXObject object = page.getResources().getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
