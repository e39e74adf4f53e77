package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.RenderedPage;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.portal.pkg.ServicePackage;
import de.ozgsdk.portal.runtime.ApplicationState;
import de.ozgsdk.portal.runtime.ReviewPage;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.Stage;
import de.ozgsdk.portal.runtime.StepAction;
import de.ozgsdk.portal.runtime.StepOutcome;
import de.ozgsdk.portal.runtime.StepPage;
import de.ozgsdk.portal.runtime.SubmissionReceipt;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PaymentAccount;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.sandbox.payment.XBezahldiensteMock;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ozg service new}: real FIM files of {@code shared/fixtures/fim} (read in place, skipped locally without them,
 * a failure under {@code CI}) and the project's own XDatenfelder 3 schema become packages that load without a problem,
 * run on the central portal and run in the portal's {@link ServiceRuntime}; bad input is refused with its code.
 */
class ServiceNewCommandTest {

    private static final String BEWOHNERPARKEN = "xdf2/S05000058V1.0_xdf2.xml";
    private static final RegionalKey KOELN = RegionalKey.parse("053150000000");

    @TempDir
    Path tmp;

    private CliRun scaffold(String... args) {
        List<String> all = new ArrayList<>(List.of("service", "new", "--locale", "en"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    // ---- real XDatenfelder 2 with code lists -------------------------------------------------------------------

    @Test
    void scaffoldsTheRealBewohnerparkausweisWithItsCodeListsIntoAPackageThatRunsOnTheCentralPortal()
            throws IOException {
        Path fim = SharedFixtures.requireFimFile(BEWOHNERPARKEN);
        Path out = tmp.resolve("bewohnerparken");

        CliRun run = scaffold("--from-fim", fim.toString(), "--codelists", fim.resolveSibling("../codelists")
                .normalize().toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created service package antrag-auf-erteilung-verlaengerung-bewohnerparkausweis"
                + " 1.0.0").contains("central portal: runs (0 blockers, 0 degradations)");
        OnlineService service = ServicePackage.load(out).service();
        assertThat(service.leikaKeys()).extracting(LeikaKey::value).containsExactly("99108001001000", "99108001020000");
        assertThat(service.title().german()).isEqualTo("Antrag auf Erteilung / Verlängerung Bewohnerparkausweis");
        assertThat(service.trustLevel()).contains(TrustLevel.SUBSTANTIAL);
        assertThat(service.fee()).isEmpty();
        assertThat(service.backOffice().channels()).containsExactlyInAnyOrder(ChannelKind.FIT_CONNECT,
                ChannelKind.HTTPS);
        assertThat(service.steps().steps()).extracting(s -> s.title().german()).containsExactly(
                "Angaben zur antragstellenden Person", "Angaben zur Antragsstellung", "Angaben zum Fahrzeug",
                "Angaben zur Fahrzeughalterin, zum Fahrzeughalter");
        // the two consent fields before the first group (one with a working-copy id) open the applicant's step
        assertThat(service.steps().step(0).elements()).extracting(e -> e.id().id()).containsExactly(
                "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "F05001344", "G05000496");
        try (Stream<Path> lists = Files.list(out.resolve("codelists"))) {
            assertThat(lists.map(p -> p.getFileName().toString())).hasSize(6)
                    .doesNotContain("Bundesland_2010-04-01.gc", "Vertretungsart_1.gc");
        }
        CliRun check = CliRun.run("package", "check", out.toString(), "--profile", "central", "--locale", "en");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("on the portal central: runs").contains("Blockers (0)");
    }

    @Test
    void stubsGermanAndMarkedEnglishTranslationsFromTheFimLabels() throws IOException {
        Path fim = SharedFixtures.requireFimFile(BEWOHNERPARKEN);
        Path out = tmp.resolve("p");
        assertThat(scaffold("--from-fim", fim.toString(), "--codelists", codeLists(fim), "--out", out.toString())
                .exitCode()).isZero();

        JsonNode translations = json(out.resolve("form/translations.json"));
        JsonNode consent = translations.get("F05001344");
        assertThat(consent.at("/de/label").stringValue())
                .isEqualTo("Einwilligung zum Abgleich mit dem Melde- und Zulassungsregister");
        assertThat(consent.at("/en/label").stringValue())
                .isEqualTo("[translate] Einwilligung zum Abgleich mit dem Melde- und Zulassungsregister");
        assertThat(consent.at("/de/help").stringValue()).startsWith("Der Online-Antrag beinhaltet").doesNotContain("\n");
        assertThat(translations.get("S05000058").at("/en/label").stringValue()).startsWith("[translate] Antrag auf");
        // every element of the form has its entry, groups reused in several places once
        assertThat(translations.properties()).hasSize(1 + ServicePackage.load(out).service().form().schema()
                .groups().size() + ServicePackage.load(out).service().form().schema().fields().size());
        JsonNode descriptor = json(out.resolve("service.json"));
        assertThat(descriptor.at("/steps/0/title/en").stringValue())
                .isEqualTo("[translate] Angaben zur antragstellenden Person");
        assertThat(descriptor.has("languages")).as("English is not offered untranslated").isFalse();
        assertThat(Files.readString(out.resolve("templates/postbox-text.de.txt")))
                .contains("{service}").contains("{submissionId}");
    }

    @Test
    void rendersEveryStepOfTheRealFormInGermanAndWithTheEnglishStubsAndTheRuntimeChecksTheFirstStep()
            throws IOException {
        Path fim = SharedFixtures.requireFimFile(BEWOHNERPARKEN);
        Path out = tmp.resolve("p");
        assertThat(scaffold("--from-fim", fim.toString(), "--codelists", codeLists(fim), "--out", out.toString(),
                "--trust", "none").exitCode()).isZero();
        OnlineService service = ServicePackage.load(out).service();
        StepPlan plan = service.steps();
        FormRenderer renderer = service.form().rendererBuilder().steps(plan).build();
        for (int i = 0; i < plan.size(); i++) {
            String german = renderer.renderStep(i, FormData.empty(), List.of(), Locale.GERMAN).page();
            String english = renderer.renderStep(i, FormData.empty(), List.of(), Locale.ENGLISH).page();
            assertThat(german).as("step " + i).contains(plan.step(i).title().german()).doesNotContain("[translate]");
            assertThat(english).as("step " + i).contains("[translate] ");
        }

        try (Runtime portal = new Runtime(service)) {
            ApplicationState started = portal.start();
            StepPage first = portal.runtime.step(started.ref(), 0);
            assertThat(first.stepCount()).isEqualTo(4);
            StepOutcome empty = portal.runtime.postStep(started.ref(), started.version(), 0, Map.of(),
                    StepAction.NEXT);
            assertThat(empty.accepted()).isFalse();
            assertThat(empty.violations()).extracting(v -> v.path().toString())
                    .contains("F05001344", "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07");
        }
    }

    // ---- XDatenfelder 3 ----------------------------------------------------------------------------------------

    @Test
    void theRealXdf3FixturesAreRefusedLikeTheRuntimeRefusesThemBecauseTheyAreNotValidAgainstTheXsd() {
        for (String file : List.of("xdf3/flxbe-v3-simple.xml", "xdf3/flxbe-v3-input.xml")) {
            Path fim = SharedFixtures.requireFimFile(file);

            CliRun run = scaffold("--from-fim", fim.toString(), "--leika", "99108001001000", "--out",
                    tmp.resolve("x").toString());

            assertThat(run.exitCode()).as(file).isEqualTo(2);
            assertThat(run.err()).as(file).contains("[OZG-FIM-122]").contains("line ");
            assertThat(tmp.resolve("x")).doesNotExist();
        }
    }

    @Test
    void anXdf3SchemaWithFeeBecomesAServiceThatTheRuntimeTakesFromFirstStepToSubmission() throws IOException {
        Path out = tmp.resolve("xdf3");

        CliRun run = scaffold("--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists",
                CliRun.fixture("codelists"), "--leika", "99050012104000", "--fee", "12,5", "--trust", "none",
                "--title", "Testantrag", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        OnlineService service = ServicePackage.load(out).service();
        assertThat(service.id()).isEqualTo("testantrag-3");
        assertThat(service.version()).isEqualTo("2.0.0");
        assertThat(service.title().german()).isEqualTo("Testantrag");
        assertThat(service.fee()).contains(FeeRule.fixed(Money.parse("12.50")));
        assertThat(service.trustLevel()).isEmpty();
        assertThat(service.steps().size()).isEqualTo(1); // one group, the loose fields around it join its step

        try (Runtime portal = new Runtime(service)) {
            ApplicationState started = portal.start();
            RenderedPage page = service.form().rendererBuilder().steps(service.steps()).build().renderStep(0,
                    portal.runtime.step(started.ref(), 0).state().data(), List.of(), Locale.GERMAN);
            assertThat(page.page()).contains("Familienname");
            StepOutcome next = portal.runtime.postStep(started.ref(), started.version(), 0, Map.of(
                    "F99000000001", new String[] {"Müller"}, "F99000000002", new String[] {"neu"},
                    "F99000000007", new String[] {"000"}), StepAction.NEXT);
            assertThat(next.violations()).isEmpty();
            assertThat(next.state().stage()).isEqualTo(Stage.REVIEW);
            ReviewPage review = portal.runtime.review(started.ref());
            assertThat(review.violations()).isEmpty();
            assertThat(review.fee().amount().toPlainString()).isEqualTo("12.50");
        }
    }

    @Test
    void aFreeXdf3ServiceIsSubmittedThroughTheRuntime() throws IOException {
        Path out = tmp.resolve("free");
        assertThat(scaffold("--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists",
                CliRun.fixture("codelists"), "--leika", "99050012104000", "--trust", "none", "--out",
                out.toString()).exitCode()).isZero();
        OnlineService service = ServicePackage.load(out).service();

        try (Runtime portal = new Runtime(service)) {
            ApplicationState started = portal.start();
            StepOutcome next = portal.runtime.postStep(started.ref(), started.version(), 0, Map.of(
                    "F99000000001", new String[] {"Müller"}, "F99000000002", new String[] {"neu"},
                    "F99000000007", new String[] {"000"}), StepAction.NEXT);
            assertThat(next.violations()).isEmpty();
            SubmissionReceipt receipt = portal.runtime.submit(started.ref(), next.state().version());
            assertThat(portal.runtime.state(started.ref()).stage()).isEqualTo(Stage.SUBMITTED);
            assertThat(receipt.toString()).isNotBlank();
            assertThat(portal.tsa.issuedCount()).isEqualTo(1);
        }
    }

    @Test
    void packWritesAnOzgFileThatLoads() {
        Path out = tmp.resolve("dist");

        CliRun run = scaffold("--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists",
                CliRun.fixture("codelists"), "--leika", "99050012104000", "--pack", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = out.resolve("testantrag-3-2.0.0.ozg");
        assertThat(ServicePackage.load(file).service().id()).isEqualTo("testantrag-3");
        assertThat(CliRun.run("package", "check", file.toString(), "--profile", "central").exitCode()).isZero();
    }

    // ---- bad input ---------------------------------------------------------------------------------------------

    @Test
    void aMissingFimFileIsRefusedWithItsPath() {
        CliRun run = scaffold("--from-fim", tmp.resolve("nope.xml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("[OZG-CLI-101]").contains("nope.xml");
    }

    @Test
    void aFileThatIsNoFimMessageIsRefused() throws IOException {
        Path notFim = Files.writeString(tmp.resolve("liste.xml"), "<?xml version=\"1.0\"?><CodeList/>");

        CliRun run = scaffold("--from-fim", notFim.toString(), "--leika", "99050012104000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("[OZG-FIM-103]").contains("is not an XDatenfelder message");
    }

    @Test
    void aFormWithoutLeikaKeyAsksForLeika() {
        CliRun run = scaffold("--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists",
                CliRun.fixture("codelists"), "--out", tmp.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("[OZG-CLI-131]").contains("xdf3-schema.xml").contains("--leika");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void theRealGewerbeanmeldungGetsEveryProblemAtOnceNoLeikaKeyAndItsMissingCodeLists() {
        Path fim = SharedFixtures.requireFimFile("xdf2/S00000009_xdatenfelder.xml");

        CliRun run = scaffold("--from-fim", fim.toString(), "--codelists", codeLists(fim), "--out",
                tmp.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("[OZG-CLI-131]").contains("[OZG-CLI-132]")
                .contains("urn:xoev-de:xgewerbeanzeige:codeliste:rechtsformen").contains("--codelists");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void anExistingTargetIsNeverOverwrittenWithoutForce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Path mine = Files.writeString(out.resolve("notes.txt"), "mine");

        CliRun run = scaffold("--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists",
                CliRun.fixture("codelists"), "--leika", "99050012104000", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("[OZG-CLI-130]").contains("--force");
        assertThat(mine).hasContent("mine");
        CliRun forced = scaffold("--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists",
                CliRun.fixture("codelists"), "--leika", "99050012104000", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as("--force replaces only packages and empty directories").isEqualTo(2);
        assertThat(forced.err()).contains("[OZG-CLI-134]");
        assertThat(mine).hasContent("mine");
    }

    @Test
    void forceReplacesAnEarlierPackage() {
        Path out = tmp.resolve("pkg");
        String[] args = {"--from-fim", CliRun.fixture("xdf3-schema.xml"), "--codelists", CliRun.fixture("codelists"),
            "--leika", "99050012104000", "--out", out.toString()};
        assertThat(scaffold(args).exitCode()).isZero();

        List<String> again = new ArrayList<>(List.of(args));
        again.addAll(List.of("--force", "--fee", "3.00"));
        CliRun run = scaffold(again.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ServicePackage.load(out).service().fee()).isPresent();
    }

    @Test
    void unusableOptionValuesAreRefusedNamingTheOptionAndWhatIsExpected() {
        String fim = CliRun.fixture("xdf3-schema.xml");
        String lists = CliRun.fixture("codelists");
        for (String[] bad : List.of(new String[] {"--fee", "-3"}, new String[] {"--fee", "1.234"},
                new String[] {"--trust", "medium"}, new String[] {"--id", "Not An Id"})) {
            CliRun run = scaffold("--from-fim", fim, "--codelists", lists, "--leika", "99050012104000",
                    "--out", tmp.resolve("x").toString(), bad[0], bad[1]);

            assertThat(run.exitCode()).as(bad[0]).isEqualTo(2);
            assertThat(run.err()).as(bad[0]).contains("[OZG-CLI-133] " + bad[0] + " " + bad[1]).contains("expected");
        }
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    private static String codeLists(Path fim) {
        return fim.getParent().resolveSibling("codelists").toString();
    }

    /** A portal runtime on an in-memory H2 database with one tenant offering {@code service}; the TSA a sandbox mock. */
    private static final class Runtime implements AutoCloseable {
        final Database database = Database.h2InMemory("scaffold-" + UUID.randomUUID().toString().substring(0, 8));
        final TimestampAuthorityMock tsa = TimestampAuthorityMock.builder().start();
        final ServiceRuntime runtime;
        final Tenant tenant = Tenant.of(KOELN, LocalizedText.of("Stadt Köln"));
        final XBezahldiensteMock payments = XBezahldiensteMock.builder().endPoint("ozg-scaffold", KOELN.value())
                .oauthClient("portal", "geheim").start();

        Runtime(OnlineService service) {
            TenantDirectory tenants = TenantDirectory.of(PortalTenant.builder(tenant).service(service.id())
                    .backOffice(service.id(), new BackOfficeDestination(ChannelKind.HTTPS, "intake"))
                    .paymentAccount(PaymentAccount.of("1610000000", "1234", "1.1200.431000"))
                    .build());
            ServiceRuntime.Builder builder = ServiceRuntime.builder(database, Sealer.builder()
                            .key("test", new byte[32]).build())
                    .service(service)
                    .tenants(tenants)
                    .outbox(Outbox.builder(database).build())
                    .timestamps(TimestampClient.builder().url(tsa.tsaUrl().toString())
                            .trustAnchors(List.of(tsa.trustAnchor())).build());
            if (service.fee().isPresent()) {
                builder.payments(XBezahldiensteClient.builder().baseUrl(payments.baseUrl())
                        .originatorId("ozg-scaffold")
                        .authentication(XBezahldiensteAuthentication.clientCredentials(payments.tokenEndpoint(),
                                "portal", "geheim"))
                        .build());
            }
            runtime = builder.build();
        }

        ApplicationState start() {
            return runtime.start(tenant.id(), runtime.services().keySet().iterator().next(), Locale.GERMAN,
                    ServiceRuntime.anonymousOwner(tenant.id()), Optional.empty());
        }

        @Override
        public void close() {
            tsa.close();
            payments.close();
            database.close();
        }
    }
}
