package de.ozgsdk.portal.web;

import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.core.ErrorKind;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.HtmlWriter;
import de.ozgsdk.forms.render.RenderRequest;
import de.ozgsdk.forms.render.RenderedPage;
import de.ozgsdk.forms.render.Theme;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.abuse.Action;
import de.ozgsdk.portal.abuse.BotTrap;
import de.ozgsdk.portal.abuse.ProofOfWork;
import de.ozgsdk.portal.abuse.RateLimits;
import de.ozgsdk.portal.abuse.internal.AbusePages;
import de.ozgsdk.portal.findability.GovernmentServiceMarkup;
import de.ozgsdk.portal.findability.XzufiExport;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.runtime.ApplicationState;
import de.ozgsdk.portal.runtime.DraftSummary;
import de.ozgsdk.portal.runtime.PaymentOutcome;
import de.ozgsdk.portal.runtime.ReceiptRenderer;
import de.ozgsdk.portal.runtime.ReviewPage;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.Stage;
import de.ozgsdk.portal.runtime.StepAction;
import de.ozgsdk.portal.runtime.StepOutcome;
import de.ozgsdk.portal.runtime.StepPage;
import de.ozgsdk.portal.runtime.SubmissionReceipt;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.upload.MultipartReader;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta Servlet 6 adapter of the {@link ServiceRuntime}: the server-rendered pages of an online service (start
 * page, login, form steps, review, payment, submit, receipt, "my applications"), without JavaScript requirements, in
 * German and English, for one municipality per request. Mount it in the central {@code PortalHost} (one instance
 * per tenant, the tenant comes from {@link TenantResolution}) or in any servlet container of a legacy portal under
 * a path such as {@code /buergerservice/*} with a fixed tenant and the host's {@code HttpSession}
 * ({@link HttpSessionFlowSessions}):
 *
 * <pre>{@code
 * OzgServlet servlet = OzgServlet.builder(runtime, CsrfProtection.of(csrfKey),
 *                 HttpSessionFlowSessions.of("053150000000"))       // the legacy portal's HttpSession
 *         .tenant(TenantId.parse("053150000000"))                   // one municipality
 *         .build();
 * ServletContainerInitializer mount = (classes, context) -> servlet.register(context, "/buergerservice/*");
 * }</pre>
 *
 * <p><b>Pages.</b> Every POST is answered with a redirect (Post/Redirect/Get) and checked by {@link CsrfProtection}
 * (the token travels as the hidden field {@value #CSRF_FIELD}); every answer carries the headers of the
 * {@link SecurityHeadersFilter} (CSP without inline script or style: the style sheets are files, the tenant's
 * colours come from {@code mandant.css}). Errors become pages with the OZG code and a German or English message, never
 * a stack trace. URLs carry only the application id, never personal data.
 *
 * <p><b>Login.</b> The identity provider posts its answer cross-site to {@code login/acs}, where a {@code SameSite}
 * session cookie is not sent; that endpoint therefore only hands the answer on, by a form on this origin (submitted
 * by the script file {@code static/autopost.js}, or by a button without JavaScript), to {@code login/abschluss},
 * which checks it against the login this session started (its relay state) and rotates the session id.
 */
public final class OzgServlet extends HttpServlet {

    /** The hidden form field of the CSRF token (the forms renderer requires names starting with {@code _}). */
    public static final String CSRF_FIELD = "_csrf";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OzgServlet.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu, HH:mm 'Uhr'")
            .withZone(ZoneId.of("Europe/Berlin"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withZone(ZoneId.of("Europe/Berlin"));
    private static final Pattern APPLICATION = Pattern.compile(
            "/antrag/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(/.*)?");
    private static final Pattern STEP = Pattern.compile("/schritt/([0-9]{1,3})");
    private static final Pattern STEP_PAGE = Pattern.compile("/antrag/[0-9a-f-]{36}/schritt/[0-9]{1,3}");
    private static final Pattern DOCUMENT = Pattern.compile(
            "/dokument/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/entfernen");
    private static final Pattern SERVICE = Pattern.compile("/dienst/([A-Za-z0-9._-]{1,100})");
    private static final Pattern TENANT_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PAGE_VERSION = Pattern.compile("[0-9]{1,18}");
    private static final Pattern OTHER_OWN_PATH = Pattern.compile(
            "/|/entwuerfe(/anmelden)?|/login/(acs|abschluss)|/static/[a-z.-]+|/mandant[a-z./]*");
    private static final String OWNER = "owner";
    private static final String LANGUAGE = "lang";
    private static final String LOGIN_RELAY = "login.relay";
    private static final String LOGIN_APPLICATION = "login.application";
    private static final String LOGGED_IN = "citizen";
    private static final String RELAY_TENANT = "~";

    private final transient ServiceRuntime runtime;
    private final transient CsrfProtection csrf;
    private final transient FlowSessions sessions;
    private final transient SecurityHeadersFilter headers;
    private final transient Optional<TenantId> fixedTenant;
    private final String loginProvider;
    private final transient Optional<XzufiExport> xzufi;
    private final transient Map<String, FormRenderer> renderers = new ConcurrentHashMap<>();
    private final byte[] css;
    private final byte[] script;
    private final transient Optional<RateLimits> rateLimits;
    private final transient Optional<BotTrap> botTrap;
    private final transient Optional<ProofOfWork> proofOfWork;
    private final byte[] solver;
    private final transient TimeoutPages timeouts;
    private final byte[] timeoutScript;

    private OzgServlet(Builder builder) {
        this.runtime = builder.runtime;
        this.csrf = builder.csrf;
        this.sessions = builder.sessions;
        this.headers = builder.headers;
        this.fixedTenant = Optional.ofNullable(builder.tenant);
        this.xzufi = Optional.ofNullable(builder.xzufi);
        this.loginProvider = builder.loginProvider != null ? builder.loginProvider
                : runtime.authProviders().stream().findFirst().orElse("");
        String formsCss = FormRenderer.builder(runtime.services().values().iterator().next().form().schema()).build()
                .css();
        this.css = (formsCss + "\n" + resource("ozg-portal.css")).getBytes(StandardCharsets.UTF_8);
        this.script = resource("autopost.js").getBytes(StandardCharsets.UTF_8);
        this.rateLimits = Optional.ofNullable(builder.rateLimits);
        this.botTrap = Optional.ofNullable(builder.botTrap);
        this.proofOfWork = Optional.ofNullable(builder.proofOfWork);
        this.solver = resource("altcha-solver.js").getBytes(StandardCharsets.UTF_8);
        this.timeouts = new TimeoutPages(builder.timeouts, csrf, runtime);
        this.timeoutScript = resource("timeout.js").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Configures a servlet for {@code runtime}: {@code csrf} with the key all nodes share, {@code sessions} where the
     * flow sessions live ({@link JdbcFlowSessions} scoped to the tenant in the central host,
     * {@link HttpSessionFlowSessions} in a legacy portal).
     */
    public static Builder builder(ServiceRuntime runtime, CsrfProtection csrf, FlowSessions sessions) {
        return new Builder(runtime, csrf, sessions);
    }

    /**
     * Registers this servlet in {@code context} under {@code urlPattern} (e.g. {@code /buergerservice/*}), from a
     * {@code ServletContainerInitializer} or a {@code ServletContextListener} of a portal with a {@code web.xml}.
     */
    public ServletRegistration.Dynamic register(ServletContext context, String urlPattern) {
        Objects.requireNonNull(context, "context");
        if (urlPattern == null || !urlPattern.matches("(/[A-Za-z0-9._~-]+)+/\\*")) {
            throw new de.ozgsdk.core.InvalidInputException(PortalError.WEB_SETTING_INVALID, "urlPattern",
                    "\"" + urlPattern + "\" is not a path mapping such as /buergerservice/*");
        }
        ServletRegistration.Dynamic registration = context.addServlet("ozg-portal" + urlPattern.replace("/*", "")
                .replace('/', '-'), this);
        registration.addMapping(urlPattern);
        return registration;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        headers.apply(request, response);
        Optional<PortalTenant> tenant = tenant(request);
        if (tenant.isEmpty()) {
            de.ozgsdk.portal.web.internal.ErrorPages.notFound(request, response);
            return;
        }
        Exchange exchange = new Exchange(request, response, tenant.get());
        try {
            Optional<Exchange> admitted = withUploads(exchange);
            if (admitted.isEmpty()) {
                return;
            }
            exchange = admitted.get();
            route(exchange);
        } catch (OzgException e) {
            LOG.info("page {} {} answered with {}", request.getMethod(), exchange.logPath(), e.code().code());
            errorPage(exchange, e);
        } catch (RuntimeException e) {
            // the message may hold input; the type and the place suffice to find the fault
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            String incident = java.util.HexFormat.of().toHexDigits(RANDOM.nextInt()).toUpperCase(Locale.ROOT);
            LOG.error("page {} {} failed (incident {}): {} at {}", request.getMethod(), exchange.logPath(), incident,
                    e.getClass().getName(), at);
            errorPage(exchange, new de.ozgsdk.core.ConfigurationException(PortalError.WEB_INTERNAL_ERROR,
                    incident));
        }
    }

    private Optional<PortalTenant> tenant(HttpServletRequest request) {
        Optional<TenantResolution> resolved = TenantResolution.of(request);
        if (resolved.isPresent()) {
            PortalTenant tenant = resolved.get().tenant();
            if (fixedTenant.isPresent() && !fixedTenant.get().equals(tenant.tenant().id())) {
                return Optional.empty();
            }
            return Optional.of(tenant);
        }
        return fixedTenant.flatMap(id -> runtime.tenants().find(id));
    }

    // ---- routing ------------------------------------------------------------------------------------------------

    private void route(Exchange x) throws IOException {
        String path = x.path;
        boolean get = x.request.getMethod().equals("GET") || x.request.getMethod().equals("HEAD");
        boolean post = x.request.getMethod().equals("POST");
        if (get && path.startsWith("/static/")) {
            staticFile(x, path);
            return;
        }
        if (get && path.equals("/mandant.css")) {
            tenantCss(x);
            return;
        }
        if (get && path.equals("/xzufi.xml") && xzufi.isPresent()) {
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            xzufi.get().write(x.tenant, runtime.services().values(), s -> x.absolute("/dienst/" + s.id()), xml);
            x.write("application/xml;charset=UTF-8", xml.toByteArray());
            return;
        }
        if (get && path.equals("/mandant/logo")) {
            logo(x);
            return;
        }
        if (post && path.equals("/login/acs")) {
            loginBounce(x);
            return;
        }
        if (get && x.request.getParameter("lang") != null) {
            String lang = x.request.getParameter("lang");
            x.session().put(LANGUAGE, "en".equals(lang) ? "en" : "de");
            x.redirect(path);
            return;
        }
        if (post && endedSessionPost(x)) {
            return;
        }
        if (post) {
            HttpServletRequest checked = new CsrfFieldRequest(x.request);
            if (!path.equals("/login/abschluss") && !csrf.accepts(checked, x.session())) {
                LOG.info("page POST {} refused: CSRF check failed", x.logPath());
                CsrfProtection.reject(x.request, x.response);
                return;
            }
        }
        if (get && (path.equals("/") || path.isEmpty())) {
            index(x);
            return;
        }
        if (path.equals("/entwuerfe")) {
            if (get) {
                drafts(x);
                return;
            }
        }
        if (get && path.equals(DraftDeletion.DELETED_PATH)) {
            x.page(DraftDeletion.deletedTitle(x.locale), DraftDeletion.deleted(x.base, x.locale));
            return;
        }
        if (post && path.equals("/entwuerfe/anmelden")) {
            startLogin(x, Optional.empty());
            return;
        }
        if (post && path.equals("/login/abschluss")) {
            completeLogin(x);
            return;
        }
        if (path.startsWith("/sitzung/")) {
            sessionPage(x, get, post);
            return;
        }
        Matcher service = SERVICE.matcher(path);
        if (service.matches()) {
            OnlineService online = offered(x, service.group(1));
            if (get) {
                startPage(x, online);
            } else if (post) {
                start(x, online);
            } else {
                throw notFound();
            }
            return;
        }
        Matcher application = APPLICATION.matcher(path);
        if (application.matches()) {
            application(x, UUID.fromString(application.group(1)),
                    application.group(2) == null ? "" : application.group(2), get, post);
            return;
        }
        throw notFound();
    }

    private void application(Exchange x, UUID id, String rest, boolean get, boolean post) throws IOException {
        ApplicationRef ref = x.ref(id);
        if (rest.isEmpty() && get) {
            x.redirect(current(runtime.state(ref)));
            return;
        }
        Matcher step = STEP.matcher(rest);
        if (step.matches()) {
            int index = Integer.parseInt(step.group(1));
            if (get) {
                stepPage(x, ref, index);
            } else if (post) {
                postStep(x, ref, index);
            }
            return;
        }
        Matcher document = DOCUMENT.matcher(rest);
        if (document.matches() && post) {
            removeDocument(x, ref, UUID.fromString(document.group(1)));
            return;
        }
        switch (rest) {
            case "/anmelden" -> {
                if (get) {
                    loginPage(x, ref);
                } else if (post) {
                    startLogin(x, Optional.of(ref));
                }
            }
            case "/gespeichert" -> requireGet(get, () -> savedPage(x, ref));
            case "/pruefen" -> {
                if (get) {
                    reviewPage(x, ref);
                } else if (post) {
                    postReview(x, ref);
                }
            }
            case "/bezahlen" -> {
                if (!post) {
                    throw notFound();
                }
                pay(x, ref, version(x));
            }
            case "/bezahlt" -> requireGet(get, () -> paymentReturn(x, ref));
            case "/absenden" -> {
                if (get) {
                    submitPage(x, ref);
                } else if (post) {
                    SubmissionReceipt receipt = runtime.submit(ref, version(x));
                    x.redirect("/antrag/" + receipt.applicationId() + "/eingang");
                }
            }
            case "/loeschen" -> deleteDraft(x, ref, get, post);
            case "/eingang" -> requireGet(get, () -> receiptPage(x, ref));
            case "/eingang/dokument" -> requireGet(get, () -> receiptDocument(x, ref));
            default -> throw notFound();
        }
    }

    /** The citizen deletes the application: confirmation page (GET), deletion (POST), then the "deleted" page. */
    private void deleteDraft(Exchange x, ApplicationRef ref, boolean get, boolean post) throws IOException {
        if (post) {
            boolean deleted = runtime.discard(ref);
            // a submitted application cannot be deleted here; a double click finds it deleted already
            x.redirect(!deleted && runtime.receipt(ref).isPresent() ? "/antrag/" + ref.id() + "/eingang"
                    : DraftDeletion.DELETED_PATH);
            return;
        }
        if (!get) {
            throw notFound();
        }
        ApplicationState state = runtime.state(ref);
        if (state.stage() == Stage.SUBMITTED) {
            x.redirect(current(state));
            return;
        }
        String title = runtime.services().get(state.serviceId()).title().get(x.locale);
        x.page(DraftDeletion.confirmationTitle(x.locale), DraftDeletion.confirmation(x.base, ref, title,
                current(state), x.csrfToken(), x.locale));
    }

    /** A page action that may throw {@link IOException}. */
    @FunctionalInterface
    private interface PageAction {
        void run() throws IOException;
    }

    private static void requireGet(boolean get, PageAction action) throws IOException {
        if (!get) {
            throw notFound();
        }
        action.run();
    }

    /** The page where the application stands now. */
    private static String current(ApplicationState state) {
        String base = "/antrag/" + state.ref().id();
        return switch (state.stage()) {
            case LOGIN_REQUIRED -> base + "/anmelden";
            case STEP -> base + "/schritt/" + state.step().orElse(0);
            case REVIEW -> base + "/pruefen";
            case PAYMENT -> state.paymentState().filter(p -> p == de.ozgsdk.payment.PaymentState.PAID).isPresent()
                    ? base + "/absenden" : base + "/pruefen";
            case SUBMITTED -> base + "/eingang";
        };
    }

    // ---- pages --------------------------------------------------------------------------------------------------

    private void index(Exchange x) throws IOException {
        Locale l = x.locale;
        StringBuilder content = new StringBuilder("<h1>").append(PageShell.text(l, "Onlinedienste", "Online services"))
                .append("</h1>\n<ul class=\"ozg-services\">");
        for (OnlineService service : runtime.services().values()) {
            if (x.tenant.offers(service.id())) {
                content.append("<li><a href=\"").append(PageShell.esc(x.base + "/dienst/" + service.id()))
                        .append("\">").append(PageShell.esc(service.title().get(l))).append("</a></li>");
            }
        }
        content.append("</ul>");
        x.page(PageShell.text(l, "Onlinedienste", "Online services"), content.toString());
    }

    private void startPage(Exchange x, OnlineService service) throws IOException {
        startPage(x, service, "", HttpServletResponse.SC_OK);
    }

    private void startPage(Exchange x, OnlineService service, String notice, int status) throws IOException {
        Locale l = x.locale;
        String title = service.title().get(l);
        StringBuilder content = new StringBuilder("<h1>").append(PageShell.esc(title)).append("</h1>\n")
                .append(notice);
        service.description().ifPresent(d -> content.append("<p>").append(PageShell.esc(d.get(l))).append("</p>\n"));
        content.append("<dl class=\"ozg-facts\"><dt>").append(PageShell.text(l, "Zuständige Stelle",
                "Responsible authority")).append("</dt><dd>")
                .append(PageShell.esc(x.tenant.tenant().name().get(l))).append("</dd><dt>")
                .append(PageShell.text(l, "Anmeldung", "Login")).append("</dt><dd>")
                .append(PageShell.esc(trustText(service.trustLevel(), l))).append("</dd><dt>")
                .append(PageShell.text(l, "Gebühr", "Fee")).append("</dt><dd>")
                .append(PageShell.esc(feeText(service.fee(), l))).append("</dd></dl>\n");
        content.append(GovernmentServiceMarkup.html(service, x.tenant, x.absolute("/dienst/" + service.id()), l))
                .append('\n');
        content.append(PageShell.buttonForm(x.base + "/dienst/" + service.id(), x.csrfToken(),
                PageShell.text(l, "Antrag starten", "Start application"), trapFields(x, "ozg-start")));
        x.page(title, content.toString(), status);
    }

    private static String trustText(Optional<TrustLevel> level, Locale l) {
        if (level.isEmpty()) {
            return PageShell.text(l, "Keine Anmeldung nötig", "No login needed");
        }
        return switch (level.get()) {
            case LOW -> PageShell.text(l, "Anmeldung mit Servicekonto (Benutzername und Passwort)",
                    "Login with a service account (user name and password)");
            case SUBSTANTIAL -> PageShell.text(l, "Anmeldung mit Servicekonto, Vertrauensniveau substantiell (z. B."
                    + " ELSTER-Zertifikat oder Online-Ausweis)", "Login with a service account, level of assurance"
                    + " substantial (e.g. ELSTER certificate or online ID card)");
            case HIGH -> PageShell.text(l, "Anmeldung mit dem Online-Ausweis (Vertrauensniveau hoch)",
                    "Login with the online ID card (level of assurance high)");
        };
    }

    private static String feeText(Optional<FeeRule> fee, Locale l) {
        if (fee.isEmpty()) {
            return PageShell.text(l, "Gebührenfrei", "Free of charge");
        }
        if (fee.get() instanceof FeeRule.Fixed fixed) {
            return fixed.fee().format(l);
        }
        if (fee.get() instanceof FeeRule.PerInstance each) {
            return PageShell.text(l, "je Eintrag ", "per entry ") + each.each().format(l)
                    + (each.base().isZero() ? "" : PageShell.text(l, " zuzüglich ", " plus ") + each.base().format(l));
        }
        return PageShell.text(l, "Die Gebühr hängt von Ihren Angaben ab; sie wird vor dem Bezahlen angezeigt.",
                "The fee depends on your answers; it is shown before you pay.");
    }

    private void start(Exchange x, OnlineService service) throws IOException {
        if (trapped(x, false)) {
            startPage(x, service, AbusePages.formCheckNotice(x.locale), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!admitted(x, Action.DRAFT_CREATION)) {
            return;
        }
        DraftOwner owner = x.ownerOrNew();
        ApplicationState state = runtime.start(x.tenant.tenant().id(), service.id(), x.locale, owner,
                Optional.empty());
        x.redirect(current(state));
    }

    private void loginPage(Exchange x, ApplicationRef ref) throws IOException {
        ApplicationState state = runtime.state(ref);
        if (state.stage() != Stage.LOGIN_REQUIRED) {
            x.redirect(current(state));
            return;
        }
        OnlineService service = runtime.services().get(state.serviceId());
        Locale l = x.locale;
        String title = PageShell.text(l, "Anmelden", "Log in");
        String content = "<h1>" + title + "</h1>\n<p>" + PageShell.esc(PageShell.text(l,
                "Für den Antrag „" + service.title().get(l) + "“ melden Sie sich mit Ihrem Servicekonto an.",
                "For the application \"" + service.title().get(l) + "\" log in with your service account."))
                + "</p>\n<p>" + PageShell.esc(trustText(service.trustLevel(), l)) + "</p>\n"
                + PageShell.buttonForm(x.base + "/antrag/" + ref.id() + "/anmelden", x.csrfToken(),
                        PageShell.text(l, "Weiter zur Anmeldung", "Continue to login"));
        x.page(title, content + DraftDeletion.button(x.base, ref, l));
    }

    private void startLogin(Exchange x, Optional<ApplicationRef> ref) throws IOException {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String relay = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        Optional<TenantResolution> resolution = TenantResolution.of(x.request);
        if (resolution.isPresent() && resolution.get().by() == TenantResolution.By.PATH) {
            // tenants of one host share the service provider's ACS: the answer must find its way back
            relay = relay + RELAY_TENANT + resolution.get().mountPath().substring(1);
        }
        LoginContext context = LoginContext.of(x.locale).withRelayState(relay);
        LoginChallenge challenge;
        if (ref.isPresent()) {
            challenge = runtime.startLogin(ref.get(), loginProvider, context);
        } else {
            TrustLevel highest = runtime.services().values().stream().filter(s -> x.tenant.offers(s.id()))
                    .map(s -> s.trustLevel().orElse(TrustLevel.LOW)).max(Comparator.naturalOrder())
                    .orElse(TrustLevel.LOW);
            challenge = runtime.startLogin(loginProvider, highest, context);
        }
        FlowSession session = x.session();
        session.put(LOGIN_RELAY, relay);
        ref.ifPresentOrElse(r -> session.put(LOGIN_APPLICATION, r.id().toString()),
                () -> session.remove(LOGIN_APPLICATION));
        if (challenge instanceof LoginChallenge.Redirect redirect) {
            x.response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            x.response.setHeader("Location", redirect.location().toString());
            return;
        }
        LoginChallenge.AutoPost post = (LoginChallenge.AutoPost) challenge;
        StringBuilder hidden = new StringBuilder();
        post.fields().forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"")
                .append(PageShell.esc(name)).append("\" value=\"").append(PageShell.esc(value)).append("\">"));
        URI action = post.action();
        x.response.setHeader("Content-Security-Policy", headers.contentSecurityPolicy().replace("form-action ",
                "form-action " + action.getScheme() + "://" + action.getRawAuthority() + " "));
        autoPostPage(x, action.toString(), hidden.toString(), PageShell.text(x.locale, "Weiter zur Anmeldung",
                "Continue to login"));
    }

    /** A page whose form the script file submits at once; without JavaScript the citizen presses the button. */
    private void autoPostPage(Exchange x, String action, String hidden, String title) throws IOException {
        Locale l = x.locale;
        String content = "<h1>" + PageShell.esc(title) + "</h1>\n<form method=\"post\" data-ozg-autopost=\"\" action=\""
                + PageShell.esc(action) + "\">" + hidden + "<p>"
                + PageShell.text(l, "Sie werden weitergeleitet. Geschieht nichts, drücken Sie die Schaltfläche.",
                        "You are being forwarded. If nothing happens, press the button.")
                + "</p><button type=\"submit\" class=\"ozg-button ozg-button-primary\">"
                + PageShell.text(l, "Weiter", "Continue") + "</button></form>\n<script src=\""
                + PageShell.esc(x.base) + "/static/autopost.js\"></script>";
        x.page(title, content);
    }

    /** The identity provider's answer arrives cross-site (no session cookie): hand it on to this origin. */
    private void loginBounce(Exchange x) throws IOException {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("SAMLResponse", "RelayState", "code", "state", "error")) {
            String[] values = x.request.getParameterValues(name);
            if (values != null && values.length == 1 && values[0].length() <= 200_000) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(PageShell.esc(values[0])).append("\">");
            }
        }
        autoPostPage(x, completion(x), hidden.toString(),
                PageShell.text(x.locale, "Anmeldung abschließen", "Complete the login"));
    }

    /**
     * Where the hand-over goes: below this mount path, or below the mount path of the tenant that started the login
     * when tenants share the host's ACS (the relay state names it; it is checked against the session there).
     */
    private static String completion(Exchange x) {
        String relay = x.request.getParameter("RelayState");
        int at = relay == null ? -1 : relay.indexOf(RELAY_TENANT);
        Optional<TenantResolution> resolution = TenantResolution.of(x.request);
        if (at >= 0 && resolution.isPresent() && resolution.get().by() == TenantResolution.By.PATH) {
            String segment = relay.substring(at + 1);
            if (TENANT_SEGMENT.matcher(segment).matches()) {
                return x.request.getContextPath() + "/" + segment + "/login/abschluss";
            }
        }
        return x.base + "/login/abschluss";
    }

    private void completeLogin(Exchange x) throws IOException {
        Optional<FlowSession> found = x.existingSession();
        Optional<String> relay = found.flatMap(s -> s.get(LOGIN_RELAY));
        if (relay.isEmpty()) {
            throw new NotFoundException(PortalError.WEB_SESSION_MISSING, "login");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        x.request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(CSRF_FIELD)) {
                parameters.put(name, List.of(values));
            }
        });
        LoginOutcome outcome = runtime.completeLogin(loginProvider, Callback.ofMultiValued(parameters));
        FlowSession session = found.get();
        session.remove(LOGIN_RELAY);
        if (!(outcome instanceof LoginOutcome.Authenticated authenticated)) {
            LoginOutcome.Failure failure = (LoginOutcome.Failure) outcome;
            throw new de.ozgsdk.core.SecurityCheckException(PortalError.WEB_LOGIN_FAILED, failure.code().code());
        }
        if (!authenticated.relayState().equals(relay)) {
            // an answer to a login this browser did not start (login CSRF)
            throw new de.ozgsdk.core.SecurityCheckException(PortalError.WEB_LOGIN_FAILED, "relay state");
        }
        Citizen citizen = authenticated.user();
        Optional<String> application = session.get(LOGIN_APPLICATION);
        Optional<ApplicationRef> bound = Optional.empty();
        if (application.isPresent()) {
            bound = Optional.of(runtime.attachCitizen(x.ref(UUID.fromString(application.get())), citizen).ref());
        }
        FlowSession rotated = sessions.rotate(x.request, x.response, timeouts.settings().deadline(citizen),
                timeouts.settings().idleTimeout(citizen));
        // one write of the rotated session for all values (a JDBC session row is written once, not four times)
        rotated.update(Map.of(ownerKey(x.tenant), ServiceRuntime.citizenOwner(x.tenant.tenant().id(), citizen)
                .userId(), LOGGED_IN, "1", TimeoutPages.LEVEL, citizen.trustLevel().name()),
                List.of(LOGIN_APPLICATION));
        x.rotated(rotated);
        Optional<de.ozgsdk.portal.web.internal.ParkedInput> parked = timeouts.parked(rotated, x.tenant);
        if (parked.isPresent() && bound.isEmpty()) {
            // input posted after the last session ended: back into its application, if it is this citizen's
            x.redirect(timeouts.restore(rotated, parked.get(), ServiceRuntime.citizenOwner(x.tenant.tenant().id(),
                    citizen)));
            return;
        }
        x.redirect(bound.map(r -> "/antrag/" + r.id()).orElse("/entwuerfe"));
    }

    private void stepPage(Exchange x, ApplicationRef ref, int index) throws IOException {
        stepPage(x, ref, index, "", HttpServletResponse.SC_OK, Map.of());
    }

    private void stepPage(Exchange x, ApplicationRef ref, int index, String notice, int status) throws IOException {
        stepPage(x, ref, index, notice, status, Map.of());
    }

    private void stepPage(Exchange x, ApplicationRef ref, int index, String notice, int status,
            Map<String, OzgException> refusals) throws IOException {
        StepPage page = runtime.step(ref, index);
        OnlineService service = runtime.services().get(page.state().serviceId());
        de.ozgsdk.forms.data.FormData data = runtime.uploads().map(u -> u.withoutMissing(ref,
                service.form().schema(), page.state().data())).orElse(page.state().data());
        ValidationResult validation = service.form().validate(data);
        List<de.ozgsdk.forms.validation.Violation> violations = new java.util.ArrayList<>(page.violations());
        violations.addAll(DocumentPages.violations(service.form().schema(), refusals));
        RenderRequest.Builder request = RenderRequest.builder(data).validation(validation)
                .violations(violations).locale(x.locale)
                .prefilled(page.state().prefilled(), page.state().readOnly())
                .hiddenField(CSRF_FIELD, x.csrfToken())
                .hiddenField("_version", Long.toString(page.state().version()));
        botTrap.ifPresent(trap -> request.hiddenField(BotTrap.TIME_FIELD, trap.stamp()));
        resumeField(x, ref).forEach(request::hiddenField);
        RenderedPage rendered = renderer(service).renderStep(index, request.build());
        String save = "<p class=\"ozg-save\"><button type=\"submit\" form=\"ozg-form\" name=\"_save\" value=\"save\""
                + " class=\"ozg-button ozg-button-secondary\">"
                + PageShell.text(x.locale, "Speichern und später fortsetzen", "Save and continue later")
                + "</button></p>";
        String documents = runtime.uploads().map(u -> DocumentPages.table(x.base, ref, u.list(ref).stream()
                .filter(d -> DocumentPages.stepOf(service, d).equals(java.util.OptionalInt.of(index))).toList(),
                x.csrfToken(), "schritt/" + index, service, false, x.locale)).orElse("");
        x.page(rendered.title(), timeouts.restoredNote(x.session(), x.locale) + notice + rendered.fragment()
                + documents + honeypot(x) + save + DraftDeletion.button(x.base, ref, x.locale), status);
    }

    /** On the steps of an application without login, its sealed owner: a post after the session's end continues. */
    private Map<String, String> resumeField(Exchange x, ApplicationRef ref) {
        if (x.existingSession().flatMap(s -> s.get(LOGGED_IN)).isPresent()) {
            return Map.of();
        }
        return Map.of(TimeoutPages.RESUME_FIELD, timeouts.resumeField(x.tenant, ref.id(), ref.owner()));
    }

    private void postStep(Exchange x, ApplicationRef ref, int index) throws IOException {
        Map<String, String[]> parameters = new HashMap<>(x.request.getParameterMap());
        StepAction action = parameters.containsKey(FormRenderer.NEXT) ? StepAction.NEXT
                : parameters.containsKey(FormRenderer.BACK) ? StepAction.BACK : StepAction.SAVE;
        boolean saveAndLeave = parameters.containsKey("_save");
        parameters.remove(BotTrap.HONEYPOT_FIELD);
        parameters.remove(BotTrap.TIME_FIELD);
        if (trapped(x, true)) {
            // a person who was too quick loses nothing: the answers are kept and shown again
            runtime.postStep(ref, version(x), index, parameters, StepAction.SAVE);
            stepPage(x, ref, index, AbusePages.formCheckNotice(x.locale), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Map<String, OzgException> refusals = x.request instanceof UploadedRequest uploaded ? uploaded.refusals()
                : Map.of();
        if (!refusals.isEmpty()) {
            // a refused document keeps the citizen on the step, which says why (like a violation)
            runtime.postStep(ref, version(x), index, parameters, StepAction.SAVE);
            stepPage(x, ref, index, "", HttpServletResponse.SC_OK, refusals);
            return;
        }
        StepOutcome outcome = runtime.postStep(ref, version(x), index, parameters, action);
        if (x.autosave()) {
            // the page's script saved before the end: it stays on the page and needs the new version
            x.write("application/json", ("{\"version\":" + outcome.state().version() + "}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (saveAndLeave) {
            x.redirect("/antrag/" + ref.id() + "/gespeichert");
        } else {
            x.redirect(current(outcome.state()));
        }
    }

    /**
     * A multipart post: read it streaming, documents into the upload store (see {@link UploadedRequest}); empty when
     * the rate limit of uploads refused it (the 429 page is written then, before a byte of a document is read).
     */
    private Optional<Exchange> withUploads(Exchange x) throws IOException {
        if (!x.request.getMethod().equals("POST") || !MultipartReader.isMultipart(x.request.getContentType())) {
            return Optional.of(x);
        }
        Optional<UploadedRequest.Target> target = Optional.empty();
        Matcher application = APPLICATION.matcher(x.path);
        if (runtime.uploads().isPresent() && application.matches() && application.group(2) != null
                && STEP.matcher(application.group(2)).matches() && x.owner().isPresent()) {
            try {
                ApplicationRef ref = x.ref(UUID.fromString(application.group(1)));
                OnlineService service = runtime.services().get(runtime.state(ref).serviceId());
                target = Optional.of(new UploadedRequest.Target(runtime.uploads().get(), ref,
                        service.form().schema()));
            } catch (OzgException e) {
                LOG.info("page POST {}: documents not received ({})", x.logPath(), e.code().code());
            }
        }
        if (target.isPresent() && !admitted(x, Action.UPLOAD)) {
            return Optional.empty();
        }
        UploadedRequest read = UploadedRequest.read(x.request, target,
                request -> csrf.accepts(new CsrfFieldRequest(request), x.session()));
        return Optional.of(new Exchange(read, x.response, x.tenant));
    }

    private void removeDocument(Exchange x, ApplicationRef ref, UUID document) throws IOException {
        runtime.uploads().orElseThrow(OzgServlet::notFound).remove(ref, document);
        String back = x.request.getParameter("zurueck");
        x.redirect(back != null && DocumentPages.BACK.matcher(back).matches() ? "/antrag/" + ref.id() + "/" + back
                : current(runtime.state(ref)));
    }

    private void savedPage(Exchange x, ApplicationRef ref) throws IOException {
        ApplicationState state = runtime.state(ref);
        Locale l = x.locale;
        String until = state.expiresAt().map(DATE::format).orElse("");
        String title = PageShell.text(l, "Antrag gespeichert", "Application saved");
        String content = "<h1>" + title + "</h1>\n<p>" + PageShell.esc(PageShell.text(l,
                "Ihre Angaben sind bis zum " + until + " gespeichert. Sie können den Antrag auf diesem oder einem"
                        + " anderen Gerät fortsetzen: unter „Meine Anträge“ nach der Anmeldung.",
                "Your answers are saved until " + until + ". You can continue on this or another device: under"
                        + " \"My applications\" after logging in.")) + "</p>\n<p><a href=\""
                + PageShell.esc(x.base + current(state)) + "\">" + PageShell.text(l, "Jetzt fortsetzen",
                        "Continue now") + "</a></p>";
        x.page(title, content + DraftDeletion.button(x.base, ref, l));
    }

    private void reviewPage(Exchange x, ApplicationRef ref) throws IOException {
        reviewPage(x, ref, "", HttpServletResponse.SC_OK);
    }

    private void reviewPage(Exchange x, ApplicationRef ref, String notice, int status) throws IOException {
        ReviewPage review = runtime.review(ref);
        OnlineService service = runtime.services().get(review.state().serviceId());
        RenderRequest.Builder request = RenderRequest.builder(review.data()).violations(review.violations())
                .locale(x.locale).hiddenField(CSRF_FIELD, x.csrfToken())
                .hiddenField("_version", Long.toString(review.state().version()));
        botTrap.ifPresent(trap -> request.hiddenField(BotTrap.TIME_FIELD, trap.stamp()));
        RenderedPage rendered = renderer(service).renderReview(request.build());
        String documents = runtime.uploads().map(u -> DocumentPages.table(x.base, ref, u.list(ref), x.csrfToken(),
                "pruefen", service, true, x.locale)).orElse("");
        String fee = review.fee().isZero() ? ""
                : "<p class=\"ozg-fee\">" + PageShell.esc(PageShell.text(x.locale,
                        "Gebühr: " + review.fee().format(x.locale) + ". Nach „Antrag absenden“ bezahlen Sie online;"
                                + " danach senden Sie den Antrag ab.",
                        "Fee: " + review.fee().format(x.locale) + ". After \"Submit application\" you pay online;"
                                + " then you send the application.")) + "</p>";
        x.page(rendered.title(), notice + fee + rendered.fragment() + documents + honeypot(x)
                + DraftDeletion.button(x.base, ref, x.locale), status);
    }

    private void postReview(Exchange x, ApplicationRef ref) throws IOException {
        ReviewPage review = runtime.review(ref);
        // once paying, the answers are frozen: a second click on the review page continues the same payment
        long version = review.state().stage() == Stage.PAYMENT ? review.state().version() : version(x);
        if (x.request.getParameter(FormRenderer.BACK) != null) {
            OnlineService service = runtime.services().get(review.state().serviceId());
            x.redirect("/antrag/" + ref.id() + "/schritt/" + (service.steps().size() - 1));
            return;
        }
        if (trapped(x, true)) {
            reviewPage(x, ref, AbusePages.formCheckNotice(x.locale), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!admitted(x, Action.SUBMISSION)) {
            return;
        }
        if (review.fee().isZero()) {
            SubmissionReceipt receipt = runtime.submit(ref, version);
            x.redirect("/antrag/" + receipt.applicationId() + "/eingang");
            return;
        }
        if (review.state().paymentState().filter(p -> p == de.ozgsdk.payment.PaymentState.PAID).isPresent()) {
            x.redirect("/antrag/" + ref.id() + "/absenden");
            return;
        }
        pay(x, ref, version);
    }

    private void pay(Exchange x, ApplicationRef ref, long version) throws IOException {
        URI back = URI.create(x.origin() + x.base + "/antrag/" + ref.id() + "/bezahlt");
        PaymentRedirect redirect = runtime.startPayment(ref, version, back);
        x.response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        x.response.setHeader("Location", redirect.payPage().toString());
    }

    private void paymentReturn(Exchange x, ApplicationRef ref) throws IOException {
        ApplicationState state = runtime.state(ref);
        if (state.stage() != Stage.PAYMENT) {
            // a reload after submitting, or a return without a payment under way: show where it stands
            x.redirect(current(state));
            return;
        }
        Map<String, String[]> parameters = new HashMap<>(x.request.getParameterMap());
        parameters.remove("lang");
        PaymentOutcome outcome = runtime.completePayment(ref, parameters);
        if (outcome.result().isPaid()) {
            x.redirect("/antrag/" + ref.id() + "/absenden");
            return;
        }
        Locale l = x.locale;
        String title = PageShell.text(l, "Zahlung nicht abgeschlossen", "Payment not completed");
        String content = "<h1>" + title + "</h1>\n<div class=\"ozg-notice\" role=\"alert\"><p>"
                + PageShell.text(l, "Die Gebühr wurde nicht bezahlt: Die Zahlung wurde abgebrochen oder ist"
                        + " gescheitert. Ihr Antrag ist gespeichert, aber noch nicht abgesendet.",
                        "The fee was not paid: the payment was cancelled or failed. Your application is saved but"
                                + " not sent yet.") + "</p></div>\n"
                + PageShell.buttonForm(x.base + "/antrag/" + ref.id() + "/bezahlen", x.csrfToken(),
                        PageShell.text(l, "Erneut bezahlen", "Pay again"), versionField(outcome.state()))
                + "<p><a href=\"" + PageShell.esc(x.base + "/antrag/" + ref.id() + "/pruefen") + "\">"
                + PageShell.text(l, "Zurück zur Überprüfung der Angaben", "Back to checking your answers")
                + "</a></p>";
        x.page(title, content + DraftDeletion.button(x.base, ref, l));
    }

    private void submitPage(Exchange x, ApplicationRef ref) throws IOException {
        ApplicationState state = runtime.state(ref);
        if (state.stage() == Stage.SUBMITTED) {
            x.redirect("/antrag/" + ref.id() + "/eingang");
            return;
        }
        Locale l = x.locale;
        String title = PageShell.text(l, "Antrag absenden", "Submit the application");
        String paid = state.fee().map(f -> "<p>" + PageShell.esc(PageShell.text(l, "Die Gebühr von "
                + f.format(l) + " ist bezahlt.", "The fee of " + f.format(l) + " is paid.")) + "</p>").orElse("");
        String content = "<h1>" + title + "</h1>\n" + paid + "<p>" + PageShell.text(l,
                "Mit dem Absenden geht Ihr Antrag verbindlich an die zuständige Stelle.",
                "When you submit, your application goes to the responsible authority with binding effect.")
                + "</p>\n" + PageShell.buttonForm(x.base + "/antrag/" + ref.id() + "/absenden", x.csrfToken(),
                        PageShell.text(l, "Antrag verbindlich absenden", "Submit the application"),
                        versionField(state));
        x.page(title, content + DraftDeletion.button(x.base, ref, l));
    }

    private void receiptPage(Exchange x, ApplicationRef ref) throws IOException {
        SubmissionReceipt receipt = runtime.receipt(ref).orElseThrow(() -> new NotFoundException(
                PortalError.RUNTIME_APPLICATION_NOT_FOUND, ref.id()));
        Locale l = x.locale;
        String title = PageShell.text(l, "Antrag eingegangen", "Application received");
        StringBuilder content = new StringBuilder("<h1>").append(title).append("</h1>\n<div class=\"ozg-panel\">")
                .append("<p>").append(PageShell.esc(receipt.intro())).append("</p></div>\n<dl class=\"ozg-facts\">")
                .append("<dt>").append(PageShell.text(l, "Antragsnummer", "Submission id")).append("</dt><dd>")
                .append("<span class=\"ozg-submission-id\">").append(receipt.submissionId()).append("</span></dd>")
                .append("<dt>").append(PageShell.text(l, "Dienst", "Service")).append("</dt><dd>")
                .append(PageShell.esc(receipt.serviceTitle())).append("</dd><dt>")
                .append(PageShell.text(l, "Zuständige Stelle", "Responsible authority")).append("</dt><dd>")
                .append(PageShell.esc(receipt.municipality())).append("</dd><dt>")
                .append(PageShell.text(l, "Eingegangen am", "Received on")).append("</dt><dd>")
                .append(TIME.format(receipt.submittedAt())).append("</dd>");
        receipt.fee().ifPresent(f -> content.append("<dt>").append(PageShell.text(l, "Gebühr", "Fee"))
                .append("</dt><dd>").append(PageShell.esc(f.format(l))).append("</dd>"));
        receipt.paymentReference().ifPresent(p -> content.append("<dt>")
                .append(PageShell.text(l, "Zahlungsreferenz", "Payment reference")).append("</dt><dd>")
                .append("<span class=\"ozg-payment-reference\">").append(PageShell.esc(p)).append("</span></dd>"));
        content.append("</dl>\n");
        if (receipt.postboxMessageId().isPresent()) {
            content.append("<p>").append(PageShell.text(l, "Die Eingangsbestätigung wurde auch in Ihr Postfach"
                    + " gesendet.", "The acknowledgement was also sent to your postbox.")).append("</p>\n");
        }
        content.append("<p class=\"ozg-retention\">").append(receipt.data().isBlank()
                ? PageShell.text(l, "Ihre Angaben wurden nach der Übergabe an die zuständige Stelle aus dem Portal"
                        + " gelöscht; die Eingangsbestätigung enthält den Nachweis des Eingangs ohne Ihre Angaben.",
                        "Your answers were deleted from the portal after the handover to the responsible authority;"
                                + " the acknowledgement holds the proof of receipt without your answers.")
                : PageShell.text(l, "Laden Sie die Eingangsbestätigung jetzt herunter: Nach der Übergabe an die"
                        + " zuständige Stelle löscht das Portal Ihre Angaben, danach enthält sie nur noch den"
                        + " Nachweis des Eingangs.", "Download the acknowledgement now: after the handover to the"
                        + " responsible authority the portal deletes your answers; then it holds only the proof of"
                        + " receipt.")).append("</p>\n");
        content.append("<p><a href=\"").append(PageShell.esc(x.base + "/antrag/" + ref.id() + "/eingang/dokument"))
                .append("\">").append(PageShell.text(l, "Eingangsbestätigung herunterladen",
                        "Download the acknowledgement of receipt")).append("</a></p>");
        x.page(title, content.toString());
    }

    private void receiptDocument(Exchange x, ApplicationRef ref) throws IOException {
        ReceiptRenderer.RenderedReceipt document = runtime.receiptDocument(ref).orElseThrow(
                () -> new NotFoundException(PortalError.WEB_RECEIPT_UNAVAILABLE, ref.id()));
        String name = document.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        x.response.setStatus(HttpServletResponse.SC_OK);
        x.response.setContentType(document.mediaType());
        x.response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        byte[] content = document.content();
        x.response.setContentLength(content.length);
        x.response.getOutputStream().write(content);
    }

    private void drafts(Exchange x) throws IOException {
        Locale l = x.locale;
        String title = PageShell.text(l, "Meine Anträge", "My applications");
        StringBuilder content = new StringBuilder("<h1>").append(title).append("</h1>\n");
        boolean loggedIn = x.existingSession().flatMap(s -> s.get(LOGGED_IN)).isPresent();
        Optional<DraftOwner> owner = x.owner();
        if (!loggedIn || owner.isEmpty()) {
            content.append("<p>").append(PageShell.text(l, "Melden Sie sich an, um Ihre gespeicherten Anträge zu"
                    + " sehen und fortzusetzen, auch wenn Sie sie auf einem anderen Gerät begonnen haben.",
                    "Log in to see and continue your saved applications, also those started on another device."))
                    .append("</p>\n").append(PageShell.buttonForm(x.base + "/entwuerfe/anmelden", x.csrfToken(),
                            PageShell.text(l, "Anmelden", "Log in")));
            x.page(title, content.toString());
            return;
        }
        List<DraftSummary> drafts = runtime.drafts(owner.get());
        if (drafts.isEmpty()) {
            content.append("<p>").append(PageShell.text(l, "Sie haben keine gespeicherten Anträge.",
                    "You have no saved applications.")).append("</p>");
        } else {
            content.append("<ul class=\"ozg-drafts\">");
            for (DraftSummary draft : drafts) {
                OnlineService service = runtime.services().get(draft.serviceId());
                content.append("<li><a href=\"").append(PageShell.esc(x.base + "/antrag/" + draft.ref().id()))
                        .append("\">").append(PageShell.esc(service.title().get(l))).append("</a> ")
                        .append(PageShell.esc(PageShell.text(l, "(gespeichert am " + TIME.format(draft.updatedAt())
                                + ", gültig bis " + DATE.format(draft.expiresAt()) + ")", "(saved "
                                + TIME.format(draft.updatedAt()) + ", kept until " + DATE.format(draft.expiresAt())
                                + ")"))).append("</li>");
            }
            content.append("</ul>");
        }
        x.page(title, content.toString());
    }

    private void errorPage(Exchange x, OzgException e) throws IOException {
        if (x.response.isCommitted()) {
            return;
        }
        x.response.resetBuffer();
        int status = switch (e.kind()) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case INVALID_INPUT -> HttpServletResponse.SC_BAD_REQUEST;
            case SECURITY -> HttpServletResponse.SC_FORBIDDEN;
            case REMOTE_FAILURE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            default -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        };
        Locale l = x.locale;
        String title = e.kind() == ErrorKind.NOT_FOUND ? PageShell.text(l, "Nicht gefunden", "Not found")
                : PageShell.text(l, "Das hat nicht geklappt", "That did not work");
        String content = "<h1>" + title + "</h1>\n<div class=\"ozg-notice\" role=\"alert\"><p>"
                + PageShell.esc(e.userMessage(l)) + "</p></div>\n<p>" + PageShell.text(l, "Fehlercode", "Error code")
                + ": <code class=\"ozg-error-code\">" + PageShell.esc(e.code().code()) + "</code></p>\n<p><a href=\""
                + PageShell.esc(x.base) + "/\">" + PageShell.text(l, "Zur Startseite", "To the home page")
                + "</a></p>";
        x.response.setStatus(status);
        x.write("text/html;charset=UTF-8", PageShell.page(x.base, x.path, x.tenant, l, title, content)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void staticFile(Exchange x, String path) throws IOException {
        switch (path) {
            case "/static/ozg-portal.css" -> x.asset("text/css;charset=UTF-8", css);
            case "/static/autopost.js" -> x.asset("text/javascript;charset=UTF-8", script);
            case "/static/altcha-solver.js" -> x.asset("text/javascript;charset=UTF-8", solver);
            case "/static/timeout.js" -> x.asset("text/javascript;charset=UTF-8", timeoutScript);
            default -> throw notFound();
        }
    }

    private void tenantCss(Exchange x) throws IOException {
        // the colours are checked as #RRGGBB by Branding: nothing else can reach the style sheet
        String primary = x.tenant.branding().primaryColour();
        String accent = x.tenant.branding().accentColour();
        String text = ":root { --ozg-tenant-primary: " + primary + "; --ozg-tenant-accent: " + accent + "; }\n"
                + ".ozg-header { border-block-end: 0.5rem solid " + primary + "; }\n"
                + "main a, .ozg-header a { color: " + accent + "; }\n";
        x.write("text/css;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private void logo(Exchange x) throws IOException {
        var logo = x.tenant.branding().logo().orElseThrow(OzgServlet::notFound);
        x.write(logo.mediaType(), logo.content());
    }

    // ---- abuse protection ---------------------------------------------------------------------------------------

    /** The bot trap's hidden fields for a button form {@code formId}: time stamp and honeypot (none without trap). */
    private String trapFields(Exchange x, String formId) {
        return botTrap.map(trap -> "<input type=\"hidden\" name=\"" + BotTrap.TIME_FIELD + "\" value=\""
                + trap.stamp() + "\">" + trap.honeypot(x.locale, formId)).orElse("");
    }

    /** The honeypot of the renderer's form {@code ozg-form}, placed after it. */
    private String honeypot(Exchange x) {
        return botTrap.map(trap -> trap.honeypot(x.locale, "ozg-form")).orElse("");
    }

    /** Whether the post fails the bot trap (a request carrying an accepted challenge answer was checked already). */
    private boolean trapped(Exchange x, boolean fillTime) {
        return botTrap.isPresent() && !botTrap.get().passes(x.request, fillTime);
    }

    /**
     * Whether {@code action} may go ahead: under the rate limits, or with an accepted proof of work; otherwise the
     * answer is written here (429 with {@code Retry-After}: the "too many requests" page or the challenge page).
     * The upload endpoint calls it with {@link Action#UPLOAD} before reading the parts.
     */
    private boolean admitted(Exchange x, Action action) throws IOException {
        if (rateLimits.isEmpty()) {
            return true;
        }
        boolean multipart = x.request.getContentType() != null
                && x.request.getContentType().startsWith("multipart/");
        ProofOfWork.Answer answer = proofOfWork.isPresent() && !multipart
                ? proofOfWork.get().answer(x.request, action) : new ProofOfWork.Answer(ProofOfWork.Answer.State.NONE,
                        null);
        if (answer.state() == ProofOfWork.Answer.State.ACCEPTED) {
            return true;
        }
        RateLimits.Verdict verdict = answer.state() == ProofOfWork.Answer.State.NONE
                ? rateLimits.get().check(action, x.request, x.tenant.tenant().id()) : null;
        if (verdict != null && verdict.allowed()) {
            return true;
        }
        if (verdict != null) {
            LOG.info("page POST {} refused: rate limit of {} exceeded", x.logPath(), action.id());
            x.response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        }
        if (proofOfWork.isEmpty() || multipart) {
            String back = x.request.getHeader("Referer") != null && x.request.getHeader("Referer")
                    .startsWith(x.origin() + x.base + "/") ? x.request.getHeader("Referer") : x.base + "/";
            x.page(AbusePages.throttledTitle(x.locale), AbusePages.throttled(x.locale,
                    verdict.retryAt().minus(verdict.retryAfter()), verdict.retryAt(), back), 429);
            return false;
        }
        ProofOfWork.Challenge challenge = proofOfWork.get().challenge(action);
        boolean tooEarly = answer.state() == ProofOfWork.Answer.State.TOO_EARLY;
        String waitToken = tooEarly ? x.request.getParameter(ProofOfWork.WAIT_FIELD) : challenge.waitToken();
        java.time.Instant waitUntil = tooEarly ? answer.waitUntil() : challenge.waitUntil();
        if (verdict == null) {
            // an answer that was too early or invalid: the citizen tries again with this page
            x.response.setHeader("Retry-After", Long.toString(Math.max(1,
                    java.time.Duration.between(challenge.issuedAt(), waitUntil).toSeconds())));
        }
        x.page(AbusePages.challengeTitle(x.locale), AbusePages.challenge(x.locale, challenge.issuedAt(),
                x.base + x.path, x.request.getParameterMap(), challenge, waitToken, waitUntil,
                answer.state() == ProofOfWork.Answer.State.INVALID, x.base + "/static/altcha-solver.js"), 429);
        return false;
    }

    // ---- time-outs ----------------------------------------------------------------------------------------------

    /**
     * A POST whose session has ended meanwhile, from a page rendered for that session (its CSRF token checks against
     * the ended id): the step's input is kept for its owner, and the citizen learns what happened.
     */
    private boolean endedSessionPost(Exchange x) throws IOException {
        if (x.existingSession().isPresent()) {
            return false;
        }
        HttpServletRequest checked = new CsrfFieldRequest(x.request);
        if (sessions.endedIds(x.request).stream().noneMatch(id -> csrf.acceptsForEnded(checked, id))) {
            return false;
        }
        timeouts.park(x.request, x.path, x.tenant, x.session());
        if (x.autosave()) {
            x.response.setStatus(HttpServletResponse.SC_CONFLICT);
            x.write("application/json", "{\"ended\":true}".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        x.redirect(TimeoutPages.ENDED_PATH);
        return true;
    }

    private void sessionPage(Exchange x, boolean get, boolean post) throws IOException {
        switch (x.path) {
            case TimeoutPages.EXTEND_PATH -> {
                if (!post) {
                    throw notFound();
                }
                FlowSession extended = timeouts.extend(sessions, x.request, x.existingSession().orElseThrow(
                        () -> new NotFoundException(PortalError.WEB_SESSION_MISSING, "extend")));
                x.rotated(extended);
                String accept = x.request.getHeader("Accept");
                if (accept != null && accept.contains("application/json")) {
                    x.write("application/json", timeouts.extendedJson(extended, x.locale)
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    x.redirect(TimeoutPages.back(x.request));
                }
            }
            case TimeoutPages.ENDED_PATH -> requireGet(get, () -> {
                Optional<de.ozgsdk.portal.web.internal.ParkedInput> parked = x.existingSession().isPresent()
                        ? timeouts.parked(x.session(), x.tenant) : Optional.empty();
                x.page(PageShell.text(x.locale, "Sitzung abgelaufen", "Session ended"),
                        timeouts.endedContent(x.base, x.locale, parked, x.csrfToken()));
            });
            case TimeoutPages.CONTINUE_PATH -> {
                if (!post) {
                    throw notFound();
                }
                FlowSession session = x.session();
                de.ozgsdk.portal.web.internal.ParkedInput parked = timeouts.parked(session, x.tenant)
                        .filter(p -> p.owner().isPresent()).orElseThrow(() -> new NotFoundException(
                                PortalError.WEB_SESSION_MISSING, "continue"));
                session.put(ownerKey(x.tenant), parked.owner().get());
                x.redirect(timeouts.restore(session, parked, DraftOwner.of(x.tenant.tenant().id(),
                        parked.owner().get())));
            }
            default -> throw notFound();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private OnlineService offered(Exchange x, String serviceId) {
        OnlineService service = runtime.services().get(serviceId);
        if (service == null || !x.tenant.offers(serviceId)) {
            throw notFound();
        }
        return service;
    }

    private static long version(Exchange x) {
        String version = x.request.getParameter("_version");
        if (version == null || !PAGE_VERSION.matcher(version).matches()) {
            // every form of these pages carries it: a post without it did not come from one of them
            throw new de.ozgsdk.core.SecurityCheckException(PortalError.CSRF_REJECTED, "no page version");
        }
        return Long.parseLong(version);
    }

    private static String versionField(ApplicationState state) {
        return "<input type=\"hidden\" name=\"_version\" value=\"" + state.version() + "\">";
    }

    private static NotFoundException notFound() {
        return new NotFoundException(PortalError.WEB_PAGE_NOT_FOUND);
    }

    private static String ownerKey(PortalTenant tenant) {
        return OWNER + ":" + tenant.tenant().id().value();
    }

    private FormRenderer renderer(OnlineService service) {
        return renderers.computeIfAbsent(service.id(), id -> service.form().rendererBuilder()
                .steps(service.steps())
                .stepUrl(step -> "schritt/" + step)
                .theme(FORM_THEME)
                .build());
    }

    /** The standard theme with an id on the form, so that "save and continue later" can sit outside it. */
    private static final Theme FORM_THEME = new Theme() {
        @Override
        public void form(HtmlWriter out, Form form, Runnable content) {
            out.open("div").attr("class", "ozg-form");
            out.open("h1").attr("class", "ozg-title").text(form.title()).close("h1");
            out.open("form").attr("id", "ozg-form").attr("method", "post").attr("action", form.action())
                    .attr("novalidate", true);
            if (form.multipart()) {
                out.attr("enctype", "multipart/form-data");
            }
            form.defaultButton().ifPresent(b -> out.open("button").attr("type", "submit").attr("name", b.name())
                    .attr("value", b.value()).attr("hidden", true).attr("tabindex", "-1").text(b.label())
                    .close("button"));
            form.hiddenFields().forEach((name, value) ->
                    out.open("input").attr("type", "hidden").attr("name", name).attr("value", value).end());
            content.run();
            out.close("form");
            out.close("div");
        }
    };

    private static String resource(String name) {
        try (InputStream in = OzgServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** German or English, whichever the browser prefers first; German without a preference (the container's). */
    private static Locale preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : java.util.Collections.list(request.getLocales())) {
                if (locale.getLanguage().equals("de")) {
                    return Locale.GERMAN;
                }
                if (locale.getLanguage().equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.GERMAN;
    }

    /** One request: its tenant, mount path, path below it, language and (lazily) flow session. */
    private final class Exchange {
        final HttpServletRequest request;
        final HttpServletResponse response;
        final PortalTenant tenant;
        final String base;
        final String path;
        final Locale locale;
        private FlowSession session;

        Exchange(HttpServletRequest request, HttpServletResponse response, PortalTenant tenant) {
            this.request = request;
            this.response = response;
            this.tenant = tenant;
            this.base = request.getContextPath() + request.getServletPath();
            this.path = request.getPathInfo() == null ? "/" : request.getPathInfo();
            Optional<String> chosen = existingSession().flatMap(s -> s.get(LANGUAGE));
            this.locale = chosen.map(Locale::forLanguageTag).orElseGet(() -> preferred(request));
        }

        /**
         * The path for logs: the servlet's own paths (application ids are no personal data), else only that it was
         * another one, since a typed address may hold anything; query strings are never logged.
         */
        String logPath() {
            boolean own = path.length() <= 120 && (APPLICATION.matcher(path).matches()
                    || SERVICE.matcher(path).matches()
                    || OTHER_OWN_PATH.matcher(path).matches());
            return own ? path : "(another path)";
        }

        Optional<FlowSession> existingSession() {
            if (session == null) {
                session = (autosave() ? sessions.peek(request) : sessions.find(request)).orElse(null);
            }
            return Optional.ofNullable(session);
        }

        /** Whether this is the page script's automatic save, which must not count as activity. */
        boolean autosave() {
            return "1".equals(request.getHeader(TimeoutPages.AUTOSAVE_HEADER));
        }

        FlowSession session() {
            if (session == null) {
                session = sessions.open(request, response);
            }
            return session;
        }

        void rotated(FlowSession rotated) {
            this.session = rotated;
        }

        String csrfToken() {
            return csrf.token(session());
        }

        Optional<DraftOwner> owner() {
            return existingSession().flatMap(s -> s.get(ownerKey(tenant)))
                    .map(user -> DraftOwner.of(tenant.tenant().id(), user));
        }

        DraftOwner ownerOrNew() {
            Optional<DraftOwner> owner = owner();
            if (owner.isPresent()) {
                return owner.get();
            }
            DraftOwner created = ServiceRuntime.anonymousOwner(tenant.tenant().id());
            session().put(ownerKey(tenant), created.userId());
            return created;
        }

        /** The application {@code id} of this session's owner; "not found" without one, as for another's. */
        ApplicationRef ref(UUID id) {
            DraftOwner owner = owner().orElseThrow(() -> new NotFoundException(
                    PortalError.RUNTIME_APPLICATION_NOT_FOUND, id));
            return new ApplicationRef(id, owner);
        }

        String origin() {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean standard = scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port);
        }

        void redirect(String below) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", base + below);
        }

        void page(String title, String content) throws IOException {
            page(title, content, HttpServletResponse.SC_OK);
        }

        void page(String title, String content, int status) throws IOException {
            response.setStatus(status);
            String notice = existingSession().isEmpty() || path.equals(TimeoutPages.ENDED_PATH) ? ""
                    : timeouts.notice(base, path, locale, session, csrfToken(), STEP_PAGE.matcher(path).matches());
            write("text/html;charset=UTF-8", PageShell.page(base, path, tenant, locale, title, content, notice)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** The absolute address of one of the servlet's own paths, as the citizen's browser reached the servlet. */
        URI absolute(String ownPath) {
            String url = request.getRequestURL().toString();
            String origin = url.substring(0, url.indexOf('/', url.indexOf("//") + 2));
            return URI.create(origin + base + ownPath);
        }

        void asset(String type, byte[] bytes) throws IOException {
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setHeader("Pragma", null);
            write(type, bytes);
        }

        void write(String type, byte[] bytes) throws IOException {
            response.setContentType(type);
            response.setContentLength(bytes.length);
            if (!request.getMethod().equals("HEAD")) {
                response.getOutputStream().write(bytes);
            }
        }
    }

    /** The request as {@link CsrfProtection} reads it: the token from the renderer's field name. */
    private static final class CsrfFieldRequest extends HttpServletRequestWrapper {
        CsrfFieldRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return CsrfProtection.FIELD.equals(name) ? super.getParameter(CSRF_FIELD) : super.getParameter(name);
        }
    }

    /** Configures an {@link OzgServlet}. */
    public static final class Builder {
        private final ServiceRuntime runtime;
        private final CsrfProtection csrf;
        private final FlowSessions sessions;
        private SecurityHeadersFilter headers = SecurityHeadersFilter.defaults();
        private TenantId tenant;
        private String loginProvider;
        private XzufiExport xzufi;
        private RateLimits rateLimits;
        private BotTrap botTrap;
        private ProofOfWork proofOfWork;
        private SessionTimeouts timeouts = SessionTimeouts.defaults();

        private Builder(ServiceRuntime runtime, CsrfProtection csrf, FlowSessions sessions) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            this.csrf = Objects.requireNonNull(csrf, "csrf");
            this.sessions = Objects.requireNonNull(sessions, "sessions");
        }

        /**
         * Serves only this tenant: a legacy portal of one municipality, where no host sets a
         * {@link TenantResolution} (default: the tenant the host resolved).
         */
        public Builder tenant(TenantId tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /**
         * The security headers the servlet sets on every answer itself (also when the host sets them too); default
         * {@link SecurityHeadersFilter#defaults()}. The login page adds the identity provider's origin to
         * {@code form-action} on its own.
         */
        public Builder securityHeaders(SecurityHeadersFilter headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /**
         * Serves the tenant's service descriptions as XZuFi at {@code xzufi.xml} (for the Portalverbund and the
         * Verwaltungssuchmaschine); without it that address is not found.
         */
        public Builder xzufi(XzufiExport export) {
            this.xzufi = Objects.requireNonNull(export, "export");
            return this;
        }

        /**
         * Limits draft creation and submission (and the upload endpoint) per client address and per tenant; an
         * exceeded limit gets a 429 page with {@code Retry-After} (default: no limits).
         */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Puts a honeypot and a signed time stamp on the start, step and review forms and refuses posts that fill
         * the one or come faster than the other, showing the form again with the answers (default: none).
         */
        public Builder botTrap(BotTrap trap) {
            this.botTrap = Objects.requireNonNull(trap, "trap");
            return this;
        }

        /**
         * Offers a proof of work (or, without JavaScript, a stated wait) instead of the 429 page once a rate limit
         * is exceeded (default: none, the 429 page; needs {@link #rateLimits}).
         */
        public Builder proofOfWork(ProofOfWork proofOfWork) {
            this.proofOfWork = Objects.requireNonNull(proofOfWork, "proofOfWork");
            return this;
        }

        /**
         * How long sessions last per trust level, whether the citizen may extend them, and the time zone of the end
         * the pages state (default {@link SessionTimeouts#defaults()}); give the flow sessions the same clock.
         */
        public Builder timeouts(SessionTimeouts sessionTimeouts) {
            this.timeouts = Objects.requireNonNull(sessionTimeouts, "timeouts");
            return this;
        }

        /** The login provider by {@code AuthProvider.id()} (default: the runtime's first). */
        public Builder loginProvider(String providerId) {
            this.loginProvider = Objects.requireNonNull(providerId, "providerId");
            return this;
        }

        /**
         * The servlet.
         *
         * @throws de.ozgsdk.core.InvalidInputException ({@code OZG-PORTAL-506}) if the fixed tenant is unknown to
         *                                              the runtime or the login provider is not configured
         */
        public OzgServlet build() {
            if (tenant != null && runtime.tenants().find(tenant).isEmpty()) {
                throw new de.ozgsdk.core.InvalidInputException(PortalError.WEB_SETTING_INVALID, "tenant",
                        tenant + " is not in the runtime's tenant directory");
            }
            if (loginProvider != null && !runtime.authProviders().contains(loginProvider)) {
                throw new de.ozgsdk.core.InvalidInputException(PortalError.WEB_SETTING_INVALID, "loginProvider",
                        loginProvider + " is not configured; the runtime has " + runtime.authProviders());
            }
            return new OzgServlet(this);
        }
    }
}
