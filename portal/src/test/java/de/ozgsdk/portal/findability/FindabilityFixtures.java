package de.ozgsdk.portal.findability;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Services and a tenant (Stadt Köln) for the findability tests, on the lead's test form. */
final class FindabilityFixtures {

    static final String ARS = "053150000000";
    static final String PARKING_LEIKA = "99050012104000";
    static final String SECOND_LEIKA = "99050012104001";

    private static FimForm form;

    private FindabilityFixtures() {
    }

    static synchronized FimForm form() {
        if (form == null) {
            try {
                form = FimForm.load(Path.of(FindabilityFixtures.class
                        .getResource("/de/ozgsdk/portal/parkausweis-xdf3.xml").toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return form;
    }

    static OnlineService.Builder service(String id, String germanTitle) {
        return OnlineService.builder(id, "1.0.0")
                .leikaKey(LeikaKey.parse(PARKING_LEIKA))
                .title(LocalizedText.of(germanTitle))
                .form(form())
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS));
    }

    static OnlineService parkingPermit() {
        return service("anwohnerparkausweis", "Anwohnerparkausweis beantragen")
                .leikaKey(LeikaKey.parse(SECOND_LEIKA))
                .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
                        .put(Locale.ENGLISH, "Apply for a residents' parking permit").build())
                .description(LocalizedText.builder("Bewohnerinnen und Bewohner erhalten einen Ausweis für die Zone.")
                        .put(Locale.ENGLISH, "Residents get a permit for their zone.").build())
                .build();
    }

    static PortalTenant cologne(String... services) {
        PortalTenant.Builder builder = PortalTenant.builder(Tenant.of(RegionalKey.parse(ARS),
                LocalizedText.builder("Stadt Köln").put(Locale.ENGLISH, "City of Cologne").build()));
        for (String service : services) {
            builder.service(service).backOffice(service, new BackOfficeDestination(ChannelKind.HTTPS, "koeln"));
        }
        return builder.build();
    }

    static URI link(OnlineService service) {
        return URI.create("https://portal.example/" + ARS + "/" + service.id());
    }
}
