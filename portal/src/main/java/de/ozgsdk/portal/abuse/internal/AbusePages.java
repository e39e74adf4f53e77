package de.ozgsdk.portal.abuse.internal;

import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.abuse.ProofOfWork;
import de.ozgsdk.portal.web.internal.ErrorPages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The content (inside {@code main}, with its {@code h1}) of the abuse protection's pages, German or English: "too
 * many requests, try again at …", the neutral note after a failed bot check, and the challenge page whose form
 * repeats the refused request with a proof of work (script) or after a stated wait (button).
 */
public final class AbusePages {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm 'Uhr'").withZone(BERLIN);
    private static final DateTimeFormatter MINUTE_EN = DateTimeFormatter.ofPattern("HH:mm").withZone(BERLIN);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss 'Uhr'").withZone(BERLIN);
    private static final DateTimeFormatter SECOND_EN = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BERLIN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu").withZone(BERLIN);
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");

    private AbusePages() {
    }

    /** The title of the "too many requests" page. */
    public static String throttledTitle(Locale locale) {
        return text(locale, "Zu viele Anfragen", "Too many requests");
    }

    /**
     * The "too many requests" page: when to try again (rounded up to the minute, German time, with the date when it
     * is not today), that the input is kept, the error code, and the way back.
     */
    public static String throttled(Locale locale, Instant now, Instant retryAt, String back) {
        String at = time(locale, now, retryAt);
        return "<h1>" + throttledTitle(locale) + "</h1>\n<div class=\"ozg-notice\" role=\"alert\"><p>"
                + esc(text(locale, "Von Ihrem Internetanschluss oder für diese Kommune kamen in kurzer Zeit zu viele"
                        + " Anfragen dieser Art. Bitte versuchen Sie es ab " + at + " erneut.",
                        "Too many requests of this kind came from your internet connection or for this municipality"
                                + " in a short time. Please try again from " + at + "."))
                + "</p><p>" + esc(text(locale, "Ihre bisherigen Eingaben bleiben gespeichert.",
                        "What you entered so far stays saved.")) + "</p></div>\n"
                + errorCode(locale, PortalError.ABUSE_RATE_LIMITED.code())
                + "<p><a href=\"" + esc(back) + "\">" + text(locale, "Zurück", "Back") + "</a></p>";
    }

    /** The neutral note above a form shown again after a failed bot check: it names no check. */
    public static String formCheckNotice(Locale locale) {
        return "<div class=\"ozg-notice\" role=\"alert\"><p>" + esc(text(locale,
                "Ihre Angaben konnten nicht verarbeitet werden. Sie sind unten wieder eingetragen: Prüfen Sie sie bitte"
                        + " und senden Sie das Formular erneut.",
                "Your answers could not be processed. They are filled in again below: please check them and send the"
                        + " form again.")) + " (" + PortalError.ABUSE_FORM_CHECK_FAILED.code() + ")</p></div>\n";
    }

    /** The title of the challenge page. */
    public static String challengeTitle(Locale locale) {
        return text(locale, "Bitte kurz bestätigen", "Please confirm briefly");
    }

    /**
     * The challenge page: a form to {@code action} that repeats the refused request's {@code fields} with the proof
     * of work (filled in by {@code script}) or, without JavaScript, the waiting token; the live region says what
     * happens, the button works without script once the stated time has passed.
     *
     * @param tooEarly when the waiting token was sent before its time: the same token with the time left
     * @param failed   whether the previous answer was refused (then the page says so, naming the code)
     */
    public static String challenge(Locale locale, Instant now, String action, Map<String, String[]> fields,
            ProofOfWork.Challenge challenge, String waitToken, Instant waitUntil, boolean failed, String script) {
        long seconds = Math.max(0, (Duration.between(now, waitUntil).toMillis() + 999) / 1000);
        String until = (english(locale) ? SECOND_EN : SECOND).format(waitUntil);
        StringBuilder page = new StringBuilder("<h1>").append(challengeTitle(locale)).append("</h1>\n")
                .append("<div class=\"ozg-notice\"><p>").append(esc(text(locale,
                        "Gerade kommen sehr viele Anfragen. Damit Ihr Antrag trotzdem angenommen wird, bestätigen Sie"
                                + " ihn bitte: Ihr Browser rechnet dazu eine kleine Aufgabe; ohne JavaScript warten"
                                + " Sie stattdessen kurz. Ihre Eingaben bleiben erhalten.",
                        "There are very many requests right now. So that your application is still accepted, please"
                                + " confirm it: your browser solves a small task; without JavaScript you wait a"
                                + " moment instead. What you entered is kept.")))
                .append("</p></div>\n");
        if (failed) {
            page.append("<div class=\"ozg-notice\" role=\"alert\"><p>").append(esc(text(locale,
                    "Die Bestätigung hat nicht geklappt. Bitte versuchen Sie es mit dieser Seite erneut.",
                    "The confirmation did not work. Please try again with this page."))).append(" (")
                    .append(PortalError.ABUSE_CHALLENGE_FAILED.code()).append(")</p></div>\n");
        }
        page.append("<form method=\"post\" action=\"").append(esc(action)).append("\" class=\"ozg-altcha\"")
                .append(" data-ozg-altcha=\"").append(esc(challenge.json())).append("\" data-ozg-working=\"")
                .append(esc(text(locale, "Ihr Browser rechnet die Bestätigung aus …",
                        "Your browser is working out the confirmation …"))).append("\" data-ozg-done=\"")
                .append(esc(text(locale, "Bestätigt. Ihre Anfrage wird gesendet.",
                        "Confirmed. Your request is being sent."))).append("\">");
        fields.forEach((name, values) -> {
            if (FIELD_NAME.matcher(name).matches() && !List.of(ProofOfWork.SOLUTION_FIELD, ProofOfWork.WAIT_FIELD)
                    .contains(name)) {
                for (String value : values) {
                    page.append("<input type=\"hidden\" name=\"").append(esc(name)).append("\" value=\"")
                            .append(esc(value)).append("\">");
                }
            }
        });
        page.append("<input type=\"hidden\" name=\"").append(ProofOfWork.WAIT_FIELD).append("\" value=\"")
                .append(esc(waitToken)).append("\"><input type=\"hidden\" name=\"")
                .append(ProofOfWork.SOLUTION_FIELD).append("\" value=\"\">")
                .append("<p class=\"ozg-altcha-status\" role=\"status\" aria-live=\"polite\">")
                .append(esc(seconds == 0
                        ? text(locale, "Sie können jetzt auf „Weiter“ drücken.", "You can press \"Continue\" now.")
                        : text(locale, "Ohne JavaScript: Warten Sie bitte " + seconds + " Sekunden (bis " + until
                                + ") und drücken Sie dann auf „Weiter“.", "Without JavaScript: please wait "
                                + seconds + " seconds (until " + until + "), then press \"Continue\".")))
                .append("</p><button type=\"submit\" class=\"ozg-button ozg-button-primary\">")
                .append(text(locale, "Weiter", "Continue")).append("</button></form>\n")
                .append("<script src=\"").append(esc(script)).append("\"></script>");
        return page.toString();
    }

    private static String time(Locale locale, Instant now, Instant at) {
        // rounded up: "from 14:05" must never be earlier than the real time
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES).equals(at) ? at
                : at.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        String time = (english(locale) ? MINUTE_EN : MINUTE).format(minute);
        if (DAY.format(now).equals(DAY.format(minute))) {
            return time;
        }
        return DAY.format(minute) + ", " + time;
    }

    private static String errorCode(Locale locale, String code) {
        return "<p>" + text(locale, "Fehlercode", "Error code") + ": <code class=\"ozg-error-code\">" + code
                + "</code></p>\n";
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static String text(Locale locale, String german, String english) {
        return english(locale) ? english : german;
    }

    private static String esc(String text) {
        return ErrorPages.escape(text);
    }
}
