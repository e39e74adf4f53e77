package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.Locale;
import java.util.Objects;

/**
 * The contrast rules a municipality's colours must keep (WCAG 2.1 AA, success criterion 1.4.3): text on the primary
 * colour is black or white, whichever contrasts more ({@link #textOn(String)}), and the accent colour, which pages
 * use for links and focus outlines on white, must reach 4.5:1 against white ({@link #check(Branding)}).
 *
 * <pre>{@code
 * String text = ColourContrast.textOn("#FFD700"); // "#000000": black on gold, white would be 1.4:1
 * }</pre>
 */
public final class ColourContrast {

    /** The least contrast ratio of normal text, WCAG 2.1 AA. */
    public static final double MINIMUM_TEXT_RATIO = 4.5;
    /** White as {@code #RRGGBB}. */
    public static final String WHITE = "#FFFFFF";
    /** Black as {@code #RRGGBB}. */
    public static final String BLACK = "#000000";

    private ColourContrast() {
    }

    /**
     * The WCAG 2.1 contrast ratio of two colours, 1 (equal) to 21 (black on white).
     *
     * @param first  a colour as {@code #RRGGBB}
     * @param second a colour as {@code #RRGGBB}
     */
    public static double ratio(String first, String second) {
        double a = relativeLuminance(first);
        double b = relativeLuminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * The text colour on {@code background}: white where white reaches 4.5:1, else black. Every colour reaches
     * 4.5:1 with one of the two (the larger ratio is at least 4.58), so a page never has unreadable text on the
     * primary colour whatever a municipality chose; white is preferred because most coats-of-arms colours are dark.
     */
    public static String textOn(String background) {
        return ratio(WHITE, background) >= MINIMUM_TEXT_RATIO ? WHITE : BLACK;
    }

    /**
     * Checks that the accent colour stays readable as link text on the white page.
     *
     * @throws InvalidInputException ({@code OZG-PORTAL-502}) naming the colour, its ratio and the minimum
     */
    public static void check(Branding branding) {
        Objects.requireNonNull(branding, "branding");
        String accent = branding.accentColour();
        double ratio = ratio(accent, WHITE);
        if (ratio < MINIMUM_TEXT_RATIO) {
            throw new InvalidInputException(PortalError.TENANT_COLOUR_CONTRAST, accent,
                    String.format(Locale.ROOT, "%.2f", ratio), String.format(Locale.ROOT, "%.1f", MINIMUM_TEXT_RATIO));
        }
    }

    /** Relative luminance after WCAG 2.1 (sRGB channels linearised). */
    static double relativeLuminance(String colour) {
        if (colour == null || !colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, "(branding)",
                    "the colour \"" + colour + "\" is not #RRGGBB");
        }
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
