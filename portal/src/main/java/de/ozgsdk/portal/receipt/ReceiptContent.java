package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.PortalError;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a receipt (Eingangsbestätigung) shows: the service and the responsible municipality, the submission id,
 * the submission and time-stamp times, the payment and the submitted data; texts are given in the receipt's
 * language.
 */
public final class ReceiptContent {

    /** The default zone of the times on a receipt, the legal time of German authorities. */
    public static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String serviceTitle;
    private final String municipalityName;
    private final RegionalKey regionalKey;
    private final byte[] logoPng;
    private final String brandColour;
    private final String submissionId;
    private final Instant submittedAt;
    private final ReceiptTimestamp timestamp;
    private final ReceiptPayment payment;
    private final List<ReceiptSection> sections;
    private final Locale locale;
    private final ZoneId zone;

    private ReceiptContent(Builder builder) {
        this.serviceTitle = builder.serviceTitle;
        this.municipalityName = builder.municipalityName;
        this.regionalKey = builder.regionalKey;
        this.logoPng = builder.logoPng;
        this.brandColour = builder.brandColour;
        this.submissionId = builder.submissionId;
        this.submittedAt = builder.submittedAt;
        this.timestamp = builder.timestamp;
        this.payment = builder.payment;
        this.sections = List.copyOf(builder.sections);
        this.locale = builder.locale;
        this.zone = builder.zone;
    }

    /**
     * Starts a receipt with its required parts.
     *
     * @param serviceTitle the title of the online service, e.g. "Anmeldung eines Hundes"
     * @param municipalityName the responsible municipality as shown to the citizen, e.g. "Stadt Köln"
     * @param regionalKey the municipality's Amtlicher Regionalschlüssel
     * @param submissionId the id under which the application was stored (the citizen quotes it)
     * @param submittedAt when the portal accepted the application
     */
    public static Builder builder(String serviceTitle, String municipalityName, RegionalKey regionalKey,
            String submissionId, Instant submittedAt) {
        return new Builder(serviceTitle, municipalityName, regionalKey, submissionId, submittedAt);
    }

    /**
     * Starts a receipt of one service and municipality in the citizen's language: the service title and the
     * municipality's name in {@code locale}, its Regionalschlüssel, its PNG logo (an SVG logo is left out: a PDF/A
     * cannot show SVG) and its primary colour.
     */
    public static Builder builder(OnlineService service, PortalTenant tenant, String submissionId,
            Instant submittedAt, Locale locale) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(locale, "locale");
        Builder builder = new Builder(service.title().get(locale), tenant.tenant().name().get(locale),
                tenant.tenant().regionalKey(), submissionId, submittedAt)
                .locale(locale)
                .brandColour(tenant.branding().primaryColour());
        tenant.branding().logo()
                .filter(logo -> "image/png".equals(logo.mediaType()))
                .ifPresent(logo -> builder.logoPng(logo.content()));
        return builder;
    }

    public String serviceTitle() {
        return serviceTitle;
    }

    public String municipalityName() {
        return municipalityName;
    }

    public RegionalKey regionalKey() {
        return regionalKey;
    }

    /** The municipality's logo or coat of arms as PNG (a copy). */
    public Optional<byte[]> logoPng() {
        return Optional.ofNullable(logoPng).map(byte[]::clone);
    }

    /** The municipality's colour as {@code #RRGGBB}, used for the rules of the receipt. */
    public Optional<String> brandColour() {
        return Optional.ofNullable(brandColour);
    }

    public String submissionId() {
        return submissionId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Optional<ReceiptTimestamp> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    public Optional<ReceiptPayment> payment() {
        return Optional.ofNullable(payment);
    }

    /** The submitted data, in form order. */
    public List<ReceiptSection> sections() {
        return sections;
    }

    /** The language of the receipt's own labels (German unless English is asked for). */
    public Locale locale() {
        return locale;
    }

    /** The zone in which times are shown. */
    public ZoneId zone() {
        return zone;
    }

    /** Builds {@link ReceiptContent}; each setter checks its argument. */
    public static final class Builder {
        private final String serviceTitle;
        private final String municipalityName;
        private final RegionalKey regionalKey;
        private final String submissionId;
        private final Instant submittedAt;
        private byte[] logoPng;
        private String brandColour;
        private ReceiptTimestamp timestamp;
        private ReceiptPayment payment;
        private final List<ReceiptSection> sections = new ArrayList<>();
        private Locale locale = Locale.GERMAN;
        private ZoneId zone = GERMAN_TIME;

        private Builder(String serviceTitle, String municipalityName, RegionalKey regionalKey, String submissionId,
                Instant submittedAt) {
            this.serviceTitle = requireText(serviceTitle, "serviceTitle");
            this.municipalityName = requireText(municipalityName, "municipalityName");
            this.regionalKey = Objects.requireNonNull(regionalKey, "regionalKey");
            this.submissionId = requireText(submissionId, "submissionId");
            this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        }

        /** The municipality's logo or coat of arms as PNG bytes (an alpha channel is kept); none by default. */
        public Builder logoPng(byte[] png) {
            Objects.requireNonNull(png, "png");
            if (png.length < PNG_SIGNATURE.length
                    || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
                throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "logo",
                        "it is not a PNG file (its first bytes are not the PNG signature); convert it to PNG");
            }
            this.logoPng = png.clone();
            return this;
        }

        /** The municipality's colour as {@code #RRGGBB}; a neutral dark grey by default. */
        public Builder brandColour(String colour) {
            Objects.requireNonNull(colour, "colour");
            if (!COLOUR.matcher(colour).matches()) {
                throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "colour",
                        "\"" + colour + "\" is not of the form #RRGGBB, e.g. #004B87");
            }
            this.brandColour = colour;
            return this;
        }

        /** The RFC 3161 time-stamp of the submission; without it the receipt shows no time-stamp row. */
        public Builder timestamp(ReceiptTimestamp timestamp) {
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
            return this;
        }

        /** The payment of the fee; without it the receipt shows no payment rows. */
        public Builder payment(ReceiptPayment payment) {
            this.payment = Objects.requireNonNull(payment, "payment");
            return this;
        }

        /** Adds a section of submitted data. */
        public Builder section(ReceiptSection section) {
            sections.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        /** The language of the receipt's labels: German (default) or English; other languages get German. */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The zone in which times are shown; {@link #GERMAN_TIME} by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public ReceiptContent build() {
            return new ReceiptContent(this);
        }

        private static String requireText(String text, String name) {
            Objects.requireNonNull(text, name);
            if (text.isBlank()) {
                throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, name, "it is blank");
            }
            return text;
        }
    }
}
