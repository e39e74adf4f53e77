package de.ozgsdk.portal.web;

import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.web.internal.ErrorPages;
import java.util.Locale;

/**
 * The frame of every page of {@link OzgServlet}: language, title, the style sheets as files (no inline style), a skip
 * link, the responsible municipality with its logo in the header (Eckpunkt 29), the language switch, and the content
 * in {@code main}. The content brings its own single {@code h1}. Everything passed in as text is escaped.
 */
final class PageShell {

    private PageShell() {
    }

    /** Whether {@code locale} is English (every other language gets German). */
    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** The German or the English text, by {@code locale}. */
    static String text(Locale locale, String german, String english) {
        return english(locale) ? english : german;
    }

    /** Text for element content and attribute values. */
    static String esc(String text) {
        return ErrorPages.escape(text);
    }

    /**
     * A whole page.
     *
     * @param base        the mount path (context path + servlet path), links are built below it
     * @param currentPath the path of this page below {@code base}, for the language switch
     * @param tenant      the responsible municipality
     * @param locale      the page language
     * @param title       the document title
     * @param content     the markup of {@code main} (with its h1)
     */
    static String page(String base, String currentPath, PortalTenant tenant, Locale locale, String title,
            String content) {
        return page(base, currentPath, tenant, locale, title, content, "");
    }

    /** A whole page with {@code beforeMain} (the session's end and its warning dialog) between header and main. */
    static String page(String base, String currentPath, PortalTenant tenant, Locale locale, String title,
            String content, String beforeMain) {
        String lang = english(locale) ? "en" : "de";
        String municipality = tenant.tenant().name().get(locale);
        StringBuilder page = new StringBuilder(4096 + content.length());
        page.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append(" – ").append(esc(municipality)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(base)).append("/static/ozg-portal.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(base)).append("/mandant.css\">\n")
                .append("</head>\n<body>\n<a class=\"ozg-skip\" href=\"#inhalt\">")
                .append(text(locale, "Zum Inhalt springen", "Skip to content")).append("</a>\n")
                .append("<header class=\"ozg-header\">\n<div class=\"ozg-municipality\">");
        tenant.branding().logo().ifPresent(logo -> page.append("<img class=\"ozg-logo\" src=\"").append(esc(base))
                .append("/mandant/logo\" alt=\"").append(esc(logo.alt().get(locale))).append("\">"));
        page.append("<p><span class=\"ozg-responsible\">").append(text(locale, "Zuständig:", "Responsible:"))
                .append("</span> <a href=\"").append(esc(base)).append("/\">").append(esc(municipality))
                .append("</a></p></div>\n<nav class=\"ozg-language\" aria-label=\"")
                .append(text(locale, "Sprache", "Language")).append("\"><ul>");
        if (english(locale)) {
            page.append("<li><a href=\"").append(esc(base + currentPath)).append("?lang=de\" lang=\"de\"")
                    .append(" hreflang=\"de\">Deutsch</a></li>");
        } else {
            page.append("<li><a href=\"").append(esc(base + currentPath)).append("?lang=en\" lang=\"en\"")
                    .append(" hreflang=\"en\">English</a></li>");
        }
        page.append("<li><a href=\"").append(esc(base)).append("/entwuerfe\">")
                .append(text(locale, "Meine Anträge", "My applications")).append("</a></li>")
                .append("</ul></nav>\n</header>\n").append(beforeMain)
                .append("<main id=\"inhalt\" tabindex=\"-1\">\n").append(content)
                .append("\n</main>\n<footer class=\"ozg-footer\"><p>").append(esc(municipality))
                .append("</p></footer>\n</body>\n</html>\n");
        return page.toString();
    }

    /** A form posting to {@code action} with the CSRF token and one primary button. */
    static String buttonForm(String action, String csrfToken, String label) {
        return buttonForm(action, csrfToken, label, "");
    }

    /** A form posting to {@code action} with the CSRF token, further hidden markup and one primary button. */
    static String buttonForm(String action, String csrfToken, String label, String hidden) {
        return "<form method=\"post\" action=\"" + esc(action) + "\">" + "<input type=\"hidden\" name=\""
                + OzgServlet.CSRF_FIELD + "\" value=\"" + esc(csrfToken) + "\">" + hidden
                + "<button type=\"submit\" class=\"ozg-button ozg-button-primary\">" + esc(label)
                + "</button></form>";
    }
}
