package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.portal.PortalError;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One municipality on a portal, keyed by its Amtlicher Regionalschlüssel: the core {@link Tenant} (id, ARS, name,
 * which every page shows as the responsible municipality, Eckpunkt 29), its branding, the services it offers, its
 * languages, where its Kasse books fees, the sender of its postbox messages and where its back office receives each
 * service's applications. A legacy portal of one municipality has exactly one tenant.
 *
 * <pre>{@code
 * PortalTenant koeln = PortalTenant.builder(
 *                 Tenant.of(RegionalKey.parse("053150000000"), LocalizedText.of("Stadt Köln")))
 *         .service("anwohnerparkausweis")
 *         .language(Locale.ENGLISH)
 *         .paymentAccount(PaymentAccount.of("1610000000", "1234", "1.1200.431000"))
 *         .postboxSender("Stadt Köln, Bürgeramt")
 *         .backOffice("anwohnerparkausweis", new BackOfficeDestination(ChannelKind.FIT_CONNECT, "koeln-parken"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PortalTenant {

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Tenant tenant;
    private final Branding branding;
    private final Set<String> services;
    private final List<Locale> languages;
    private final Optional<PaymentAccount> paymentAccount;
    private final Map<String, PaymentAccount> servicePaymentAccounts;
    private final Optional<String> postboxSender;
    private final Map<String, BackOfficeDestination> backOffice;

    private PortalTenant(Builder b) {
        this.tenant = b.tenant;
        this.branding = b.branding;
        this.services = Set.copyOf(b.services);
        this.languages = List.copyOf(b.languages);
        this.paymentAccount = Optional.ofNullable(b.paymentAccount);
        this.servicePaymentAccounts = Map.copyOf(b.servicePaymentAccounts);
        this.postboxSender = Optional.ofNullable(b.postboxSender);
        this.backOffice = Map.copyOf(b.backOffice);
    }

    /** Starts the configuration of {@code tenant}. */
    public static Builder builder(Tenant tenant) {
        return new Builder(tenant);
    }

    /** The tenant: id, Regionalschlüssel and the name shown as the responsible municipality. */
    public Tenant tenant() {
        return tenant;
    }

    /** Logo and colours. */
    public Branding branding() {
        return branding;
    }

    /** The ids of the services this municipality offers. */
    public Set<String> services() {
        return services;
    }

    /** Whether this municipality offers the service. */
    public boolean offers(String serviceId) {
        return services.contains(serviceId);
    }

    /** The languages of its pages, German first. */
    public List<Locale> languages() {
        return languages;
    }

    /** Where the Kasse books the fees of {@code serviceId}: its own account, else the tenant's default. */
    public Optional<PaymentAccount> paymentAccount(String serviceId) {
        return Optional.ofNullable(servicePaymentAccounts.get(serviceId)).or(() -> paymentAccount);
    }

    /** The account fees are booked to unless a service has its own ({@link #paymentAccount(String)}). */
    public Optional<PaymentAccount> defaultPaymentAccount() {
        return paymentAccount;
    }

    /** The accounts of the services that have their own, by service id. */
    public Map<String, PaymentAccount> servicePaymentAccounts() {
        return servicePaymentAccounts;
    }

    /** Every configured back-office destination, by service id. */
    public Map<String, BackOfficeDestination> backOfficeDestinations() {
        return backOffice;
    }

    /** The sender name of postbox messages, e.g. "Stadt Köln, Bürgeramt"; empty: the tenant's name. */
    public Optional<String> postboxSender() {
        return postboxSender;
    }

    /** Where the back office receives the applications of {@code serviceId}. */
    public Optional<BackOfficeDestination> backOffice(String serviceId) {
        return Optional.ofNullable(backOffice.get(serviceId));
    }

    /** The tenant id and name, no configuration. */
    @Override
    public String toString() {
        return "PortalTenant[" + tenant.id() + "]";
    }

    /** Collects the configuration of a {@link PortalTenant}. */
    public static final class Builder {
        private final Tenant tenant;
        private Branding branding = Branding.NEUTRAL;
        private final Set<String> services = new LinkedHashSet<>();
        private final Set<Locale> languages = new LinkedHashSet<>(List.of(Locale.GERMAN));
        private PaymentAccount paymentAccount;
        private final Map<String, PaymentAccount> servicePaymentAccounts = new HashMap<>();
        private String postboxSender;
        private final Map<String, BackOfficeDestination> backOffice = new HashMap<>();

        private Builder(Tenant tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
        }

        /** Sets logo and colours (default {@link Branding#NEUTRAL}). */
        public Builder branding(Branding branding) {
            this.branding = Objects.requireNonNull(branding, "branding");
            return this;
        }

        /** Enables a service by its id. */
        public Builder service(String serviceId) {
            services.add(checkServiceId(serviceId));
            return this;
        }

        /** Adds a language besides German. */
        public Builder language(Locale language) {
            languages.add(Locale.forLanguageTag(Objects.requireNonNull(language, "language").getLanguage()));
            return this;
        }

        /** Sets the account fees are booked to unless a service has its own. */
        public Builder paymentAccount(PaymentAccount account) {
            this.paymentAccount = Objects.requireNonNull(account, "account");
            return this;
        }

        /** Sets the account the fees of one service are booked to. */
        public Builder paymentAccount(String serviceId, PaymentAccount account) {
            servicePaymentAccounts.put(checkServiceId(serviceId), Objects.requireNonNull(account, "account"));
            return this;
        }

        /** Sets the sender name of postbox messages. */
        public Builder postboxSender(String sender) {
            if (sender == null || sender.isBlank() || sender.length() > 200) {
                throw invalid("the postbox sender is empty or longer than 200 characters");
            }
            this.postboxSender = sender;
            return this;
        }

        /** Sets where the back office receives the applications of one service. */
        public Builder backOffice(String serviceId, BackOfficeDestination destination) {
            backOffice.put(checkServiceId(serviceId), Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /**
         * The tenant.
         *
         * @throws InvalidInputException ({@code OZG-PORTAL-500}) when an enabled service has no back-office
         *                               destination
         */
        public PortalTenant build() {
            for (String service : services) {
                if (!backOffice.containsKey(service)) {
                    throw invalid("the service " + service + " is enabled but has no back-office destination");
                }
            }
            return new PortalTenant(this);
        }

        private String checkServiceId(String serviceId) {
            if (serviceId == null || !SERVICE_ID.matcher(serviceId).matches()) {
                throw invalid("the service id \"" + serviceId + "\" is not 1 to 64 lower-case letters, digits, -");
            }
            return serviceId;
        }

        private InvalidInputException invalid(String what) {
            return new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, tenant.id(), what);
        }
    }
}
