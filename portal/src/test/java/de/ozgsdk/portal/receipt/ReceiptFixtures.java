package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import javax.imageio.ImageIO;

/** Receipt contents of a realistic service (dog registration in Köln), with German special characters. */
final class ReceiptFixtures {

    static final String SUBMISSION_ID = "HUND-2026-000417";
    static final Instant SUBMITTED = Instant.parse("2026-03-02T09:15:00Z");
    static final Instant STAMPED = Instant.parse("2026-03-02T09:15:01Z");
    static final String KASSENZEICHEN = "5315.4711.0815";

    private ReceiptFixtures() {
    }

    static ReceiptContent.Builder dogRegistration() {
        return ReceiptContent.builder("Anmeldung eines Hundes zur Hundesteuer", "Stadt Köln",
                        RegionalKey.parse("053150000000"), SUBMISSION_ID, SUBMITTED)
                .section(ReceiptSection.builder("Halterin oder Halter")
                        .row("Familienname", "Müller-Lüdenscheidt")
                        .row("Vorname", "Jürgen Łukasz")
                        .row("Straße und Hausnummer", "Weißdornweg 7")
                        .row("Postleitzahl und Ort", "50667 Köln")
                        .section(ReceiptSection.builder("Kontakt")
                                .row("E-Mail-Adresse", "j.mueller@example.org")
                                .row("Telefon", "")
                                .build())
                        .build())
                .section(ReceiptSection.builder("Hund 1")
                        .row("Name des Hundes", "Ödipus")
                        .row("Rasse", "Dackel (Rauhaar)")
                        .row("Besondere Merkmale", "Ein sehr langer Text, der über mehrere Zeilen umbrochen werden muss,"
                                + " weil er breiter ist als die Spalte der Werte; er enthält Umlaute wie ä, ö, ü und"
                                + " ein scharfes ß sowie den Betrag 12,50 € für die Marke.")
                        .build());
    }

    static ReceiptContent.Builder withPaymentAndTimestamp() {
        return dogRegistration()
                .timestamp(new ReceiptTimestamp(STAMPED, "D-Trust Qualified Time Stamp Authority 1 2026-01"))
                .payment(new ReceiptPayment(Money.parse("12,50"), KASSENZEICHEN, "ePayBL"));
    }

    /** A 64 x 40 PNG coat of arms with a transparent background and a half-transparent stripe. */
    static byte[] logoWithAlpha() throws IOException {
        BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 16, 46, 255));
        g.fillRect(8, 4, 48, 32);
        g.setColor(new Color(255, 255, 255, 128));
        g.fillRect(8, 16, 48, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
