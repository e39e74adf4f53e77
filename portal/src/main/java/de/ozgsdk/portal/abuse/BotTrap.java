package de.ozgsdk.portal.abuse;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.abuse.internal.Keys;
import de.ozgsdk.portal.web.internal.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two cheap checks against form-filling bots, invisible to people and to assistive technology: a honeypot field
 * (moved off-screen by the style sheet, {@code aria-hidden}, {@code tabindex="-1"}, not autofilled), which a person
 * never fills, and a minimum fill time, measured from a time stamp the page carries in a hidden field, signed with
 * HMAC-SHA256 under the server key so that a bot cannot backdate it. Which check failed is logged, never shown.
 *
 * <p>The servlet puts {@link #stamp()} into the hidden field {@link #TIME_FIELD} and {@link #honeypot} next to every
 * form it guards, and asks {@link #passes} on the POST. Thread-safe.
 */
public final class BotTrap {

    /** The honeypot's field name: a name bots like to fill, which browsers do not autofill. */
    public static final String HONEYPOT_FIELD = "homepage";
    /** The hidden field with the signed time stamp (the forms renderer requires hidden names starting with _). */
    public static final String TIME_FIELD = "_ozg_t";

    private static final Logger LOG = LoggerFactory.getLogger(BotTrap.class);
    private static final Pattern STAMP = Pattern.compile("([0-9]{1,16})\\.([0-9a-f]{64})");

    private final Keys key;
    private final Duration minimumFillTime;
    private final Duration maximumAge;
    private final Clock clock;

    private BotTrap(Builder builder) {
        this.key = Keys.derive(builder.key, "fill-time");
        this.minimumFillTime = builder.minimumFillTime;
        this.maximumAge = builder.maximumAge;
        this.clock = builder.clock;
    }

    /** Configures a trap with {@code key} (32+ random bytes, the same on every node). */
    public static Builder builder(byte[] key) {
        return new Builder(key);
    }

    /** The value of the hidden {@link #TIME_FIELD} for a page rendered now. */
    public String stamp() {
        String millis = Long.toString(clock.millis());
        return millis + "." + key.mac("t|" + millis);
    }

    /**
     * The honeypot: an empty text field inside an {@code aria-hidden} box that the style class {@code ozg-hp} moves
     * off-screen (not {@code display:none}, which some bots detect), out of the tab order, with a label "leave empty"
     * for the rare browser without style sheets.
     *
     * @param formId the form the field belongs to ({@code form} attribute), so that it may stand outside it
     */
    public String honeypot(Locale locale, String formId) {
        boolean english = "en".equals(locale.getLanguage());
        String id = "ozg-hp-" + ErrorPages.escape(formId);
        return "<div class=\"ozg-hp\" aria-hidden=\"true\"><label for=\"" + id + "\">"
                + (english ? "Please leave this field empty" : "Dieses Feld bitte leer lassen")
                + "</label><input type=\"text\" id=\"" + id + "\" name=\"" + HONEYPOT_FIELD + "\" value=\"\""
                + " tabindex=\"-1\" autocomplete=\"off\" form=\"" + ErrorPages.escape(formId) + "\"></div>";
    }

    /**
     * Whether {@code request} looks like a person's: the honeypot is empty and the time stamp is genuine, not older
     * than the maximum age and, when {@code fillTime}, at least the minimum fill time old.
     */
    public boolean passes(HttpServletRequest request, boolean fillTime) {
        String honeypot = request.getParameter(HONEYPOT_FIELD);
        if (honeypot != null && !honeypot.isEmpty()) {
            LOG.info("bot check failed: honeypot filled");
            return false;
        }
        String stamp = request.getParameter(TIME_FIELD);
        var parts = stamp == null ? null : STAMP.matcher(stamp);
        if (parts == null || !parts.matches() || !key.verify("t|" + parts.group(1), parts.group(2))) {
            LOG.info("bot check failed: time stamp missing or not ours");
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(parts.group(1))), clock.instant());
        if (fillTime && age.compareTo(minimumFillTime) < 0) {
            LOG.info("bot check failed: form sent after {} ms", age.toMillis());
            return false;
        }
        if (age.compareTo(maximumAge) > 0) {
            LOG.info("bot check failed: form older than {}", maximumAge);
            return false;
        }
        return true;
    }

    /** The minimum fill time. */
    public Duration minimumFillTime() {
        return minimumFillTime;
    }

    /** Configures a {@link BotTrap}. */
    public static final class Builder {
        private final byte[] key;
        private Duration minimumFillTime = Duration.ofSeconds(2);
        private Duration maximumAge = Duration.ofHours(12);
        private Clock clock = Clock.systemUTC();

        private Builder(byte[] key) {
            this.key = Objects.requireNonNull(key, "key").clone();
            Keys.derive(this.key, "check");
        }

        /**
         * How long a form page must be open before it is sent (default 2 s: bots post within milliseconds; a
         * person who only confirms prefilled answers may take little more).
         */
        public Builder minimumFillTime(Duration minimum) {
            if (minimum.isNegative() || minimum.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "minimumFillTime",
                        minimum + " is outside 0 s .. 1 min");
            }
            this.minimumFillTime = minimum;
            return this;
        }

        /** How old a form page may be when sent (default 12 h, the longest flow session without login). */
        public Builder maximumAge(Duration maximum) {
            if (maximum.compareTo(Duration.ofMinutes(5)) < 0) {
                throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "maximumAge",
                        maximum + " is shorter than 5 min");
            }
            this.maximumAge = maximum;
            return this;
        }

        /** The clock (default: the system's UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The trap. */
        public BotTrap build() {
            return new BotTrap(this);
        }
    }
}
