package de.ozgsdk.portal.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.portal.findability.GovernmentServiceMarkup;
import de.ozgsdk.portal.findability.XzufiExport;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The findability samples of the Javadoc and of PORTAL.md, compiled and run. */
class FindabilitySnippetsTest {

    private final OnlineService service = OnlineService.builder("anwohnerparkausweis", "1.0.0")
            .leikaKey(LeikaKey.parse("99050012104000"))
            .title(LocalizedText.of("Anwohnerparkausweis beantragen"))
            .form(FimForm.load(PortalSnippetsTest.parkausweisForm()))
            .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.FIT_CONNECT))
            .build();
    private final PortalTenant koeln = PortalTenant.builder(
                    Tenant.of(RegionalKey.parse("053150000000"), LocalizedText.of("Stadt Köln")))
            .service("anwohnerparkausweis")
            .backOffice("anwohnerparkausweis", new BackOfficeDestination(ChannelKind.FIT_CONNECT, "koeln-parken"))
            .build();

    @Test
    void serviceFacts() {
        // @start region="government-service-markup"
        String facts = GovernmentServiceMarkup.html(service, koeln,
                URI.create("https://portal.example/053150000000/anwohnerparkausweis"), Locale.GERMAN);
        // @end

        assertThat(facts).contains("typeof=\"GovernmentService\"", "053150000000");
    }

    @Test
    void xzufiExport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // @start region="xzufi-export"
        XzufiExport export = XzufiExport.builder("ozg-portal-nrw").build();
        export.write(koeln, List.of(service),
                s -> URI.create("https://portal.example/053150000000/" + s.id()), out);
        // @end

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<xzufi:leistung>", "99050012104000");
    }
}
