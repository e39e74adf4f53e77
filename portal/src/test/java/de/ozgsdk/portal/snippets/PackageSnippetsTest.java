package de.ozgsdk.portal.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.portal.pkg.ServicePackage;
import de.ozgsdk.portal.pkg.ServicePackageException;
import de.ozgsdk.portal.profile.CompatibilityCheck;
import de.ozgsdk.portal.profile.CompatibilityException;
import de.ozgsdk.portal.profile.CompatibilityReport;
import de.ozgsdk.portal.profile.LoginProvider;
import de.ozgsdk.portal.profile.PaymentProviderKind;
import de.ozgsdk.portal.profile.PortalProfile;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.OnlineService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code samples about service packages, portal profiles and the compatibility check, run as tests. */
class PackageSnippetsTest {

    @TempDir
    Path tmp;

    static Path examplePackage() {
        try {
            return Path.of(PackageSnippetsTest.class.getResource(
                    "/de/ozgsdk/portal/pkg/anwohnerparkausweis/service.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPackageIsLoadedAndItsProblemsListed() throws Exception {
        Path packageFile = ServicePackage.pack(examplePackage(), tmp);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // @start region="service-package-load"
            try {
                ServicePackage pkg = ServicePackage.load(packageFile); // a directory or an .ozg file
                OnlineService service = pkg.service();
                System.out.println("loaded " + service + " (" + pkg.digest() + ")");
            } catch (ServicePackageException e) {
                e.problems().forEach(p -> System.err.println(p.location() + " " + p.message(Locale.GERMAN)));
            }
            // @end
        } finally {
            System.setOut(stdout);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^loaded anwohnerparkausweis 1\\.0\\.0 \\(sha256:[0-9a-f]{64}\\)$");
        Files.delete(packageFile);
    }

    @Test
    void aServiceIsCheckedAgainstAPortalProfile() {
        ServicePackage pkg = ServicePackage.load(examplePackage());
        assertThatThrownBy(() -> {
            // @start region="compatibility-check"
            CompatibilityReport report = CompatibilityCheck.check(pkg.service(), PortalProfile.legacy());
            report.blockers().forEach(b -> System.out.println(b.concerns() + ": " + b.message(Locale.GERMAN)));
            report.degradations().forEach(d -> System.out.println(d.concerns() + ": " + d.message(Locale.GERMAN)));
            report.requireRunnable(); // the runtime does this before it starts the service: OZG-PORTAL-240
            // @end
        }).isInstanceOf(CompatibilityException.class).hasMessageContaining("OZG-PORTAL-213 form");
    }

    @Test
    void aProfileIsWrittenInJava() {
        // @start region="portal-profile"
        PortalProfile legacy = PortalProfile.named("legacy"); // or PortalProfile.read(file)
        PortalProfile mine = PortalProfile.builder("stadt-musterhausen")
                .apiLevel(1)
                .loginProvider(new LoginProvider("Servicekonto", LoginProvider.Protocol.SAML, TrustLevel.SUBSTANTIAL,
                        EnumSet.of(PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME)))
                .paymentProvider(PaymentProviderKind.EPAYBL)
                .channel(ChannelKind.HTTPS)
                .xdfVersion(XdfVersion.XDF2)
                .build(); // German only, no postbox
        // @end
        assertThat(mine.maxTrustLevel()).isEqualTo(legacy.maxTrustLevel());
        assertThat(mine.postboxes()).isEqualTo(legacy.postboxes());
    }
}
