package de.ozgsdk.portal.findability;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.forms.render.HtmlWriter;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The facts of a service page that search engines and the Portalverbund read: a visible block (service name,
 * description, Leika keys, the responsible municipality, the link to the online service) annotated as a schema.org
 * {@code GovernmentService} in RDFa Lite 1.1, with {@code provider} ({@code GovernmentOrganization}) and
 * {@code areaServed} ({@code AdministrativeArea}), both identified by the Amtlicher Regionalschlüssel.
 *
 * <p>RDFa rather than JSON-LD: the attributes sit on the visible HTML, so the page needs no
 * {@code <script type="application/ld+json">}, which a Content Security Policy without inline script would block (or
 * allow only with a hash per page), and the markup cannot say anything the citizen does not see. Every text is
 * HTML-escaped; the fragment has no script, no style attribute and no event handler.
 *
 * <pre>{@code
 * String facts = GovernmentServiceMarkup.html(service, koeln,
 *         URI.create("https://portal.example/053150000000/anwohnerparkausweis"), Locale.GERMAN);
 * }</pre>
 */
public final class GovernmentServiceMarkup {

    /** The {@code propertyID} of a Leika key (Leistungsschlüssel) in {@code identifier}. */
    public static final String LEIKA = "LeiKa";
    /** The {@code propertyID} of an Amtlicher Regionalschlüssel in {@code identifier}. */
    public static final String ARS = "ARS";

    private GovernmentServiceMarkup() {
    }

    /**
     * The facts of {@code service} as offered by {@code tenant}, as an HTML fragment ({@code <section>}) in the
     * language of {@code locale} (German or English labels; texts of the service and the tenant in that language
     * where they have it).
     *
     * @param onlineServiceLink the absolute http(s) address where the citizen starts the service
     * @throws InvalidInputException {@code OZG-PORTAL-410} if the tenant does not offer the service,
     *                               {@code OZG-PORTAL-411} if the link is not an absolute http(s) URL
     */
    public static String html(OnlineService service, PortalTenant tenant, URI onlineServiceLink, Locale locale) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(onlineServiceLink, "onlineServiceLink");
        Objects.requireNonNull(locale, "locale");
        if (!tenant.offers(service.id())) {
            throw new InvalidInputException(PortalError.FINDABILITY_SERVICE_NOT_OFFERED, service.id(),
                    tenant.tenant().id().value());
        }
        String link = OnlineServiceLink.check(onlineServiceLink, service.id()).toString();
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        ResourceBundle labels = ResourceBundle.getBundle("de.ozgsdk.portal.findability.labels", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String municipality = tenant.tenant().name().get(locale);
        String ars = tenant.tenant().regionalKey().value();

        HtmlWriter out = new HtmlWriter(new StringBuilder(1024));
        out.open("section").attr("class", "ozg-service-facts").attr("lang", language.getLanguage())
                .attr("vocab", "https://schema.org/").attr("typeof", "GovernmentService").attr("resource", link);
        out.open("h2").attr("property", "name").text(service.title().get(locale)).close("h2");
        service.description().ifPresent(description ->
                out.open("p").attr("property", "description").text(description.get(locale)).close("p"));
        out.open("link").attr("property", "url").attr("href", link).end();
        out.open("dl");
        term(out, labels.getString("facts.leika"));
        for (LeikaKey key : service.leikaKeys()) {
            out.open("dd").attr("property", "identifier").attr("typeof", "PropertyValue");
            meta(out, "propertyID", LEIKA);
            out.open("span").attr("property", "value").text(key.value()).close("span");
            out.close("dd");
        }
        term(out, labels.getString("facts.provider"));
        out.open("dd").attr("property", "provider").attr("typeof", "GovernmentOrganization");
        out.open("span").attr("property", "name").text(municipality).close("span").text(" (")
                .text(labels.getString("facts.regionalKey")).text(" ");
        out.open("span").attr("property", "identifier").attr("typeof", "PropertyValue");
        meta(out, "propertyID", ARS);
        out.open("span").attr("property", "value").text(ars).close("span");
        out.close("span").text(")").close("dd");
        term(out, labels.getString("facts.areaServed"));
        out.open("dd").attr("property", "areaServed").attr("typeof", "AdministrativeArea");
        out.open("span").attr("property", "name").text(municipality).close("span");
        out.open("span").attr("property", "identifier").attr("typeof", "PropertyValue");
        meta(out, "propertyID", ARS);
        meta(out, "value", ars);
        out.close("span").close("dd");
        term(out, labels.getString("facts.online"));
        out.open("dd").attr("property", "availableChannel").attr("typeof", "ServiceChannel");
        out.open("a").attr("property", "serviceUrl").attr("href", link).text(labels.getString("facts.start"))
                .close("a");
        out.close("dd");
        out.close("dl").close("section");
        return out.toHtml();
    }

    private static void term(HtmlWriter out, String label) {
        out.open("dt").text(label).close("dt");
    }

    private static void meta(HtmlWriter out, String property, String content) {
        out.open("meta").attr("property", property).attr("content", content).end();
    }
}
