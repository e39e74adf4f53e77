package de.ozgsdk.portal.runtime;

import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.DraftPurgeJob;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.postbox.Postbox;
import de.ozgsdk.xoev.types.Behoerde;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Drives applications of online services: start, login when the service's trust level needs one, the form steps
 * (back and forward, each step validated on "next"), the review page, payment when a fee applies, submit and
 * receipt. Framework-neutral: a web adapter turns requests into these calls and the results into pages.
 *
 * <p><b>No node state.</b> Every transition is stored (sealed) in the {@link de.ozgsdk.persistence.DraftStore} before
 * the method returns, payments in {@code ozg_payment}, submissions in {@code ozg_submission}: a second runtime on the
 * same database, on another node, answers the next request of the same application identically. Each change takes
 * the version the page was rendered with; a change made meanwhile (another tab, another node) is a
 * {@link ConflictException} ({@code OZG-PORTAL-302}), never silently overwritten.
 *
 * <p><b>Submit exactly once.</b> The application message is built, its digest time-stamped (RFC 3161), then stored
 * and enqueued in the outbox (to the tenant's back-office destination) in one transaction; a second submit of the
 * same application, a double click, a retry or a call on another node, returns the stored receipt. The postbox
 * message follows right after the commit (see {@link #submit}).
 *
 * <p>Thread-safe; build one per portal at start-up.
 */
public final class ServiceRuntime {

    private ServiceRuntime(Builder builder) {
        throw new UnsupportedOperationException("the runtime is being implemented");
    }

    /**
     * Starts a runtime on {@code database} (migrated by ozg-persistence, including {@code V9}); drafts and receipts
     * are sealed with {@code sealer}.
     */
    public static Builder builder(Database database, Sealer sealer) {
        return new Builder(database, sealer);
    }

    /** A new anonymous owner of {@code tenant}: keep it in the browser session; whoever holds it owns its drafts. */
    public static DraftOwner anonymousOwner(TenantId tenant) {
        throw new UnsupportedOperationException();
    }

    /**
     * The owner for a logged-in citizen of {@code tenant}: a pseudonym of the identity provider and the citizen's
     * subject key, the same after every login, so that the citizen finds their drafts on any device.
     */
    public static DraftOwner citizenOwner(TenantId tenant, Citizen citizen) {
        throw new UnsupportedOperationException();
    }

    /** The services this runtime runs, by id. */
    public Map<String, OnlineService> services() {
        throw new UnsupportedOperationException();
    }

    /** The tenants this runtime serves. */
    public TenantDirectory tenants() {
        throw new UnsupportedOperationException();
    }

    /** The ids of the configured login providers ({@link AuthProvider#id()}), in the order they were added. */
    public List<String> authProviders() {
        throw new UnsupportedOperationException();
    }

    /**
     * Starts an application and stores it: at {@link Stage#LOGIN_REQUIRED} when the service needs a login and
     * {@code citizen} is empty or below its trust level, else at the first step with the prefill applied.
     *
     * @param tenant    the municipality
     * @param serviceId the service; the tenant must offer it
     * @param locale    the language of the application (one of the service's, else German)
     * @param owner     who owns it: {@link #citizenOwner} for a logged-in citizen, else {@link #anonymousOwner}
     * @param citizen   the logged-in citizen, if any; must match {@code owner}
     * @throws NotFoundException ({@code OZG-PORTAL-300}) if the tenant is unknown or does not offer the service
     */
    public ApplicationState start(TenantId tenant, String serviceId, Locale locale, DraftOwner owner,
            Optional<Citizen> citizen) {
        throw new UnsupportedOperationException();
    }

    /**
     * The application as stored.
     *
     * @throws NotFoundException ({@code OZG-PORTAL-301}) if it does not exist, has expired or has another owner
     */
    public ApplicationState state(ApplicationRef ref) {
        throw new UnsupportedOperationException();
    }

    /** The resumable (not submitted, not expired) applications of {@code owner}, newest change first. */
    public List<DraftSummary> drafts(DraftOwner owner) {
        throw new UnsupportedOperationException();
    }

    /**
     * The data to render step {@code index}: any step up to the furthest one reached; with the step's violations if
     * the last "next" on it failed. Changes nothing.
     *
     * @throws ConflictException ({@code OZG-PORTAL-303}) if the step is beyond the furthest reached or the
     *                           application is not in the steps
     */
    public StepPage step(ApplicationRef ref, int index) {
        throw new UnsupportedOperationException();
    }

    /**
     * Takes the parameters of step {@code index} (a servlet's {@code getParameterMap()}) into the application and
     * stores it: {@link StepAction#NEXT} validates the step's elements and moves on (to the next step or the review
     * page) only without violations; {@link StepAction#BACK} and {@link StepAction#SAVE} never validate and keep the
     * input. Read-only prefilled values are restored whatever was posted.
     *
     * @param version the version the page was rendered with
     * @throws ConflictException ({@code OZG-PORTAL-302}) if the application changed since {@code version}
     * @throws de.ozgsdk.core.InvalidInputException ({@code OZG-DATA-1xx}) for parameters that no rendered page sends
     */
    public StepOutcome postStep(ApplicationRef ref, long version, int index, Map<String, String[]> parameters,
            StepAction action) {
        throw new UnsupportedOperationException();
    }

    /**
     * The check-answers page: the data that will be submitted and the fee.
     *
     * @throws ConflictException ({@code OZG-PORTAL-303}) unless the application is at the review or payment stage
     */
    public ReviewPage review(ApplicationRef ref) {
        throw new UnsupportedOperationException();
    }

    /**
     * Confirms the answers and starts paying the fee (or continues the attempt under way): the order is booked to
     * the tenant's payment account with the service's title; the application moves to {@link Stage#PAYMENT}.
     *
     * @param returnUrl where the pay page sends the browser back (the adapter's URL for {@link #completePayment})
     * @throws ConflictException ({@code OZG-PORTAL-303}) if no fee is due or the stage does not allow it
     * @throws RemoteSystemException if the payment service failed; calling again is safe
     */
    public PaymentRedirect startPayment(ApplicationRef ref, long version, URI returnUrl) {
        throw new UnsupportedOperationException();
    }

    /**
     * The citizen is back from the pay page: asks the payment service for the outcome (the return parameters are
     * only checked for tampering) and stores it.
     */
    public PaymentOutcome completePayment(ApplicationRef ref, Map<String, String[]> returnParameters) {
        throw new UnsupportedOperationException();
    }

    /**
     * Submits the application exactly once and returns its receipt; if it was submitted before (double click,
     * retry, another node), returns that receipt without submitting again. Requires the review stage (free service)
     * or a paid fee. The application message (Fachdaten as FIM XML, metadata with payment and trust level) is
     * time-stamped first: if the time-stamp authority cannot be reached nothing is stored and the call fails with a
     * retryable {@link RemoteSystemException} ({@code OZG-PORTAL-305}, "try again"), because the receipt must name
     * the time-stamp and an application must never be half-accepted. Then message, receipt and outbox entry are
     * written in one transaction; the draft is removed. A citizen with a postbox gets the postbox message right
     * after the commit; if that fails it is sent by {@link #sendPendingNotifications()}.
     *
     * @throws ConflictException ({@code OZG-PORTAL-302}/{@code 303}/{@code 306}) if the application changed, is not
     *                           at the review stage, or its fee is not paid
     */
    public SubmissionReceipt submit(ApplicationRef ref, long version) {
        throw new UnsupportedOperationException();
    }

    /** The receipt of a submitted application of this owner; empty if it was not submitted. */
    public Optional<SubmissionReceipt> receipt(ApplicationRef ref) {
        throw new UnsupportedOperationException();
    }

    /** The receipt document, if the application was submitted and a {@link ReceiptRenderer} is configured. */
    public Optional<ReceiptRenderer.RenderedReceipt> receiptDocument(ApplicationRef ref) {
        throw new UnsupportedOperationException();
    }

    /**
     * Sends the postbox messages of submissions whose sending failed after their commit; returns how many were
     * sent. Run it periodically (any node); sending the same message twice adds nothing.
     */
    public int sendPendingNotifications() {
        throw new UnsupportedOperationException();
    }

    /**
     * Starts the login the application's service needs, at its trust level, with the provider {@code providerId}.
     * The adapter remembers the application (in its session) and calls {@link #completeLogin} at the callback.
     */
    public LoginChallenge startLogin(ApplicationRef ref, String providerId, LoginContext context) {
        throw new UnsupportedOperationException();
    }

    /** Checks the identity provider's answer at the callback with the provider {@code providerId}. */
    public LoginOutcome completeLogin(String providerId, Callback callback) {
        throw new UnsupportedOperationException();
    }

    /**
     * Binds a logged-in citizen to an application: an anonymous application becomes the citizen's (stored under
     * {@link #citizenOwner}, with a new id: {@link ApplicationState#ref()}), the prefill applies to empty fields, and
     * an application at {@link Stage#LOGIN_REQUIRED} moves to its first step.
     *
     * @throws ConflictException ({@code OZG-PORTAL-304}) if the citizen's trust level is below the service's
     * @throws NotFoundException ({@code OZG-PORTAL-301}) if the application belongs to another citizen
     */
    public ApplicationState attachCitizen(ApplicationRef ref, Citizen citizen) {
        throw new UnsupportedOperationException();
    }

    /** Deletes a not yet submitted application; returns whether there was one. */
    public boolean discard(ApplicationRef ref) {
        throw new UnsupportedOperationException();
    }

    /** Deletes expired drafts now; returns how many. */
    public int purgeExpired() {
        throw new UnsupportedOperationException();
    }

    /** Starts deleting expired drafts every {@code interval} in the background; close the job at shutdown. */
    public DraftPurgeJob startPurgeJob(Duration interval) {
        throw new UnsupportedOperationException();
    }

    /** Configures a {@link ServiceRuntime}; {@link #build()} checks it as a whole. */
    public static final class Builder {
        private final Database database;
        private final Sealer sealer;
        private final Map<String, OnlineService> services = new LinkedHashMap<>();
        private final Map<String, AuthProvider> authProviders = new LinkedHashMap<>();
        private final List<ServiceCheck> checks = new ArrayList<>();
        private TenantDirectory tenants;
        private PaymentProvider paymentProvider;
        private Postbox postbox;
        private TimestampClient timestamps;
        private Outbox outbox;
        private Clock clock = Clock.systemUTC();
        private Duration draftLifetime = Duration.ofDays(30);
        private Behoerde sender = Behoerde.dvdv("ozg-portal");
        private ReceiptRenderer receiptRenderer;

        private Builder(Database database, Sealer sealer) {
            this.database = Objects.requireNonNull(database, "database");
            this.sealer = Objects.requireNonNull(sealer, "sealer");
        }

        /** Adds a service (required: at least one); a later one with the same id replaces it. */
        public Builder service(OnlineService service) {
            services.put(Objects.requireNonNull(service, "service").id(), service);
            return this;
        }

        /** The tenants (required). */
        public Builder tenants(TenantDirectory tenants) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
            return this;
        }

        /** Adds a login provider, named by its {@link AuthProvider#id()}; required if a service needs a login. */
        public Builder authProvider(AuthProvider provider) {
            authProviders.put(Objects.requireNonNull(provider, "provider").id(), provider);
            return this;
        }

        /** The payment provider; required if a service has a fee rule. */
        public Builder payments(PaymentProvider provider) {
            this.paymentProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The citizens' postbox; without it the receipt is only a download. */
        public Builder postbox(Postbox postbox) {
            this.postbox = Objects.requireNonNull(postbox, "postbox");
            return this;
        }

        /** The RFC 3161 time-stamp authority (required). */
        public Builder timestamps(TimestampClient client) {
            this.timestamps = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The outbox the applications go out through (required; on the same database). */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /** The clock (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long an application is kept after its last change (default 30 days). */
        public Builder draftLifetime(Duration lifetime) {
            this.draftLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** The portal as the sender of application messages (default {@code Behoerde.dvdv("ozg-portal")}). */
        public Builder sender(Behoerde sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
            return this;
        }

        /** Renders receipt documents (the PDF of {@code de.ozgsdk.portal.receipt}); without it, data only. */
        public Builder receiptRenderer(ReceiptRenderer renderer) {
            this.receiptRenderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * Adds a check every service must pass (e.g. the compatibility check of the portal's profile);
         * {@link #build()} refuses a service with blockers.
         */
        public Builder serviceCheck(ServiceCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * The runtime.
         *
         * @throws ConfigurationException ({@code OZG-PORTAL-307}) naming what is missing or a service's blockers
         */
        public ServiceRuntime build() {
            return new ServiceRuntime(this);
        }
    }
}
