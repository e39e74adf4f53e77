package de.ozgsdk.portal.runtime;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Submission;
import de.ozgsdk.forms.data.BindResult;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.payment.PaymentRecord;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentState;
import de.ozgsdk.payment.Payments;
import de.ozgsdk.persistence.AuditEntry;
import de.ozgsdk.persistence.AuditLog;
import de.ozgsdk.persistence.AuditOutcome;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Draft;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.DraftPurgeJob;
import de.ozgsdk.persistence.DraftStore;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxMessage;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.Notifications;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PaymentAccount;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.upload.StoredDocument;
import de.ozgsdk.portal.upload.Uploads;
import de.ozgsdk.postbox.Postbox;
import de.ozgsdk.postbox.PostboxAttachment;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.message.AttachmentSource;
import de.ozgsdk.xoev.message.Payment;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Code;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * message to a citizen with a postbox is enqueued in the same transaction (see {@link #submit}).
 *
 * <p>Thread-safe; build one per portal at start-up.
 */
public final class ServiceRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);
    private static final String ANONYMOUS = "a:";
    private static final String CITIZEN = "c:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Code PAID = Code.of("BEZAHLT", "urn:ozgsdk:codeliste:zahlungsstatus", "1.0");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm")
            .withZone(ZoneId.of("Europe/Berlin"));

    private final Database database;
    private final Map<String, OnlineService> services;
    private final TenantDirectory tenants;
    private final Map<String, AuthProvider> authProviders;
    private final Optional<Payments> payments;
    private final Optional<Postbox> postbox;
    private final TimestampClient timestamps;
    private final Outbox outbox;
    private final Clock clock;
    private final Behoerde sender;
    private final Optional<ReceiptRenderer> receiptRenderer;
    private final DraftStore drafts;
    private final SubmissionTable submissions;
    private final AuditLog audit;
    private final PersonalDataRetention retention;
    private final ApplicationMessageWriter writer = ApplicationMessageWriter.create();
    private final Optional<Uploads> uploads;

    private ServiceRuntime(Builder b) {
        this.database = b.database;
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(b.services));
        this.tenants = b.tenants;
        this.authProviders = Collections.unmodifiableMap(new LinkedHashMap<>(b.authProviders));
        this.payments = Optional.ofNullable(b.paymentProvider).map(p -> Payments.create(b.database, p, b.clock));
        this.postbox = Optional.ofNullable(b.postbox);
        this.timestamps = b.timestamps;
        this.outbox = b.outbox;
        this.clock = b.clock;
        this.sender = b.sender;
        this.receiptRenderer = Optional.ofNullable(b.receiptRenderer);
        this.drafts = DraftStore.builder(b.database, b.sealer).clock(b.clock).lifetime(b.draftLifetime).build();
        this.submissions = new SubmissionTable(b.database, b.sealer);
        this.audit = AuditLog.create(b.database, b.clock);
        this.uploads = Optional.ofNullable(b.uploads);
        List<PersonalDataHolder> holders = new ArrayList<>(b.holders);
        // documents go in the same transaction as the draft or submission they belong to
        uploads.ifPresent(u -> holders.add(u::eraseApplication));
        this.retention = new PersonalDataRetention(b.database, submissions, audit, b.clock, b.retention,
                holders);
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
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return DraftOwner.of(tenant, ANONYMOUS + HexFormat.of().formatHex(key));
    }

    /**
     * The owner for a logged-in citizen of {@code tenant}: a pseudonym of the identity provider and the citizen's
     * subject key, the same after every login, so that the citizen finds their drafts on any device.
     */
    public static DraftOwner citizenOwner(TenantId tenant, Citizen citizen) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(citizen, "citizen");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("ozg-owner/1|" + citizen.issuer() + "|"
                    + citizen.subjectKey()).getBytes(StandardCharsets.UTF_8));
            return DraftOwner.of(tenant, CITIZEN + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The services this runtime runs, by id. */
    public Map<String, OnlineService> services() {
        return services;
    }

    /** The store of uploaded documents, if configured ({@link Builder#uploads}). */
    public Optional<Uploads> uploads() {
        return uploads;
    }

    /** The tenants this runtime serves. */
    public TenantDirectory tenants() {
        return tenants;
    }

    /** The ids of the configured login providers ({@link AuthProvider#id()}), in the order they were added. */
    public List<String> authProviders() {
        return List.copyOf(authProviders.keySet());
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
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(citizen, "citizen");
        PortalTenant portalTenant = offering(tenant, serviceId);
        OnlineService service = services.get(serviceId);
        if (!owner.tenantId().equals(tenant)) {
            throw new IllegalArgumentException("the owner belongs to another tenant");
        }
        citizen.ifPresent(c -> {
            if (!citizenOwner(tenant, c).equals(owner)) {
                throw new IllegalArgumentException("the owner is not the citizen's (use citizenOwner)");
            }
        });
        Locale language = service.languages().stream().filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Locale.GERMAN);
        boolean loggedIn = citizen.isPresent() && reaches(service, citizen.get());
        DraftPayload payload = new DraftPayload(service.version(),
                needsLogin(service) && !loggedIn ? Stage.LOGIN_REQUIRED : Stage.STEP, language, FormData.empty());
        if (loggedIn) {
            bind(service, payload, citizen.get());
        }
        Draft draft = drafts.save(owner, serviceId, PayloadCodec.write(payload));
        ApplicationRef ref = new ApplicationRef(draft.id(), owner);
        audit(ref, "application.start", AuditOutcome.SUCCESS);
        LOG.info("application {} of service {} started for tenant {}", draft.id(), serviceId, tenant);
        return view(ref, draft, payload);
    }

    /**
     * The application as stored.
     *
     * @throws NotFoundException ({@code OZG-PORTAL-301}) if it does not exist, has expired or has another owner
     */
    public ApplicationState state(ApplicationRef ref) {
        Objects.requireNonNull(ref, "ref");
        Optional<Draft> draft = findDraft(ref);
        if (draft.isPresent()) {
            DraftPayload payload = PayloadCodec.read(draft.get().payload(), ref.id());
            Optional<SubmissionReceipt> submitted = payload.stage == Stage.REVIEW || payload.stage == Stage.PAYMENT
                    ? submissions.find(ref.id(), ref.owner()) : Optional.empty();
            return submitted.map(receipt -> submittedView(ref, receipt))
                    .orElseGet(() -> view(ref, draft.get(), payload));
        }
        return submissions.find(ref.id(), ref.owner()).map(receipt -> submittedView(ref, receipt))
                .orElseThrow(() -> notFound(ref));
    }

    /** The resumable (not submitted, not expired) applications of {@code owner}, newest change first. */
    public List<DraftSummary> drafts(DraftOwner owner) {
        List<DraftSummary> list = new ArrayList<>();
        for (Draft draft : drafts.listByOwner(owner)) {
            if (services.containsKey(draft.serviceId())) {
                DraftPayload payload = PayloadCodec.read(draft.payload(), draft.id());
                list.add(new DraftSummary(new ApplicationRef(draft.id(), owner), draft.serviceId(), payload.stage,
                        draft.updatedAt(), draft.expiresAt()));
            }
        }
        return list;
    }

    /**
     * The data to render step {@code index}: any step up to the furthest one reached; with the step's violations if
     * the last "next" on it failed. Changes nothing.
     *
     * @throws ConflictException ({@code OZG-PORTAL-303}) if the step is beyond the furthest reached or the
     *                           application is not in the steps
     */
    public StepPage step(ApplicationRef ref, int index) {
        Loaded app = load(ref);
        requireStep(app, index, "show step " + index);
        List<Violation> violations = app.payload.errorsAt == index
                ? stepViolations(app.service, app.payload.data, index) : List.of();
        return new StepPage(app.view(), index, app.service.steps().step(index), app.service.steps().size(),
                violations);
    }

    /**
     * Takes the parameters of step {@code index} (a servlet's {@code getParameterMap()}) into the application and
     * stores it: {@link StepAction#NEXT} validates the step's elements and moves on (to the next step or the review
     * page) only without violations; {@link StepAction#BACK} and {@link StepAction#SAVE} never validate and keep the
     * input. Read-only prefilled values are restored whatever was posted. At {@link Stage#PAYMENT} the steps open
     * again only after a failed or cancelled payment attempt (the fee is then computed anew).
     *
     * @param version the version the page was rendered with
     * @throws ConflictException ({@code OZG-PORTAL-302}) if the application changed since {@code version}
     * @throws de.ozgsdk.core.InvalidInputException ({@code OZG-DATA-1xx}) for parameters that no rendered page sends
     */
    public StepOutcome postStep(ApplicationRef ref, long version, int index, Map<String, String[]> parameters,
            StepAction action) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(action, "action");
        Loaded app = load(ref);
        requireVersion(app, version);
        requireStep(app, index, "post step " + index);
        BindResult bound = app.service.form().bind(parameters);
        DraftPayload p = app.payload;
        // answers changed after an abandoned payment: the fee is computed again at the next payment
        p.fee = Optional.empty();
        p.data = restoreLocked(p, merge(p.data, bound.data(), app.service.steps().step(index)));
        List<Violation> violations = List.of();
        if (action == StepAction.BACK) {
            p.stage = Stage.STEP;
            p.step = Math.max(0, index - 1);
            p.errorsAt = -1;
        } else if (action == StepAction.SAVE || bound.changedStructure()) {
            p.stage = Stage.STEP;
            p.step = index;
        } else {
            violations = stepViolations(app.service, p.data, index);
            if (violations.isEmpty()) {
                p.errorsAt = -1;
                if (index + 1 < app.service.steps().size()) {
                    p.stage = Stage.STEP;
                    p.step = index + 1;
                    p.furthestStep = Math.max(p.furthestStep, index + 1);
                } else {
                    p.stage = Stage.REVIEW;
                }
            } else {
                p.stage = Stage.STEP;
                p.step = index;
                p.errorsAt = index;
            }
        }
        Draft saved = save(app, p);
        return new StepOutcome(view(ref, saved, p), violations, bound.changedStructure());
    }

    /**
     * The check-answers page: the data that will be submitted and the fee.
     *
     * @throws ConflictException ({@code OZG-PORTAL-303}) unless the application is at the review or payment stage
     */
    public ReviewPage review(ApplicationRef ref) {
        Loaded app = load(ref);
        requireStage(app, "review", Stage.REVIEW, Stage.PAYMENT);
        ValidationResult result = app.service.form().validate(withDocuments(app));
        FormData data = result.visibleData();
        return new ReviewPage(app.view(), data, app.payload.fee.orElseGet(() -> fee(app.service, data)),
                result.violations());
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
        Objects.requireNonNull(returnUrl, "returnUrl");
        Loaded app = load(ref);
        requireVersion(app, version);
        requireStage(app, "pay", Stage.REVIEW, Stage.PAYMENT);
        Submission submission = validSubmission(app);
        Money fee = app.payload.fee.orElseGet(() -> fee(app.service, submission.data()));
        if (fee.isZero()) {
            throw stageInvalid(ref, app.payload.stage, "pay (no fee is due)");
        }
        Payments pay = payments.orElseThrow(() -> misconfigured("no payment provider for service "
                + app.service.id()));
        PaymentAccount account = app.tenant.paymentAccount(app.service.id()).orElseThrow(() -> misconfigured(
                "tenant " + app.tenant.tenant().id() + " has no payment account for service " + app.service.id()));
        String title = app.service.title().get(app.payload.locale);
        BookingLine line = BookingLine.of(limit(title, 250), account.haushaltsstelle(), fee);
        if (account.objektnummer().isPresent()) {
            line = line.withObjektnummer(account.objektnummer().get());
        }
        PaymentOrder order = PaymentOrder.builder()
                .tenant(ref.tenant())
                .applicationId(ref.id().toString())
                .purpose(purpose(app.service.title().german()))
                .description(limit(title, 250))
                .returnUrl(returnUrl)
                .line(line)
                .build();
        // Stored before the payment service is called: whichever node the citizen returns to knows the fee.
        if (app.payload.stage != Stage.PAYMENT || app.payload.fee.isEmpty()) {
            app.payload.stage = Stage.PAYMENT;
            app.payload.fee = Optional.of(fee);
            save(app, app.payload);
        }
        PaymentRedirect redirect = pay.start(order);
        audit(ref, "application.payment-start", AuditOutcome.SUCCESS);
        return redirect;
    }

    /**
     * The citizen is back from the pay page: asks the payment service for the outcome (the return parameters are
     * only checked for tampering) and stores it.
     */
    public PaymentOutcome completePayment(ApplicationRef ref, Map<String, String[]> returnParameters) {
        Objects.requireNonNull(returnParameters, "returnParameters");
        Loaded app = load(ref);
        requireStage(app, "complete the payment", Stage.PAYMENT);
        Payments pay = payments.orElseThrow(() -> misconfigured("no payment provider"));
        PaymentResult result = pay.complete(ref.tenant(), ref.id().toString(), returnParameters);
        audit(ref, "application.payment-return", result.isPaid() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
        return new PaymentOutcome(app.view(), result);
    }

    /**
     * Submits the application exactly once and returns its receipt; if it was submitted before (double click,
     * retry, another node), returns that receipt without submitting again. Requires the review stage (free service)
     * or a paid fee. The application message (Fachdaten as FIM XML, metadata with payment and trust level) is
     * time-stamped first: if the time-stamp authority cannot be reached nothing is stored and the call fails with a
     * retryable {@link RemoteSystemException} ({@code OZG-PORTAL-305}, "try again"), because the receipt must name
     * the time-stamp and an application must never be half-accepted. Then the submission (with the sealed receipt),
     * the outbox entry of the application message (to the tenant's back-office destination) and, when the citizen
     * has a postbox, the postbox message are written in one transaction; the draft is removed after the commit.
     *
     * @throws ConflictException ({@code OZG-PORTAL-302}/{@code 303}/{@code 306}) if the application changed, is not
     *                           at the review stage, or its fee is not paid
     */
    public SubmissionReceipt submit(ApplicationRef ref, long version) {
        Objects.requireNonNull(ref, "ref");
        Optional<SubmissionReceipt> earlier = submissions.find(ref.id(), ref.owner());
        if (earlier.isPresent()) {
            LOG.info("application {} was submitted before: same receipt", ref.id());
            return earlier.get();
        }
        Loaded app;
        try {
            app = load(ref);
        } catch (NotFoundException e) {
            // another node may have submitted and removed the draft since we looked
            return submissions.find(ref.id(), ref.owner()).orElseThrow(() -> e);
        }
        requireVersion(app, version);
        requireStage(app, "submit", Stage.REVIEW, Stage.PAYMENT);
        Submission submission = validSubmission(app);
        Money fee = app.payload.fee.orElseGet(() -> fee(app.service, submission.data()));
        Optional<PaymentRecord> paid = Optional.empty();
        if (!fee.isZero()) {
            paid = payments.flatMap(p -> p.latest(ref.tenant(), ref.id().toString()))
                    .filter(r -> r.state() == PaymentState.PAID);
            if (paid.isEmpty()) {
                throw new ConflictException(PortalError.RUNTIME_PAYMENT_MISSING, ref.id());
            }
        }
        BackOfficeDestination destination = destination(app.tenant, app.service);
        Instant submittedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID submissionId = UUID.randomUUID();
        Optional<String> paymentReference = paid.map(r -> r.transactionReference().orElse(r.transactionId()
                .orElse(r.requestId())));
        ApplicationMetadata.Builder metadata = ApplicationMetadata.builder()
                .leikaKey(app.service.leikaKeys().get(0))
                .tenant(app.tenant.tenant().regionalKey())
                .service(app.service.id(), app.service.version())
                .submissionId(submissionId)
                .submittedAt(submittedAt)
                // an application without login is written as LOW, the lowest level the schema knows
                .trustLevel(app.payload.trustLevel.orElse(TrustLevel.LOW));
        paymentReference.ifPresent(kz -> metadata.payment(new Payment(kz, PAID)));
        app.payload.postboxReference.ifPresent(metadata::postboxReference);
        String municipality = app.tenant.tenant().name().get(app.payload.locale);
        ApplicationMessage.Builder messageBuilder = ApplicationMessage.builder();
        attachments(ref, submission).forEach(messageBuilder::addAttachment);
        ApplicationMessage message = messageBuilder
                .sender(sender)
                .recipient(Behoerde.dvdv(app.tenant.tenant().regionalKey().value()).withName(limit(municipality,
                        200)))
                .clock(clock)
                .metadata(metadata.build())
                .fachdaten(submission)
                .build();
        byte[] digest = message.submissionDigest();
        TimestampToken token = stamp(ref, digest);
        ApplicationMessage stamped = message.withMetadata(message.metadata().toBuilder()
                .timestampToken(token.encoded()).build());
        OutboxMessage outgoing = OutgoingApplication.write(stamped, writer).toOutboxMessage(destination.destination());
        String serviceTitle = app.service.title().get(app.payload.locale);
        Map<String, String> values = Map.of("service", serviceTitle, "submissionId", submissionId.toString(),
                "municipality", municipality, "submittedAt", RECEIPT_TIME.format(submittedAt));
        Optional<UUID> mailbox = postbox.isPresent() ? app.payload.postboxReference.flatMap(ServiceRuntime::uuid)
                : Optional.empty();
        Optional<UUID> postboxMessageId = mailbox.map(m -> UUID.nameUUIDFromBytes(
                ("ozg-receipt/" + submissionId).getBytes(StandardCharsets.UTF_8)));
        SubmissionReceipt receipt = new SubmissionReceipt(submissionId, ref.id(), ref.tenant(), municipality,
                app.service.id(), app.service.version(), serviceTitle, app.payload.locale, submittedAt,
                token.genTime(), token.encoded(), digest, fee.isZero() ? Optional.empty() : Optional.of(fee),
                paymentReference, Notifications.fill(app.service.notifications().receiptIntro(), app.payload.locale,
                        values), submission.data(), postboxMessageId);
        Optional<PostboxMessage> postboxMessage = mailbox.map(m -> postboxMessage(app, receipt, m,
                postboxMessageId.orElseThrow(), values));
        try {
            database.runInTransaction(connection -> {
                submissions.insert(connection, ref.owner(), app.service.id(), receipt);
                outbox.enqueue(connection, outgoing);
                if (postboxMessage.isPresent()) {
                    postbox.orElseThrow().send(connection, postboxMessage.get());
                }
                audit.append(connection, AuditEntry.of(ref.tenant(), ref.owner().userId(), "application.submit",
                        "application", ref.id().toString(), AuditOutcome.SUCCESS));
            });
        } catch (SubmissionTable.AlreadySubmitted e) {
            LOG.info("application {} was submitted meanwhile by another request: same receipt", ref.id());
            return submissions.find(ref.id(), ref.owner()).orElseThrow(() -> notFound(ref));
        }
        drafts.delete(ref.id(), ref.owner());
        // the documents travel inside the outbox message now; the draft's copies go with the draft
        uploads.ifPresent(u -> u.eraseApplication(ref.tenant(), ref.id()));
        LOG.info("application {} submitted as {} to {}", ref.id(), submissionId, destination.destination());
        return receipt;
    }

    /** The receipt of a submitted application of this owner; empty if it was not submitted. */
    public Optional<SubmissionReceipt> receipt(ApplicationRef ref) {
        Objects.requireNonNull(ref, "ref");
        return submissions.find(ref.id(), ref.owner());
    }

    /** The receipt document, if the application was submitted and a {@link ReceiptRenderer} is configured. */
    public Optional<ReceiptRenderer.RenderedReceipt> receiptDocument(ApplicationRef ref) {
        if (receiptRenderer.isEmpty()) {
            return Optional.empty();
        }
        return receipt(ref).map(r -> receiptRenderer.get().render(r, services.get(r.serviceId()),
                tenants.find(r.tenant()).orElseThrow(() -> notFound(ref))));
    }

    /**
     * Starts the login the application's service needs, at its trust level, with the provider {@code providerId}.
     * The adapter remembers the application (in its session) and calls {@link #completeLogin} at the callback.
     *
     * @throws de.ozgsdk.core.InvalidInputException ({@code OZG-PORTAL-307}) if there is no such provider
     */
    public LoginChallenge startLogin(ApplicationRef ref, String providerId, LoginContext context) {
        Objects.requireNonNull(context, "context");
        AuthProvider provider = provider(providerId);
        Loaded app = load(ref);
        return provider.start(context, app.service.trustLevel().orElse(TrustLevel.LOW));
    }

    /**
     * Starts a login that belongs to no application, at {@code level}, with the provider {@code providerId}: for a
     * citizen who comes back on another device to list and resume their drafts ({@link #drafts}).
     *
     * @throws de.ozgsdk.core.InvalidInputException ({@code OZG-PORTAL-307}) if there is no such provider
     */
    public LoginChallenge startLogin(String providerId, TrustLevel level, LoginContext context) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(context, "context");
        return provider(providerId).start(context, level);
    }

    /** Checks the identity provider's answer at the callback with the provider {@code providerId}. */
    public LoginOutcome completeLogin(String providerId, Callback callback) {
        return provider(providerId).complete(Objects.requireNonNull(callback, "callback"));
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
        Objects.requireNonNull(citizen, "citizen");
        Loaded app = load(ref);
        DraftOwner owner = citizenOwner(ref.tenant(), citizen);
        boolean anonymous = ref.owner().userId().startsWith(ANONYMOUS);
        if (!anonymous && !owner.equals(ref.owner())) {
            throw notFound(ref);
        }
        if (!reaches(app.service, citizen)) {
            throw new ConflictException(PortalError.RUNTIME_TRUST_LEVEL_TOO_LOW, app.service.id(),
                    app.service.trustLevel().orElseThrow(), citizen.trustLevel());
        }
        if (app.payload.stage == Stage.PAYMENT) {
            // the payment is recorded under this application id; moving it to a new id would lose it
            throw stageInvalid(ref, app.payload.stage, "log in");
        }
        bind(app.service, app.payload, citizen);
        if (app.payload.stage == Stage.LOGIN_REQUIRED) {
            app.payload.stage = Stage.STEP;
            app.payload.step = 0;
        }
        if (owner.equals(ref.owner())) {
            Draft saved = save(app, app.payload);
            return view(ref, saved, app.payload);
        }
        Draft moved = drafts.save(owner, app.service.id(), PayloadCodec.write(app.payload));
        ApplicationRef newRef = new ApplicationRef(moved.id(), owner);
        uploads.ifPresent(u -> u.moveApplication(ref, newRef));
        drafts.delete(ref.id(), ref.owner());
        audit(newRef, "application.login", AuditOutcome.SUCCESS);
        return view(newRef, moved, app.payload);
    }

    /**
     * Deletes a not yet submitted application with everything the {@link PersonalDataHolder}s keep of it (the
     * citizen's "delete application"); returns whether there was one.
     */
    public boolean discard(ApplicationRef ref) {
        boolean deleted = database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ozg_draft WHERE id = ? AND tenant_id = ? AND user_id = ?")) {
                delete.setObject(1, ref.id());
                delete.setString(2, ref.tenant().value());
                delete.setString(3, ref.owner().userId());
                if (delete.executeUpdate() != 1) {
                    return false;
                }
            }
            retention.eraseHeld(connection, ref);
            return true;
        });
        if (deleted) {
            uploads.ifPresent(u -> u.eraseApplication(ref.tenant(), ref.id()));
            audit(ref, "application.discard", AuditOutcome.SUCCESS);
        }
        return deleted;
    }

    /** Deletes expired drafts now, with what the {@link PersonalDataHolder}s keep of them; returns how many. */
    public int purgeExpired() {
        int purged = retention.purgeExpiredDrafts() + drafts.purgeExpired();
        uploads.ifPresent(Uploads::purge);
        return purged;
    }

    /** The deletion of personal data after delivery: its receipt handler, its job, the operator's erasure. */
    public PersonalDataRetention retention() {
        return retention;
    }

    /** Starts deleting expired drafts every {@code interval} in the background; close the job at shutdown. */
    public DraftPurgeJob startPurgeJob(Duration interval) {
        return DraftPurgeJob.start(drafts, interval);
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    /** An application loaded with everything the transitions need. */
    private final class Loaded {
        final ApplicationRef ref;
        final Draft draft;
        final DraftPayload payload;
        final OnlineService service;
        final PortalTenant tenant;

        Loaded(ApplicationRef ref, Draft draft, DraftPayload payload, OnlineService service, PortalTenant tenant) {
            this.ref = ref;
            this.draft = draft;
            this.payload = payload;
            this.service = service;
            this.tenant = tenant;
        }

        ApplicationState view() {
            return ServiceRuntime.this.view(ref, draft, payload);
        }
    }

    private Loaded load(ApplicationRef ref) {
        Objects.requireNonNull(ref, "ref");
        Draft draft = findDraft(ref).orElseThrow(() -> submissions.find(ref.id(), ref.owner()).isPresent()
                ? stageInvalid(ref, Stage.SUBMITTED, "change it") : notFound(ref));
        OnlineService service = services.get(draft.serviceId());
        PortalTenant tenant = tenants.find(ref.tenant()).orElse(null);
        if (service == null || tenant == null || !tenant.offers(service.id())) {
            throw new NotFoundException(PortalError.RUNTIME_SERVICE_NOT_OFFERED, ref.tenant(), draft.serviceId());
        }
        DraftPayload payload = PayloadCodec.read(draft.payload(), ref.id());
        if ((payload.stage == Stage.REVIEW || payload.stage == Stage.PAYMENT)
                && submissions.find(ref.id(), ref.owner()).isPresent()) {
            // submitted, but the draft outlived the commit (its deletion failed): finish the clean-up now
            drafts.delete(ref.id(), ref.owner());
            throw stageInvalid(ref, Stage.SUBMITTED, "change it");
        }
        return new Loaded(ref, draft, payload, service, tenant);
    }

    private Optional<Draft> findDraft(ApplicationRef ref) {
        try {
            return Optional.of(drafts.load(ref.id(), ref.owner()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Draft save(Loaded app, DraftPayload payload) {
        try {
            return drafts.update(app.draft, PayloadCodec.write(payload));
        } catch (ConflictException e) {
            long current = findDraft(app.ref).map(Draft::version).orElse(-1L);
            throw new ConflictException(PortalError.RUNTIME_APPLICATION_CHANGED, e, app.ref.id(),
                    app.draft.version(), current);
        } catch (NotFoundException e) {
            throw notFound(app.ref);
        }
    }

    private ApplicationState view(ApplicationRef ref, Draft draft, DraftPayload p) {
        Optional<PaymentState> paymentState = p.stage == Stage.PAYMENT
                ? payments.flatMap(pay -> pay.latest(ref.tenant(), ref.id().toString())).map(PaymentRecord::state)
                : Optional.empty();
        return new ApplicationState(ref, draft.serviceId(), draft.version(), p.stage,
                p.stage == Stage.STEP ? OptionalInt.of(p.step) : OptionalInt.empty(), p.furthestStep, p.locale,
                p.data, p.prefilled, p.locked.keySet(), p.trustLevel, p.fee, paymentState,
                Optional.of(draft.expiresAt()), Optional.empty());
    }

    private ApplicationState submittedView(ApplicationRef ref, SubmissionReceipt receipt) {
        return new ApplicationState(ref, receipt.serviceId(), 0, Stage.SUBMITTED, OptionalInt.empty(), 0,
                receipt.locale(), receipt.data(), Set.of(), Set.of(), Optional.empty(), receipt.fee(),
                receipt.fee().map(f -> PaymentState.PAID), Optional.empty(), Optional.of(receipt));
    }

    private PortalTenant offering(TenantId tenant, String serviceId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(serviceId, "serviceId");
        Optional<PortalTenant> found = tenants.find(tenant);
        if (found.isEmpty() || !found.get().offers(serviceId) || !services.containsKey(serviceId)) {
            throw new NotFoundException(PortalError.RUNTIME_SERVICE_NOT_OFFERED, tenant, serviceId);
        }
        destination(found.get(), services.get(serviceId));
        return found.get();
    }

    private BackOfficeDestination destination(PortalTenant tenant, OnlineService service) {
        BackOfficeDestination destination = tenant.backOffice(service.id()).orElseThrow(() -> misconfigured(
                "tenant " + tenant.tenant().id() + " has no back-office destination for service " + service.id()));
        if (!service.backOffice().channels().contains(destination.channel())) {
            throw misconfigured("the back office of tenant " + tenant.tenant().id() + " receives service "
                    + service.id() + " over " + destination.channel() + ", which the service does not accept");
        }
        return destination;
    }

    private static boolean needsLogin(OnlineService service) {
        return service.trustLevel().isPresent();
    }

    private static boolean reaches(OnlineService service, Citizen citizen) {
        return service.trustLevel().map(level -> citizen.trustLevel().isAtLeast(level)).orElse(true);
    }

    /** Takes trust level and postbox of the login and fills the prefill targets that are still empty. */
    private static void bind(OnlineService service, DraftPayload p, Citizen citizen) {
        p.trustLevel = Optional.of(citizen.trustLevel());
        p.postboxReference = citizen.postboxReference();
        for (PrefillRule rule : service.prefill()) {
            DataPath target = FormPaths.canonical(rule.target());
            Optional<String> value = attribute(citizen, rule.source());
            if (value.isEmpty() || FormPaths.value(p.data, target).isPresent()) {
                continue;
            }
            p.data = FormPaths.set(p.data, target, value.get());
            p.prefilled.add(target);
            if (!rule.editable()) {
                p.locked.put(target, value.get());
            }
        }
    }

    private static Optional<String> attribute(Citizen citizen, PersonAttribute source) {
        if (source == PersonAttribute.BIRTH_DATE) {
            return citizen.birthDate().map(GERMAN_DATE::format);
        }
        return citizen.attribute(source).map(AttributeValue::value).filter(v -> !v.isBlank());
    }

    private static FormData restoreLocked(DraftPayload p, FormData data) {
        FormData restored = data;
        for (Map.Entry<DataPath, String> locked : p.locked.entrySet()) {
            restored = FormPaths.set(restored, locked.getKey(), locked.getValue());
        }
        return restored;
    }

    /** The stored data with the step's top-level elements replaced by what was posted (other elements ignored). */
    private static FormData merge(FormData stored, FormData posted, StepPlan.Step step) {
        FormData.Builder merged = stored.toBuilder();
        for (ElementRef element : step.elements()) {
            String id = element.id().id();
            merged.remove(id);
            if (posted.isGroup(id)) {
                merged.groups(id, posted.groups(id));
            } else if (posted.isField(id)) {
                merged.values(id, posted.values(id));
            }
        }
        return merged.build();
    }

    /** The violations of the whole data that belong to step {@code index} (by their top-level element). */
    private static List<Violation> stepViolations(OnlineService service, FormData data, int index) {
        ValidationResult result = service.form().validate(data);
        List<Violation> own = new ArrayList<>();
        for (Violation violation : result.violations()) {
            List<DataPath.Segment> segments = violation.path().segments();
            if (!segments.isEmpty() && service.steps().stepOf(segments.get(0).id()).equals(OptionalInt.of(index))) {
                own.add(violation);
            }
        }
        return own;
    }

    private Submission validSubmission(Loaded app) {
        FormData data = withDocuments(app);
        ValidationResult result = app.service.form().validate(data);
        if (!result.isValid()) {
            throw new InvalidInputException(PortalError.RUNTIME_DATA_INVALID, app.ref.id(),
                    result.violations().size());
        }
        return app.service.form().submission(data);
    }

    /** The data without file values whose document is gone, so a required file field without one is missing. */
    private FormData withDocuments(Loaded app) {
        return uploads.map(u -> u.withoutMissing(app.ref, app.service.form().schema(), app.payload.data))
                .orElse(app.payload.data);
    }

    /** The documents named by the submitted data, as attachments read from the upload store when written. */
    private List<AttachmentSource> attachments(ApplicationRef ref, Submission submission) {
        if (uploads.isEmpty()) {
            return List.of();
        }
        uploads.get().requireScanned(ref);
        List<AttachmentSource> sources = new ArrayList<>();
        for (StoredDocument document : uploads.get().list(ref)) {
            if (submission.data().values(DataPath.parse(document.fieldPath())).contains(document.name())
                    || submission.data().values(FormPaths.canonical(DataPath.parse(document.fieldPath())))
                    .contains(document.name())) {
                sources.add(AttachmentSource.of(document.name(), document.mediaType(),
                        () -> uploads.get().open(ref, document.id())));
            }
        }
        return sources;
    }

    private static Money fee(OnlineService service, FormData data) {
        return service.fee().map(rule -> rule.amount(data)).orElse(Money.ZERO);
    }

    private TimestampToken stamp(ApplicationRef ref, byte[] digest) {
        try {
            return timestamps.stampDigest(digest);
        } catch (OzgException e) {
            LOG.warn("application {} not submitted: time-stamp authority failed ({})", ref.id(), e.code().code());
            audit(ref, "application.submit", AuditOutcome.FAILURE);
            throw RemoteSystemException.builder(PortalError.RUNTIME_TIMESTAMP_UNAVAILABLE, "time-stamp authority")
                    .side(RemoteSystemException.Side.REMOTE).cause(e).arguments(ref.id()).build();
        }
    }

    private PostboxMessage postboxMessage(Loaded app, SubmissionReceipt receipt, UUID mailbox, UUID messageId,
            Map<String, String> values) {
        Locale locale = app.payload.locale;
        PostboxMessage.Builder message = PostboxMessage.builder(mailbox)
                .messageId(messageId)
                .sender(limit(app.tenant.postboxSender().orElse(receipt.municipality()), PostboxMessage.MAX_SHORT_TEXT))
                .title(limit(Notifications.fill(app.service.notifications().postboxSubject(), locale, values),
                        PostboxMessage.MAX_TITLE))
                .plainContent(Notifications.fill(app.service.notifications().postboxText(), locale, values))
                .service(limit(receipt.serviceTitle(), PostboxMessage.MAX_SHORT_TEXT))
                .trustLevel(app.payload.trustLevel.orElse(TrustLevel.LOW))
                .applicationId(receipt.submissionId());
        receiptRenderer.ifPresent(renderer -> {
            ReceiptRenderer.RenderedReceipt document = renderer.render(receipt, app.service, app.tenant);
            if (document.content().length <= PostboxMessage.MAX_ATTACHMENT_BYTES) {
                message.attachment(PostboxAttachment.of(document.fileName(), document.content()));
            } else {
                // checked before anything is stored: the postbox would refuse the attachment, and a refused receipt
                // must not stop the submission; the message goes without it, the receipt stays downloadable
                LOG.warn("receipt of submission {} has {} bytes, over the postbox's {} per attachment: the postbox"
                        + " message goes without it", receipt.submissionId(), document.content().length,
                        PostboxMessage.MAX_ATTACHMENT_BYTES);
            }
        });
        return message.build();
    }

    private AuthProvider provider(String providerId) {
        Objects.requireNonNull(providerId, "providerId");
        AuthProvider provider = authProviders.get(providerId);
        if (provider == null) {
            throw new InvalidInputException(PortalError.RUNTIME_CONFIGURATION_INVALID,
                    "there is no login provider " + providerId + " (configured: " + authProviders.keySet() + ")");
        }
        return provider;
    }

    private void requireVersion(Loaded app, long version) {
        if (app.draft.version() != version) {
            throw new ConflictException(PortalError.RUNTIME_APPLICATION_CHANGED, app.ref.id(), version,
                    app.draft.version());
        }
    }

    private void requireStage(Loaded app, String action, Stage... allowed) {
        if (!List.of(allowed).contains(app.payload.stage)) {
            throw stageInvalid(app.ref, app.payload.stage, action);
        }
    }

    private void requireStep(Loaded app, int index, String action) {
        if (!(app.payload.stage == Stage.PAYMENT && paymentAbandoned(app.ref))) {
            requireStage(app, action, Stage.STEP, Stage.REVIEW);
        }
        if (index < 0 || index >= app.service.steps().size() || index > app.payload.furthestStep) {
            throw stageInvalid(app.ref, app.payload.stage, action);
        }
    }

    /**
     * Whether the answers may change again after the payment started: only when its latest attempt failed or was
     * cancelled (an expired one may still turn out paid, an open or paid one fixes the order).
     */
    private boolean paymentAbandoned(ApplicationRef ref) {
        return payments.flatMap(p -> p.latest(ref.tenant(), ref.id().toString())).map(PaymentRecord::state)
                .map(state -> state == PaymentState.FAILED || state == PaymentState.CANCELLED).orElse(true);
    }

    private void audit(ApplicationRef ref, String action, AuditOutcome outcome) {
        audit.append(AuditEntry.of(ref.tenant(), ref.owner().userId(), action, "application", ref.id().toString(),
                outcome));
    }

    private static ConflictException stageInvalid(ApplicationRef ref, Stage stage, String action) {
        return new ConflictException(PortalError.RUNTIME_STAGE_INVALID, ref.id(), stage, action);
    }

    private static NotFoundException notFound(ApplicationRef ref) {
        return new NotFoundException(PortalError.RUNTIME_APPLICATION_NOT_FOUND, ref.id());
    }

    private static ConfigurationException misconfigured(String what) {
        return new ConfigurationException(PortalError.RUNTIME_CONFIGURATION_INVALID, what);
    }

    /** A SEPA purpose from a title: umlauts spelled out, only letters, digits, spaces and hyphens, 27 characters. */
    static String purpose(String title) {
        String spelled = title.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
                .replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss");
        String plain = spelled.replaceAll("[^A-Za-z0-9 -]", " ").replaceAll(" +", " ").strip();
        String cut = plain.length() > PaymentOrder.MAX_PURPOSE ? plain.substring(0, PaymentOrder.MAX_PURPOSE).strip()
                : plain;
        return cut.isEmpty() ? "Gebuehr" : cut;
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            LOG.warn("the postbox reference of the login is no UUID: no postbox message");
            return Optional.empty();
        }
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
        private RetentionPolicy retention = RetentionPolicy.defaults();
        private final List<PersonalDataHolder> holders = new ArrayList<>();
        private Uploads uploads;

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
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(Duration.ofDays(3 * 366)) > 0) {
                throw new InvalidInputException(PortalError.RUNTIME_CONFIGURATION_INVALID,
                        "the draft lifetime must lie between 1 minute and 3 years, is " + lifetime);
            }
            this.draftLifetime = lifetime;
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
         * The documents uploaded into file fields ({@code de.ozgsdk.portal.upload}): they travel as attachments of
         * the application message and are erased with the draft. Without it, file fields stay empty.
         */
        public Builder uploads(Uploads uploads) {
            this.uploads = Objects.requireNonNull(uploads, "uploads");
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
        /** How long personal data stays after delivery ({@link PersonalDataRetention}; default: erased at once). */
        public Builder retention(RetentionPolicy policy) {
            this.retention = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Adds a holder of personal data outside the runtime's tables (uploaded files), erased with the rest. */
        public Builder personalDataHolder(PersonalDataHolder holder) {
            holders.add(Objects.requireNonNull(holder, "holder"));
            return this;
        }

        public ServiceRuntime build() {
            List<String> problems = new ArrayList<>();
            if (services.isEmpty()) {
                problems.add("no service is given");
            }
            if (tenants == null) {
                problems.add("no tenant directory is given");
            }
            if (timestamps == null) {
                problems.add("no time-stamp client is given");
            }
            if (outbox == null) {
                problems.add("no outbox is given");
            }
            for (OnlineService service : services.values()) {
                if (service.fee().isPresent() && paymentProvider == null) {
                    problems.add("service " + service.id() + " has a fee but no payment provider is given");
                }
                if (service.trustLevel().isPresent() && authProviders.isEmpty()) {
                    problems.add("service " + service.id() + " needs a login but no login provider is given");
                }
                if (service.minApiLevel() > PortalApi.LEVEL) {
                    problems.add("service " + service.id() + " needs API level " + service.minApiLevel()
                            + ", this runtime has " + PortalApi.LEVEL);
                }
                for (ServiceCheck check : checks) {
                    check.blockers(service).forEach(b -> problems.add("service " + service.id() + ": " + b));
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(PortalError.RUNTIME_CONFIGURATION_INVALID,
                        String.join("; ", problems));
            }
            return new ServiceRuntime(this);
        }
    }
}
