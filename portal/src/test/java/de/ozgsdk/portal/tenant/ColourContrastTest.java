package de.ozgsdk.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.ozgsdk.core.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColourContrastTest {

    @Test
    void blackOnWhiteIsTwentyOneToOne() {
        assertThat(ColourContrast.ratio("#000000", "#FFFFFF")).isCloseTo(21.0, within(1e-9));
        assertThat(ColourContrast.ratio("#1F4E79", "#1F4E79")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void matchesPublishedRatiosOfGreys() {
        // #767676 is the lightest grey with 4.5:1 on white, #777777 just fails (WebAIM contrast checker values)
        assertThat(ColourContrast.ratio("#767676", "#FFFFFF")).isCloseTo(4.54, within(0.01));
        assertThat(ColourContrast.ratio("#777777", "#FFFFFF")).isCloseTo(4.48, within(0.01));
    }

    @Test
    void picksWhiteOnDarkAndBlackOnLightPrimaryColours() {
        assertThat(ColourContrast.textOn("#1F4E79")).isEqualTo(ColourContrast.WHITE);
        assertThat(ColourContrast.textOn("#FFD700")).isEqualTo(ColourContrast.BLACK);
        assertThat(ColourContrast.textOn("#C8102E")).isEqualTo(ColourContrast.WHITE);
    }

    @Test
    void everyPrimaryColourGetsTextOfAtLeastFourPointFiveToOne() {
        for (int r = 0; r < 256; r += 17) {
            for (int g = 0; g < 256; g += 17) {
                for (int b = 0; b < 256; b += 17) {
                    String colour = String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
                    assertThat(ColourContrast.ratio(ColourContrast.textOn(colour), colour)).as(colour)
                            .isGreaterThanOrEqualTo(ColourContrast.MINIMUM_TEXT_RATIO);
                }
            }
        }
    }

    @Test
    void refusesAnAccentColourTooLightForLinksOnWhite() {
        Branding gold = new Branding(Optional.empty(), "#1F4E79", "#FFD700");
        assertThatThrownBy(() -> ColourContrast.check(gold))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-PORTAL-502")
                .hasMessageContaining("#FFD700")
                .hasMessageContaining("1.40:1");
        ColourContrast.check(Branding.NEUTRAL);
    }
}
