package de.ozgsdk.sandbox.idp;

import de.ozgsdk.sandbox.idp.internal.RequestInspector;
import java.util.List;
import java.util.Optional;

/** The HTML pages of the IdP mock: persona choice, BundID-style error page, auto-submitting answer form. */
final class Pages {

    private Pages() {
    }

    static String login(String loginId, List<Persona> personas, RequestInspector.Login login) {
        StringBuilder page = new StringBuilder(4096).append(head("Anmeldung (Sandbox-Servicekonto)"))
                .append("<h1>Anmeldung am Sandbox-Servicekonto</h1>\n<p>Service provider: ")
                .append(escape(login.sp().entityId())).append(", requested level STORK-QAA-Level-")
                .append(login.requestedLevel()).append("</p>\n<form method=\"post\" action=\"")
                .append(ServicekontoIdpMock.LOGIN).append("\">\n<input type=\"hidden\" name=\"login\" value=\"")
                .append(escape(loginId)).append("\">\n<fieldset><legend>Persona</legend>\n");
        boolean first = true;
        for (Persona persona : personas) {
            page.append("<label><input type=\"radio\" name=\"persona\" value=\"").append(escape(persona.id()))
                    .append('"').append(first ? " checked" : "").append("> ").append(escape(persona.label()))
                    .append("</label><br>\n");
            first = false;
        }
        return page.append("</fieldset>\n<button type=\"submit\">Anmelden</button>\n")
                .append("<button type=\"submit\" name=\"cancel\" value=\"1\">Abbrechen</button>\n</form>\n")
                .append("</body>\n</html>\n").toString();
    }

    static String error(String code) {
        return head("Fehler") + "<h1>Die Anmeldung ist nicht möglich</h1>\n<p>Fehlercode: <code>" + escape(code)
                + "</code></p>\n</body>\n</html>\n";
    }

    static String autoPost(String acsUrl, String samlResponse, Optional<String> relayState) {
        return head("Weiterleitung") + "<form id=\"answer\" method=\"post\" action=\"" + escape(acsUrl) + "\">\n"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + escape(samlResponse) + "\">\n"
                + relayState.map(state -> "<input type=\"hidden\" name=\"RelayState\" value=\"" + escape(state)
                        + "\">\n").orElse("")
                + "<button type=\"submit\">Weiter</button>\n</form>\n"
                + "<script>document.getElementById('answer').submit();</script>\n</body>\n</html>\n";
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"de\">\n<head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
