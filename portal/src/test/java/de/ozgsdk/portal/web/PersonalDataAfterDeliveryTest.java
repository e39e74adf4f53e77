package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.runtime.PersonalDataScan;
import de.ozgsdk.portal.runtime.ReceiptRenderer;
import de.ozgsdk.portal.runtime.UniquePersona;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21 §4 over HTTP against the sandbox: after the receiver accepted an application, after the citizen deleted a
 * draft and after a draft expired, none of the citizen's values (random strings of this run) remains in any column
 * of any table or in any file the run wrote, neither in plain text nor inside sealed, base64 or compressed values.
 * Each test first checks that the same scan finds the values while the portal still holds them.
 */
class PersonalDataAfterDeliveryTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A receipt document that repeats the submitted values, as the PDF receipt does. */
    private static final ReceiptRenderer DATA_RECEIPT = (receipt, service, tenant) ->
            new ReceiptRenderer.RenderedReceipt("eingangsbestaetigung.txt", "text/plain;charset=UTF-8",
                    ("Eingangsbestätigung " + receipt.submissionId() + "\n" + values(receipt.data()))
                            .getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    static List<String> databases() {
        return WebPortalWorld.databaseKinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAcceptedApplicationLeavesOnlyTheProofOfItsSubmission(String database) throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        String street = UniquePersona.letters("XS", 16);
        String city = UniquePersona.letters("XO", 16);
        String plate = plate();
        List<String> values = List.of(UniquePersona.GIVEN_NAME, UniquePersona.SURNAME, street, city, plate);
        try (WebPortalWorld world = new WebPortalWorld(database);
                WebPortals.Running portal = WebPortals.central(world, DATA_RECEIPT)) {
            PersonalDataScan scan = PersonalDataScan.of(world.sealKeys(), values);
            Database db = portal.node().database;
            Browser browser = new Browser("de-DE");
            Browser.Page receipt = applyAndSubmit(browser, portal.koeln(), street, city, plate);
            String submissionId = receipt.document().selectFirst(".ozg-submission-id").text();
            Browser.Page download = browser.get(URI.create(receipt.document()
                    .selectFirst("a[href$=/eingang/dokument]").absUrl("href")));
            assertThat(download.body()).contains(street).contains(UniquePersona.SURNAME);
            assertThat(receipt.document().selectFirst(".ozg-retention").text()).startsWith("Laden Sie");
            assertThat(found(scan.database(db))).as("the scan finds what the portal holds before delivery")
                    .containsAll(values);

            while (portal.node().deliver() > 0) {
                // the application to the intake, the receipt to the postbox
            }
            assertThat(new String(world.intakeApplications().get(submissionId), StandardCharsets.UTF_8))
                    .contains(street).contains(plate);
            assertThat(world.postboxMessages()).hasSize(1);
            assertThat(found(scan.database(db))).as("delivered, but the retention has not run yet")
                    .isNotEmpty();

            int erased = portal.node().runtime.retention().eraseDue();

            assertThat(erased).isEqualTo(2);
            assertThat(scan.database(db)).as("personal data in the database after the retention").isEmpty();
            assertThat(scan.files(since, temp, Path.of(System.getProperty("java.io.tmpdir"))))
                    .as("personal data in files written during the test").isEmpty();
            assertThat(proof(db, UUID.fromString(submissionId))).isEqualTo("ACCEPTED erased token digest");
            assertThat(portal.node().runtime.retention().eraseDue()).as("nothing left for a second run").isZero();
            Browser.Page again = browser.get(receipt.uri());
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.document().selectFirst(".ozg-submission-id").text()).isEqualTo(submissionId);
            assertThat(again.document().selectFirst(".ozg-retention").text()).startsWith("Ihre Angaben wurden");
            Browser.Page proofOnly = browser.get(download.uri());
            assertThat(proofOnly.body()).contains(submissionId).doesNotContain(street)
                    .doesNotContain(UniquePersona.SURNAME);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDraftTheCitizenDeletesLeavesNothing(String database) throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        List<String> values = List.of(UniquePersona.letters("XG", 16), UniquePersona.letters("XF", 16),
                UniquePersona.letters("XS", 16));
        try (WebPortalWorld world = new WebPortalWorld(database);
                WebPortals.Running portal = WebPortals.central(world)) {
            PersonalDataScan scan = PersonalDataScan.of(world.sealKeys(), values);
            Browser browser = new Browser("de-DE");
            Browser.Page step2 = fillFreeUpToVehicles(browser, portal.koeln(), values);
            assertThat(found(scan.database(portal.node().database))).containsAll(values);

            Element button = step2.document().selectFirst("form.ozg-delete");
            assertThat(button).as("a delete button on the step page").isNotNull();
            Browser.Page confirm = browser.get(URI.create(button.absUrl("action")));
            assertThat(confirm.status()).isEqualTo(200);
            assertThat(confirm.document().selectFirst("h1").text()).isEqualTo("Antrag wirklich löschen?");
            assertThat(confirm.document().select("a[href$=/schritt/2]")).as("the way back").hasSize(1);
            assertThat(found(scan.database(portal.node().database))).as("nothing deleted by the GET")
                    .containsAll(values);
            Browser.Page deleted = browser.submit(confirm, confirm.form("main form[method=post]"), null, Map.of());

            assertThat(deleted.chain()).startsWith(303);
            assertThat(deleted.document().selectFirst("h1").text()).isEqualTo("Antrag gelöscht");
            assertThat(scan.database(portal.node().database)).isEmpty();
            assertThat(scan.files(since, temp, Path.of(System.getProperty("java.io.tmpdir")))).isEmpty();
            assertThat(browser.get(step2.uri()).status()).as("the draft is gone").isEqualTo(404);
            assertThat(PageChecks.all(portal.koeln(), browser)).isGreaterThan(5);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anExpiredDraftIsPurgedWithAllItsData(String database) throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        List<String> values = List.of(UniquePersona.letters("XG", 16), UniquePersona.letters("XF", 16),
                UniquePersona.letters("XS", 16));
        try (WebPortalWorld world = new WebPortalWorld(database);
                WebPortals.Running portal = WebPortals.central(world)) {
            PersonalDataScan scan = PersonalDataScan.of(world.sealKeys(), values);
            Browser browser = new Browser("de-DE");
            fillFreeUpToVehicles(browser, portal.koeln(), values);
            assertThat(found(scan.database(portal.node().database))).containsAll(values);
            assertThat(portal.node().runtime.purgeExpired()).as("not expired yet").isZero();

            world.advanceClock(Duration.ofDays(30).plusMinutes(1));
            int purged = portal.node().runtime.purgeExpired();

            assertThat(purged).isEqualTo(1);
            assertThat(scan.database(portal.node().database)).isEmpty();
            assertThat(scan.files(since, temp, Path.of(System.getProperty("java.io.tmpdir")))).isEmpty();
        }
    }

    /** Logs in as {@link UniquePersona}, fills the permit service, pays and submits; returns the receipt page. */
    private static Browser.Page applyAndSubmit(Browser browser, URI base, String street, String city, String plate)
            throws Exception {
        Browser.Page start = browser.get(URI.create(base + "/dienst/" + WebPortalWorld.PERMIT));
        Browser.Page login = browser.submit(start, start.form("main form"), null, Map.of());
        assertThat(login.document().select("form.ozg-delete")).as("a delete button on the login page").hasSize(1);
        Browser.Page forward = browser.submit(login, login.form("main form"), null, Map.of());
        Browser.Page idp = browser.submit(forward, forward.form("form[data-ozg-autopost]"), null, Map.of());
        Browser.Page answer = browser.submit(idp, idp.form("form"), null, Map.of("persona", UniquePersona.ID));
        Browser.Page handOver = browser.submit(answer, answer.form("form#answer"), null, Map.of());
        Browser.Page step0 = browser.submit(handOver, handOver.form("form[data-ozg-autopost]"), null, Map.of());
        assertThat(step0.document().select("input[value=" + UniquePersona.SURNAME + "]")).hasSize(1);
        Browser.Page step1 = browser.submit(step0, step0.form("#ozg-form"), "_next=next", Map.of());
        Browser.Page step2 = browser.submit(step1, step1.form("#ozg-form"), "_next=next", Map.of(
                "F99100000004", street, "F99100000005", "51147", "F99100000006", city));
        Browser.Page review = browser.submit(step2, step2.form("#ozg-form"), "_next=next",
                Map.of("F99100000007", plate, "F99100000008", "pkw"));
        assertThat(review.uri().getPath()).endsWith("/pruefen");
        assertThat(review.document().select("form.ozg-delete")).as("a delete button on the review page").hasSize(1);
        Browser.Page payPage = browser.submit(review, review.form("#ozg-form"), "_submit=submit", Map.of());
        Browser.Page submitPage = browser.submit(payPage, payPage.form("form"), "action=pay", Map.of());
        assertThat(submitPage.uri().getPath()).endsWith("/absenden");
        Browser.Page receipt = browser.submit(submitPage, submitPage.form("main form"), null, Map.of());
        assertThat(receipt.uri().getPath()).endsWith("/eingang");
        assertThat(receipt.document().select("form.ozg-delete")).as("no delete button after submission").isEmpty();
        return receipt;
    }

    /** Starts the free service and fills its first two steps with {@code values} (given name, surname, street). */
    private static Browser.Page fillFreeUpToVehicles(Browser browser, URI base, List<String> values)
            throws Exception {
        Browser.Page start = browser.get(URI.create(base + "/dienst/" + WebPortalWorld.FREE));
        Browser.Page step0 = browser.submit(start, start.form("main form"), null, Map.of());
        assertThat(step0.document().select("form.ozg-delete")).as("a delete button from the first step on")
                .isNotEmpty();
        Browser.Page step1 = browser.submit(step0, step0.form("#ozg-form"), "_next=next", Map.of(
                "F99100000001", values.get(0), "F99100000002", values.get(1), "F99100000003", "01.02.1980"));
        Browser.Page step2 = browser.submit(step1, step1.form("#ozg-form"), "_next=next", Map.of(
                "F99100000004", values.get(2), "F99100000005", "50667", "F99100000006", "Köln"));
        assertThat(step2.uri().getPath()).endsWith("/schritt/2");
        return step2;
    }

    /** The needles among the findings. */
    private static List<String> found(List<String> findings) {
        return findings.stream().map(f -> f.substring(f.indexOf(": ") + 2, f.lastIndexOf(" ("))).distinct()
                .collect(Collectors.toList());
    }

    /** What the portal keeps of the submission: the acknowledgement, the erasure mark, the token and digest. */
    private static String proof(Database db, UUID submissionId) throws SQLException {
        String sql = "SELECT a.outcome, s.erased_at, s.timestamp_token, s.message_digest FROM ozg_submission s"
                + " JOIN ozg_delivery_acknowledgement a ON a.idempotency_key = ?"
                + " WHERE s.submission_id = ?";
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, submissionId.toString());
            statement.setObject(2, submissionId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1) + (row.getObject(2) != null ? " erased" : " kept")
                        + (row.getBytes(3).length > 100 ? " token" : " no-token")
                        + (row.getString(4).length() == 64 ? " digest" : " no-digest");
            }
        }
    }

    /** Every value of {@code data}, one a line. */
    private static String values(FormData data) {
        StringBuilder text = new StringBuilder();
        for (String id : data.ids()) {
            if (data.isField(id)) {
                data.values(id).forEach(v -> text.append(v).append('\n'));
            } else {
                data.groups(id).forEach(group -> text.append(values(group)));
            }
        }
        return text.toString();
    }

    /** A random licence plate the form's pattern accepts. */
    private static String plate() {
        return UniquePersona.letters("", 3) + "-" + UniquePersona.letters("", 2) + " "
                + (1000 + RANDOM.nextInt(9000));
    }
}
