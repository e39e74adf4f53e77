package de.ozgsdk.portal.runtime.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.runtime.ApplicationState;
import de.ozgsdk.portal.runtime.Flows;
import de.ozgsdk.portal.runtime.PersonalDataRetention;
import de.ozgsdk.portal.runtime.PortalWorld;
import de.ozgsdk.portal.runtime.RetentionPolicy;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.StepAction;
import de.ozgsdk.portal.runtime.SubmissionReceipt;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.SubmissionChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code samples of "Personal data after delivery" (PORTAL.md and the retention Javadoc), run as a test. */
class RetentionSnippetsTest {

    /** A stand-in for the store of uploaded files: one table of its own. */
    static final class Uploads {
        void eraseAll(Connection connection, ApplicationRef application) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM snippet_upload WHERE id = ?")) {
                delete.setObject(1, application.id());
                delete.executeUpdate();
            }
        }
    }

    @Test
    void anAcceptedApplicationLosesItsPersonalDataAndKeepsItsProof() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            PortalWorld.Node node = world.node();
            Database database = node.db;
            Sealer sealer = world.sealer;
            Outbox outbox = node.outbox;
            Uploads uploads = new Uploads();
            SubmissionChannel httpsChannel = application -> Receipt.builder(application.submissionId(),
                    Instant.now()).document("<ok/>".getBytes(StandardCharsets.UTF_8), Optional.empty()).build();
            database.runInTransaction(c -> c.createStatement().execute(
                    "CREATE TABLE snippet_upload (id UUID PRIMARY KEY)"));

            // @start region="retention-policy"
            RetentionPolicy policy = RetentionPolicy.builder()
                    .afterAcceptance(Duration.ofDays(2))    // the citizen may fetch the full receipt for two days
                    .maximum(Duration.ofDays(30))           // dead-lettered or rejected: kept 30 days at most
                    .acceptanceByEvent("koeln-fitconnect")  // FIT-Connect: delivered is not accepted yet
                    .build();
            // @end

            ServiceRuntime.Builder builder = ServiceRuntime.builder(database, sealer)
                    .tenants(world.tenants).timestamps(node.timestamps).outbox(outbox).clock(world.clock())
                    .service(PortalWorld.freeService());
            // @start region="retention-holder"
            builder.retention(policy)
                    .personalDataHolder((connection, application) -> uploads.eraseAll(connection, application));
            // @end
            ServiceRuntime runtime = builder.build();
            SubmissionReceipt receipt = submit(runtime);
            database.runInTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO snippet_upload VALUES (?)")) {
                    insert.setObject(1, receipt.applicationId());
                    insert.executeUpdate();
                }
            });

            // @start region="retention-job"
            ChannelRouter router = ChannelRouter.builder()
                    .route("koeln-parken", httpsChannel)
                    .onReceipt(runtime.retention().receiptHandler())  // records the receiver's acknowledgement
                    .build();
            // on every node: erases what is due, purges expired drafts with their held data
            PersonalDataRetention.Job job = runtime.retention().startJob(Duration.ofMinutes(5));
            // @end
            job.close();
            try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("w").build()) {
                dispatcher.drainOnce();
            }
            assertThat(runtime.retention().eraseDue()).isZero();
            world.advanceClock(Duration.ofDays(2));
            assertThat(runtime.retention().eraseDue()).isEqualTo(1);
            int uploadsLeft = database.inTransaction(c -> {
                try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM snippet_upload")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(uploadsLeft).isZero();
        }
    }

    private static SubmissionReceipt submit(ServiceRuntime runtime) {
        TenantId koeln = TenantId.of(PortalWorld.KOELN_ARS);
        DraftOwner owner = ServiceRuntime.anonymousOwner(koeln);
        ApplicationState s = runtime.start(koeln, PortalWorld.FREE, Locale.GERMAN, owner, Optional.empty());
        s = runtime.postStep(s.ref(), s.version(), 0, Flows.applicant("Erika", "Mustermann", "12.08.1964"),
                StepAction.NEXT).state();
        s = runtime.postStep(s.ref(), s.version(), 1, Flows.address("51147"), StepAction.NEXT).state();
        s = runtime.postStep(s.ref(), s.version(), 2, Flows.vehicle("K-AB 123"), StepAction.NEXT).state();
        return runtime.submit(s.ref(), s.version());
    }
}
