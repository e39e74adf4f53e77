package de.ozgsdk.portal.web;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.runtime.ApplicationState;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.StepAction;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.web.internal.ParkedInput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-outs of {@link OzgServlet} (WCAG 2.2.1): the session's end stated on every page with an "extend" form
 * where the level permits, the warning dialog the script file {@code static/timeout.js} opens, and the input of a
 * step posted after the end, kept sealed in the new session until its owner is back. See PORTAL.md, "Time-outs".
 */
final class TimeoutPages {

    /** The request header of the page script's automatic save: the save must not count as activity. */
    static final String AUTOSAVE_HEADER = "X-OZG-Autosave";
    /** The hidden field of the sealed owner key on the step pages of an application without login. */
    static final String RESUME_FIELD = "_resume";
    static final String EXTEND_PATH = "/sitzung/verlaengern";
    static final String ENDED_PATH = "/sitzung/abgelaufen";
    static final String CONTINUE_PATH = "/sitzung/fortsetzen";
    /** Session value: the trust level of the login, for the extension rule. */
    static final String LEVEL = "timeout.level";
    private static final String PARKED = "timeout.parked";
    private static final String RESTORED = "timeout.restored";
    private static final String BACK_FIELD = "_zurueck";
    private static final Pattern OWN_PATH = Pattern.compile("/[A-Za-z0-9/_.-]{0,300}");
    private static final Pattern STEP_POST = Pattern.compile(
            "/antrag/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/schritt/([0-9]{1,3})");
    private static final List<String> NOT_INPUT = List.of(OzgServlet.CSRF_FIELD, "_version", "_next", "_back",
            "_save", RESUME_FIELD);
    private static final Logger LOG = LoggerFactory.getLogger(TimeoutPages.class);

    private final SessionTimeouts timeouts;
    private final Sealer sealer;
    private final ServiceRuntime runtime;

    TimeoutPages(SessionTimeouts timeouts, CsrfProtection csrf, ServiceRuntime runtime) {
        this.timeouts = timeouts;
        this.sealer = Sealer.builder().key("csrf-derived", csrf.derivedKey("parked input")).build();
        this.runtime = runtime;
    }

    SessionTimeouts settings() {
        return timeouts;
    }

    // ---- the end on every page --------------------------------------------------------------------------------

    /** Whether the citizen may extend {@code session} now: the level permits it and there is time to gain. */
    boolean extendable(FlowSession session) {
        Optional<TrustLevel> level = session.get(LEVEL).map(TrustLevel::valueOf);
        return timeouts.extendable(level) && session.end().isBefore(session.deadline());
    }

    /** "Ihre Sitzung endet um 14:32 Uhr." in the configured zone; with the date when it is not today. */
    String endText(Instant end, Locale l) {
        ZonedDateTime at = end.atZone(timeouts.zone());
        boolean today = at.toLocalDate().equals(timeouts.clock().instant().atZone(timeouts.zone()).toLocalDate());
        String time = at.format(DateTimeFormatter.ofPattern("HH:mm"));
        String date = at.format(DateTimeFormatter.ofPattern("dd.MM.uuuu"));
        if (PageShell.english(l)) {
            return "Your session ends at " + time + (today ? "" : " on " + date) + ".";
        }
        return "Ihre Sitzung endet " + (today ? "" : "am " + date + " ") + "um " + time + " Uhr.";
    }

    /**
     * The session box (end in text, the extend form where permitted) and the warning dialog with its script, placed
     * before {@code main}; {@code stepForm} says whether the page has a form step the dialog can save.
     */
    String notice(String base, String path, Locale l, FlowSession session, String csrfToken, boolean stepForm) {
        boolean extendable = extendable(session);
        Instant end = session.end();
        String text = PageShell.esc(endText(end, l));
        StringBuilder html = new StringBuilder(2048);
        html.append("<aside class=\"ozg-session\" aria-label=\"").append(PageShell.text(l, "Sitzung", "Session"))
                .append("\">\n<p id=\"ozg-session-end\" role=\"status\" data-ozg-session-end=\"").append(end)
                .append("\" data-ozg-now=\"").append(timeouts.clock().instant()).append("\" data-ozg-warn=\"")
                .append(timeouts.warnBefore().toSeconds()).append("\" data-ozg-extend=\"")
                .append(extendable ? PageShell.esc(base + EXTEND_PATH) : "").append("\">").append(text)
                .append("</p>\n");
        if (extendable) {
            html.append(PageShell.buttonForm(base + EXTEND_PATH, csrfToken,
                    PageShell.text(l, "Sitzung verlängern", "Extend the session"),
                    "<input type=\"hidden\" name=\"" + BACK_FIELD + "\" value=\"" + PageShell.esc(path) + "\">")
                    .replace("ozg-button-primary", "ozg-button-secondary"));
        } else {
            html.append("<p>").append(PageShell.text(l, "Eine Verlängerung ist hier nicht möglich. Ihre Eingaben"
                    + " bleiben gespeichert; nach dem Ende melden Sie sich erneut an und setzen den Antrag fort.",
                    "The session cannot be extended here. Your input stays saved; after the end you log in again"
                            + " and continue the application.")).append("</p>\n");
        }
        html.append("</aside>\n").append(dialog(l, text, extendable, stepForm)).append("<script src=\"")
                .append(PageShell.esc(base)).append("/static/timeout.js\" defer></script>\n");
        return html.toString();
    }

    private static String dialog(Locale l, String text, boolean extendable, boolean stepForm) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<dialog id=\"ozg-timeout-dialog\" class=\"ozg-timeout-dialog\" role=\"alertdialog\"")
                .append(" aria-labelledby=\"ozg-timeout-title\" aria-describedby=\"ozg-timeout-text\">\n")
                .append("<h2 id=\"ozg-timeout-title\">").append(PageShell.text(l, "Ihre Sitzung endet bald",
                        "Your session ends soon")).append("</h2>\n<p id=\"ozg-timeout-text\"><span")
                .append(" data-ozg-session-text=\"\">").append(text).append("</span> ")
                .append(stepForm ? PageShell.text(l, "Ihre Eingaben werden vorher automatisch gespeichert.",
                        "Your input is saved automatically before.") : "")
                .append("</p>\n<p class=\"ozg-timeout-status\" role=\"status\" data-ozg-timeout-status=\"\"")
                .append(" data-ozg-saved=\"").append(PageShell.text(l, "Ihre Eingaben sind gespeichert.",
                        "Your input is saved.")).append("\" data-ozg-extended=\"")
                .append(PageShell.text(l, "Die Sitzung ist verlängert.", "The session is extended."))
                .append("\" data-ozg-ended=\"").append(PageShell.text(l, "Ihre Sitzung ist beendet. Ihre Eingaben"
                        + " sind gespeichert; laden Sie die Seite neu, um fortzufahren.", "Your session has ended."
                        + " Your input is saved; reload the page to continue.")).append("\" data-ozg-failed=\"")
                .append(PageShell.text(l, "Das hat nicht geklappt. Versuchen Sie es erneut.",
                        "That did not work. Try again.")).append("\"></p>\n<div class=\"ozg-timeout-actions\">");
        if (extendable) {
            html.append("<button type=\"button\" class=\"ozg-button ozg-button-primary\" data-ozg-extend=\"\">")
                    .append(PageShell.text(l, "Sitzung verlängern", "Extend the session")).append("</button>");
        }
        if (stepForm) {
            html.append("<button type=\"button\" class=\"ozg-button ozg-button-secondary\" data-ozg-save-leave=\"\">")
                    .append(PageShell.text(l, "Speichern und beenden", "Save and leave")).append("</button>");
        }
        html.append("<button type=\"button\" class=\"ozg-button ozg-button-secondary\" data-ozg-close=\"\">")
                .append(PageShell.text(l, "Schließen", "Close")).append("</button></div>\n</dialog>\n");
        return html.toString();
    }

    // ---- extend -----------------------------------------------------------------------------------------------

    /**
     * Extends the request's session (the citizen pressed "extend").
     *
     * @throws ConflictException ({@code OZG-PORTAL-800}) if the level does not permit it or the end is the deadline
     */
    FlowSession extend(FlowSessions sessions, HttpServletRequest request, FlowSession current) {
        if (!extendable(current)) {
            throw new ConflictException(PortalError.TIMEOUT_EXTENSION_NOT_PERMITTED,
                    current.end().isBefore(current.deadline()) ? "trust level" : "deadline reached");
        }
        return sessions.extend(request).orElse(current);
    }

    /** The answer to the script's extension: the new end and its text. */
    String extendedJson(FlowSession session, Locale l) {
        return "{\"end\":\"" + session.end() + "\",\"now\":\"" + timeouts.clock().instant() + "\",\"text\":\""
                + jsonEscape(endText(session.end(), l)) + "\",\"extendable\":" + extendable(session) + "}";
    }

    /** Where "extend" without script returns: the page it was pressed on (own paths only). */
    static String back(HttpServletRequest request) {
        String back = request.getParameter(BACK_FIELD);
        return back != null && OWN_PATH.matcher(back).matches() && !back.contains("//") ? back : "/";
    }

    // ---- input after the end ----------------------------------------------------------------------------------

    /**
     * Keeps the input of a step posted after its session ended in {@code fresh} (the new session); returns whether
     * {@code path} was a step post. An application without login carries its owner in the page's sealed field.
     */
    boolean park(HttpServletRequest request, String path, PortalTenant tenant, FlowSession fresh) {
        Matcher step = STEP_POST.matcher(path);
        if (!step.matches()) {
            return false;
        }
        UUID application = UUID.fromString(step.group(1));
        Map<String, List<String>> input = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_INPUT.contains(name)) {
                input.put(name, List.of(values));
            }
        });
        Optional<String> owner = Optional.ofNullable(request.getParameter(RESUME_FIELD))
                .flatMap(field -> ParkedInput.openOwner(field, sealer, tenant.tenant().id(), application));
        ParkedInput parked = new ParkedInput(application, Integer.parseInt(step.group(2)), input,
                timeouts.clock().instant(), owner);
        fresh.put(PARKED, parked.seal(sealer, tenant.tenant().id()));
        LOG.info("input of application {} posted after the session ended is kept for its owner", application);
        return true;
    }

    /** The input kept in {@code session}, if any. */
    Optional<ParkedInput> parked(FlowSession session, PortalTenant tenant) {
        return session.get(PARKED).map(sealed -> {
            try {
                return ParkedInput.open(sealed, sealer, tenant.tenant().id());
            } catch (OzgException e) {
                session.remove(PARKED);
                throw e;
            }
        });
    }

    /**
     * Puts the kept input into its application, saved without validation, when {@code owner} owns it; the step page
     * then tells the citizen. Returns the application's path.
     *
     * @throws de.ozgsdk.core.NotFoundException ({@code OZG-PORTAL-802}) if {@code owner} does not own it
     */
    String restore(FlowSession session, ParkedInput parked, DraftOwner owner) {
        session.remove(PARKED);
        ApplicationRef ref = new ApplicationRef(parked.application(), owner);
        ApplicationState state;
        try {
            state = runtime.state(ref);
        } catch (de.ozgsdk.core.NotFoundException e) {
            throw new de.ozgsdk.core.NotFoundException(PortalError.TIMEOUT_PARKED_INPUT_FOREIGN, e,
                    parked.application());
        }
        runtime.postStep(ref, state.version(), parked.step(), parked.asParameterMap(), StepAction.SAVE);
        session.put(RESTORED, parked.parkedAt().toString());
        LOG.info("input of application {} kept after the session ended is restored", parked.application());
        return "/antrag/" + parked.application() + "/schritt/" + parked.step();
    }

    /** The sealed owner field of a step page of an application without login. */
    String resumeField(PortalTenant tenant, UUID application, DraftOwner owner) {
        return ParkedInput.sealOwner(sealer, tenant.tenant().id(), application, owner.userId());
    }

    /** The note on the step page after a restore, once. */
    String restoredNote(FlowSession session, Locale l) {
        Optional<String> at = session.get(RESTORED);
        if (at.isEmpty()) {
            return "";
        }
        session.remove(RESTORED);
        String time = Instant.parse(at.get()).atZone(timeouts.zone()).format(DateTimeFormatter.ofPattern("HH:mm"));
        return "<div class=\"ozg-panel ozg-restored\" role=\"status\"><p>" + PageShell.text(l,
                "Ihre Sitzung war abgelaufen. Ihre Eingaben von " + time + " Uhr sind wiederhergestellt und"
                        + " gespeichert; prüfen Sie sie und fahren Sie fort.",
                "Your session had ended. Your input of " + time + " is restored and saved; check it and"
                        + " continue.") + "</p></div>\n";
    }

    /** The page after a post that arrived after the end. */
    String endedContent(String base, Locale l, Optional<ParkedInput> parked, String csrfToken) {
        String title = PageShell.text(l, "Ihre Sitzung ist abgelaufen", "Your session has ended");
        StringBuilder html = new StringBuilder("<h1>").append(title).append("</h1>\n");
        if (parked.isEmpty()) {
            html.append("<p>").append(PageShell.text(l, "Beginnen Sie auf der Startseite neu; gespeicherte Anträge"
                    + " finden Sie nach der Anmeldung unter „Meine Anträge“.", "Start again from the home page;"
                    + " saved applications are listed under \"My applications\" after you log in.")).append("</p>\n")
                    .append("<p><a href=\"").append(PageShell.esc(base)).append("/\">")
                    .append(PageShell.text(l, "Zur Startseite", "To the home page")).append("</a></p>");
            return html.toString();
        }
        html.append("<div class=\"ozg-panel\" role=\"status\"><p>").append(PageShell.text(l,
                "Ihre Eingaben sind sicher aufbewahrt und gehen nicht verloren.",
                "Your input is kept safely and is not lost.")).append("</p></div>\n");
        if (parked.get().owner().isPresent()) {
            html.append("<p>").append(PageShell.text(l, "Setzen Sie den Antrag fort: Ihre Eingaben werden dabei"
                    + " in den Antrag übernommen.", "Continue the application: your input is taken into it."))
                    .append("</p>\n").append(PageShell.buttonForm(base + CONTINUE_PATH, csrfToken,
                            PageShell.text(l, "Antrag fortsetzen", "Continue the application")));
        } else {
            html.append("<p>").append(PageShell.text(l, "Melden Sie sich erneut an: danach werden Ihre Eingaben"
                    + " in den Antrag übernommen.", "Log in again: afterwards your input is taken into the"
                    + " application.")).append("</p>\n").append(PageShell.buttonForm(base + "/entwuerfe/anmelden",
                            csrfToken, PageShell.text(l, "Erneut anmelden", "Log in again")));
        }
        return html.toString();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
