package de.ozgsdk.portal.web;

import de.ozgsdk.portal.runtime.ApplicationRef;
import java.util.Locale;

/**
 * The citizen's "delete application" without JavaScript: a button on every page of an application before it is
 * submitted leads (GET) to a confirmation page, whose form posts with the CSRF token; then a page says that
 * everything entered is deleted.
 */
final class DraftDeletion {

    /** Below the mount path: the page shown after a deletion (the application no longer exists). */
    static final String DELETED_PATH = "/geloescht";

    private DraftDeletion() {
    }

    /** The button leading to the confirmation page; a GET form so that it needs no token and nests in no form. */
    static String button(String base, ApplicationRef ref, Locale l) {
        return "<form method=\"get\" class=\"ozg-delete\" action=\"" + PageShell.esc(base + "/antrag/" + ref.id()
                + "/loeschen") + "\"><button type=\"submit\" class=\"ozg-button ozg-button-secondary\">"
                + PageShell.text(l, "Antrag löschen", "Delete application") + "</button></form>";
    }

    static String confirmationTitle(Locale l) {
        return PageShell.text(l, "Antrag wirklich löschen?", "Really delete the application?");
    }

    /** The confirmation: what goes, the delete button (POST with the CSRF token) and the way back. */
    static String confirmation(String base, ApplicationRef ref, String serviceTitle, String back, String csrfToken,
            Locale l) {
        return "<h1>" + confirmationTitle(l) + "</h1>\n<p>" + PageShell.esc(PageShell.text(l,
                "Wenn Sie den Antrag „" + serviceTitle + "“ löschen, werden alle Ihre Angaben und hochgeladenen"
                        + " Dokumente sofort und endgültig gelöscht. Der Antrag wird nicht abgesendet.",
                "If you delete the application \"" + serviceTitle + "\", all your answers and uploaded documents"
                        + " are deleted at once and for good. The application is not sent."))
                + "</p>\n" + PageShell.buttonForm(base + "/antrag/" + ref.id() + "/loeschen", csrfToken,
                        PageShell.text(l, "Ja, Antrag endgültig löschen", "Yes, delete the application for good"))
                + "\n<p><a href=\"" + PageShell.esc(base + back) + "\">" + PageShell.text(l,
                        "Nein, zurück zum Antrag", "No, back to the application") + "</a></p>";
    }

    static String deletedTitle(Locale l) {
        return PageShell.text(l, "Antrag gelöscht", "Application deleted");
    }

    /** The page after the deletion. */
    static String deleted(String base, Locale l) {
        return "<h1>" + deletedTitle(l) + "</h1>\n<div class=\"ozg-panel\" role=\"status\"><p>" + PageShell.text(l,
                "Ihr Antrag und alle Ihre Angaben wurden gelöscht. Es wurde nichts abgesendet.",
                "Your application and all your answers have been deleted. Nothing was sent.")
                + "</p></div>\n<p><a href=\"" + PageShell.esc(base + "/") + "\">" + PageShell.text(l,
                        "Zu den Onlinediensten", "To the online services") + "</a></p>";
    }
}
