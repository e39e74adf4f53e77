package de.ozgsdk.portal.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The few pages the web adapter and the host answer themselves (refused request, unknown page), in German or English
 * after the browser's language: fixed text, nothing from the request echoed, no inline script or style.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    /** Whether the page should be English: the browser prefers English; German otherwise. */
    public static boolean english(HttpServletRequest request) {
        return "en".equals(request.getLocale().getLanguage());
    }

    /** 403 after a failed CSRF check: says what happened and what to do, without technical detail. */
    public static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (english(request)) {
            write(response, HttpServletResponse.SC_FORBIDDEN, "en", "Request refused",
                    "Your form could not be accepted because it did not reliably come from this page, for example"
                            + " after a long break or from an old browser tab. Nothing was saved.",
                    "Go back, reload the page and send the form again.");
        } else {
            write(response, HttpServletResponse.SC_FORBIDDEN, "de", "Anfrage abgewiesen",
                    "Ihr Formular konnte nicht angenommen werden, weil es nicht sicher von dieser Seite stammt, etwa"
                            + " nach einer längeren Pause oder aus einem alten Browser-Tab. Es wurde nichts gespeichert.",
                    "Gehen Sie zurück, laden Sie die Seite neu und senden Sie das Formular erneut.");
        }
    }

    /** 404 for a page or municipality that does not exist here; names nothing that exists. */
    public static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (english(request)) {
            write(response, HttpServletResponse.SC_NOT_FOUND, "en", "Page not found",
                    "This page does not exist on this portal.", "Check the address or start from the home page.");
        } else {
            write(response, HttpServletResponse.SC_NOT_FOUND, "de", "Seite nicht gefunden",
                    "Diese Seite gibt es auf diesem Portal nicht.",
                    "Prüfen Sie die Adresse oder beginnen Sie auf der Startseite.");
        }
    }

    /** A minimal, valid HTML page with a title, a heading and two paragraphs. */
    public static void write(HttpServletResponse response, int status, String language, String title, String what,
            String todo) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String page = "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title></head>\n<body><main><h1>" + escape(title) + "</h1>\n<p>"
                + escape(what) + "</p>\n<p>" + escape(todo) + "</p></main></body>\n</html>\n";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The language tag of a page for {@code locale}: {@code en} or {@code de}. */
    public static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "de";
    }
}
