package de.ozgsdk.portal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.FileTenantDirectory;
import de.ozgsdk.portal.tenant.JdbcTenantDirectory;
import de.ozgsdk.portal.tenant.PaymentAccount;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.PortalTestDatabases;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.web.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortalHostTest {

    static final TenantId KOELN = TenantId.parse("053150000000");
    static final TenantId BONN = TenantId.parse("053140000000");
    static final String BONN_HOST = "bonn.portal.example";

    PortalHost host;
    RawHttp http;

    static PortalTenant koeln() {
        try {
            return FileTenantDirectory.read(Path.of(PortalHostTest.class
                    .getResource("/de/ozgsdk/portal/tenant/koeln/koeln.json").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PortalTenant bonn(String sender) {
        return PortalTenant.builder(Tenant.of(RegionalKey.parse("053140000000"), LocalizedText.of("Bundesstadt Bonn")))
                .service("anwohnerparkausweis")
                .backOffice("anwohnerparkausweis", new BackOfficeDestination(ChannelKind.HTTPS, "bonn-parken"))
                .paymentAccount(PaymentAccount.of("5314000000", "77", "BONN.HHST.9"))
                .postboxSender(sender)
                .build();
    }

    static PortalHost.Builder hostOf(TenantDirectory tenants) {
        return PortalHost.builder(tenants, TenantEchoServlet::new).port(0)
                .slug(KOELN, "koeln")
                .hostName(BONN_HOST, BONN);
    }

    @BeforeEach
    void start() {
        host = hostOf(TenantDirectory.of(koeln(), bonn("Bonn, Bürgeramt"))).start();
        http = RawHttp.plain(host.port());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void servesATenantUnderItsRegionalKeyAndItsSlugWithTheMountAsServletPath() throws IOException {
        RawHttp.Response byKey = http.get("localhost", "/053150000000/antrag/schritt-1");
        RawHttp.Response bySlug = http.get("localhost", "/koeln/antrag/schritt-1");

        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.body()).contains("tenant=053150000000", "by=PATH", "servletPath=/053150000000",
                "pathInfo=/antrag/schritt-1");
        assertThat(bySlug.body()).contains("tenant=053150000000", "servletPath=/koeln", "pathInfo=/antrag/schritt-1");
        assertThat(byKey.header("content-security-policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(byKey.header("cache-control")).contains("no-store");
    }

    @Test
    void servesATenantAtTheRootOfItsHostName() throws IOException {
        RawHttp.Response page = http.get(BONN_HOST, "/antrag");

        assertThat(page.body()).contains("tenant=053140000000", "by=HOST_NAME", "servletPath=\n",
                "pathInfo=/antrag");
        assertThat(http.get("BONN.portal.example:443", "/").body()).contains("tenant=053140000000");
    }

    @Test
    void aTenantNeverSeesAnotherTenantsRequestsOrConfiguration() throws IOException {
        List<RawHttp.Response> koelnAnswers = new ArrayList<>();
        List<RawHttp.Response> bonnAnswers = new ArrayList<>();
        for (String path : new String[] {"/053150000000/", "/koeln/x", "/053150000000/053140000000/",
                "/koeln/?tenant=053140000000", "/koeln/053140000000"}) {
            koelnAnswers.add(http.get("localhost", path));
        }
        // Bonn's host name with Köln's paths stays Bonn's
        for (String path : new String[] {"/", "/053150000000/", "/koeln/", "/053140000000/?tenant=053150000000"}) {
            bonnAnswers.add(http.get(BONN_HOST, path));
        }

        for (RawHttp.Response answer : koelnAnswers) {
            if (answer.status() == 200) {
                assertThat(answer.body()).contains("tenant=053150000000")
                        .doesNotContain("Bonn", "BONN.HHST.9", "tenant=053140000000");
            }
        }
        assertThat(koelnAnswers.get(0).status()).isEqualTo(200);
        for (RawHttp.Response answer : bonnAnswers) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("tenant=053140000000")
                    .doesNotContain("Köln", "1.1200.431000", "tenant=053150000000");
        }
        assertThat(koelnAnswers).extracting(RawHttp.Response::body).noneMatch(b -> b.contains("MISMATCH"));
    }

    @Test
    void eachTenantHasItsOwnServletInstance() throws IOException {
        String koelnFirst = instance(http.get("localhost", "/koeln/a"));
        String koelnAgain = instance(http.get("localhost", "/053150000000/b"));
        String bonn = instance(http.get(BONN_HOST, "/a"));

        assertThat(koelnAgain).isEqualTo(koelnFirst);
        assertThat(bonn).isNotEqualTo(koelnFirst);
    }

    @Test
    void answersAnUnknownTenantWithA404ThatNamesNothing() throws IOException {
        for (String path : new String[] {"/059999999999/antrag", "/unbekannt/", "/Koeln/", "/%3Cscript%3E/"}) {
            RawHttp.Response answer = http.get("localhost", path);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).contains("Seite nicht gefunden")
                    .doesNotContain("Köln", "Bonn", "053150000000", "059999999999", "unbekannt", "script");
            assertThat(answer.header("content-security-policy")).isPresent();
        }
    }

    @Test
    void redirectsTheBareMountPathToItsFolder() throws IOException {
        RawHttp.Response answer = http.get("localhost", "/koeln");

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.header("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/koeln/"));
    }

    @Test
    void listsTheMunicipalitiesOnTheIndexPage() throws IOException {
        RawHttp.Response index = http.get("localhost", "/");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<a href=\"/koeln/\">Stadt Köln</a>",
                "<a href=\"/053140000000/\">Bundesstadt Bonn</a>", "<html lang=\"de\">")
                .doesNotContain("1.1200.431000", "Bürgeramt");
    }

    @Test
    void reportsHealthWithTheNumberOfTenantsAndDownWhenTheDirectoryFails() throws IOException {
        assertThat(http.get("localhost", PortalHost.HEALTH_PATH).body()).isEqualTo("{\"status\":\"UP\",\"tenants\":2}");

        TenantDirectory broken = new TenantDirectory() {
            @Override
            public Optional<PortalTenant> find(TenantId id) {
                throw new IllegalStateException("database gone");
            }

            @Override
            public List<PortalTenant> all() {
                throw new IllegalStateException("database gone");
            }
        };
        try (PortalHost failing = PortalHost.builder(broken, TenantEchoServlet::new).port(0).start()) {
            RawHttp.Response health = RawHttp.plain(failing.port()).get("localhost", PortalHost.HEALTH_PATH);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
        }
    }

    @Test
    void aChangedTenantGetsANewServletWithItsNewConfiguration() throws IOException {
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            JdbcTenantDirectory tenants = JdbcTenantDirectory.builder(databases.open())
                    .checkInterval(Duration.ZERO).build();
            tenants.put(bonn("Bonn, Bürgeramt"));
            try (PortalHost dynamic = hostOf(tenants).start()) {
                RawHttp client = RawHttp.plain(dynamic.port());
                RawHttp.Response before = client.get(BONN_HOST, "/");
                assertThat(before.body()).contains("sender=Bonn, Bürgeramt");

                tenants.put(bonn("Bonn, Straßenverkehrsamt"));
                RawHttp.Response after = client.get(BONN_HOST, "/");

                assertThat(after.body()).contains("sender=Bonn, Straßenverkehrsamt");
                assertThat(instance(after)).isNotEqualTo(instance(before));
                assertThat(client.get("localhost", "/053150000000/").status()).isEqualTo(404);
                tenants.put(koeln());
                assertThat(client.get("localhost", "/053150000000/").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void stopsGracefullyLettingARequestUnderWayFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServlet slow = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("finished");
            }
        };
        PortalHost stopping = PortalHost.builder(TenantDirectory.of(koeln()), tenant -> slow).port(0)
                .stopTimeout(Duration.ofSeconds(10)).start();
        RawHttp client = RawHttp.plain(stopping.port());
        CompletableFuture<RawHttp.Response> underWay = CompletableFuture.supplyAsync(() -> {
            try {
                return client.get("localhost", "/053150000000/");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(stopping::close);
        release.countDown();

        RawHttp.Response answer = underWay.get(10, TimeUnit.SECONDS);
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        assertThatThrownBy(() -> client.get("localhost", "/053150000000/")).isInstanceOf(IOException.class);
    }

    @Test
    void destroysTheTenantServletsWhenItStops() throws IOException {
        List<TenantEchoServlet> made = new ArrayList<>();
        PortalHost stopping = PortalHost.builder(TenantDirectory.of(koeln()), tenant -> {
            TenantEchoServlet servlet = new TenantEchoServlet(tenant);
            made.add(servlet);
            return servlet;
        }).port(0).start();
        RawHttp.plain(stopping.port()).get("localhost", "/053150000000/");

        stopping.close();

        assertThat(made).singleElement().satisfies(s -> assertThat(s).extracting("destroyed").isEqualTo(true));
    }

    @Test
    void aFailingServletShowsTheCitizenNoStackTraceOrMessage() throws IOException {
        HttpServlet failing = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("secret detail of Musterfrau");
            }
        };
        try (PortalHost broken = PortalHost.builder(TenantDirectory.of(koeln()), tenant -> failing).port(0).start()) {
            RawHttp.Response answer = RawHttp.plain(broken.port()).get("localhost", "/053150000000/");

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).contains("Ein Fehler ist aufgetreten")
                    .doesNotContain("Musterfrau", "IllegalStateException", "at de.ozgsdk");
            assertThat(answer.header("content-security-policy")).isPresent();
        }
    }

    @Test
    void refusesAPortInUseAndBadSettings() {
        assertThatThrownBy(() -> PortalHost.builder(TenantDirectory.of(), TenantEchoServlet::new)
                .port(host.port()).start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-PORTAL-508");
        assertThatThrownBy(() -> PortalHost.builder(TenantDirectory.of(), TenantEchoServlet::new)
                .slug(KOELN, "-koeln"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-PORTAL-506");
        assertThatThrownBy(() -> PortalHost.builder(TenantDirectory.of(), TenantEchoServlet::new)
                .slug(KOELN, "stadt").slug(BONN, "stadt"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("given to two tenants");
    }

    private static String instance(RawHttp.Response answer) {
        return answer.body().lines().filter(l -> l.startsWith("instance=")).findFirst().orElseThrow();
    }
}
