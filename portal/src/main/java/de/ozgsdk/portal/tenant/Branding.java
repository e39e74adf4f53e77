package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.portal.PortalError;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a municipality's pages look (Eckpunkt 34): its coat of arms or logo and its colours, which the portal applies
 * to every page and the receipt.
 *
 * @param logo          the logo or coat of arms, if any
 * @param primaryColour the main colour as {@code #RRGGBB}; text on it must stay readable (the host checks contrast)
 * @param accentColour  a second colour as {@code #RRGGBB}
 */
public record Branding(Optional<Logo> logo, String primaryColour, String accentColour) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /** The neutral look of a tenant that configured none. */
    public static final Branding NEUTRAL = new Branding(Optional.empty(), "#1F4E79", "#2E7D32");

    /** Checks the colours. */
    public Branding {
        Objects.requireNonNull(logo, "logo");
        for (String colour : new String[] {primaryColour, accentColour}) {
            if (colour == null || !COLOUR.matcher(colour).matches()) {
                throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, "(branding)",
                        "the colour \"" + colour + "\" is not #RRGGBB");
            }
        }
    }

    /**
     * A logo image.
     *
     * @param content   the image bytes
     * @param mediaType {@code image/png} or {@code image/svg+xml}
     * @param alt       the text alternative, e.g. "Wappen der Stadt Köln"
     */
    public record Logo(byte[] content, String mediaType, LocalizedText alt) {
        /** Checks the media type and copies the bytes. */
        public Logo {
            Objects.requireNonNull(alt, "alt");
            if (content == null || content.length == 0) {
                throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, "(logo)", "the image is empty");
            }
            if (!"image/png".equals(mediaType) && !"image/svg+xml".equals(mediaType)) {
                throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, "(logo)",
                        "the media type \"" + mediaType + "\" is neither image/png nor image/svg+xml");
            }
            content = content.clone();
        }

        /** A copy of the image bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
