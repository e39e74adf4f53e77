package de.ozgsdk.portal.web;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.upload.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The parts of pages about uploaded documents: refusals as violations, and the list with remove buttons. */
final class DocumentPages {

    /** Where a remove button may send the citizen back to. */
    static final Pattern BACK = Pattern.compile("pruefen|schritt/[0-9]{1,3}");

    private DocumentPages() {
    }

    /** The refusals of an upload post as violations of their file fields, shown like the form's own. */
    static List<Violation> violations(FormSchema schema, Map<String, OzgException> refusals) {
        List<Violation> violations = new ArrayList<>();
        refusals.forEach((name, refusal) -> {
            DataPath path = DataPath.parse(name);
            String id = path.last().id();
            LocalizedText label = UploadedRequest.element(schema, path).map(ElementRef::element)
                    .map(e -> e.metadata().label()).orElse(LocalizedText.of(id));
            LocalizedText message = LocalizedText.builder(refusal.userMessage(Locale.GERMAN))
                    .put(Locale.ENGLISH, refusal.userMessage(Locale.ENGLISH)).build();
            violations.add(Violation.external(path, id, label, refusal.code().code(), message));
        });
        return violations;
    }

    /** The step that shows the document's field. */
    static OptionalInt stepOf(OnlineService service, StoredDocument document) {
        return service.steps().stepOf(DataPath.parse(document.fieldPath()).segments().get(0).id());
    }

    /**
     * A table of the documents (name, size, type) with a remove button each (a form of its own, so it works without
     * JavaScript) and, on the review page, a link to the step where a document is replaced.
     */
    static String table(String base, ApplicationRef ref, List<StoredDocument> documents, String csrfToken,
            String back, OnlineService service, boolean replaceLinks, Locale l) {
        if (documents.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section class=\"ozg-documents\"><h2>")
                .append(PageShell.text(l, "Hochgeladene Dateien", "Uploaded files"))
                .append("</h2><table class=\"ozg-table\"><thead><tr><th scope=\"col\">")
                .append(PageShell.text(l, "Datei", "File")).append("</th><th scope=\"col\">")
                .append(PageShell.text(l, "Größe", "Size")).append("</th><th scope=\"col\">")
                .append(PageShell.text(l, "Art", "Type")).append("</th><th scope=\"col\">")
                .append(PageShell.text(l, "Aktion", "Action")).append("</th></tr></thead><tbody>");
        for (StoredDocument document : documents) {
            html.append("<tr><td>").append(PageShell.esc(document.name())).append("</td><td>")
                    .append(PageShell.esc(size(document.size(), l))).append("</td><td>")
                    .append(PageShell.esc(type(document.mediaType()))).append("</td><td>")
                    .append("<form method=\"post\" action=\"")
                    .append(PageShell.esc(base + "/antrag/" + ref.id() + "/dokument/" + document.id()
                            + "/entfernen")).append("\"><input type=\"hidden\" name=\"")
                    .append(OzgServlet.CSRF_FIELD).append("\" value=\"").append(PageShell.esc(csrfToken))
                    .append("\"><input type=\"hidden\" name=\"zurueck\" value=\"").append(PageShell.esc(back))
                    .append("\"><button type=\"submit\" class=\"ozg-button ozg-button-secondary\">")
                    .append(PageShell.text(l, "Entfernen", "Remove"))
                    .append("<span class=\"ozg-visually-hidden\">: ").append(PageShell.esc(document.name()))
                    .append("</span></button></form>");
            OptionalInt step = stepOf(service, document);
            if (replaceLinks && step.isPresent()) {
                html.append(" <a href=\"").append(PageShell.esc(base + "/antrag/" + ref.id() + "/schritt/"
                        + step.getAsInt())).append("\">").append(PageShell.text(l, "Ersetzen", "Replace"))
                        .append("<span class=\"ozg-visually-hidden\">: ").append(PageShell.esc(document.name()))
                        .append("</span></a>");
            }
            html.append("</td></tr>");
        }
        return html.append("</tbody></table></section>").toString();
    }

    private static String size(long bytes, Locale l) {
        boolean german = !"en".equals(l.getLanguage());
        if (bytes >= 1024 * 1024) {
            return String.format(german ? Locale.GERMAN : Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(german ? Locale.GERMAN : Locale.ENGLISH, "%.1f KB", bytes / 1024.0);
        }
        return bytes + (german ? " Byte" : " bytes");
    }

    private static String type(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> mediaType;
        };
    }
}
