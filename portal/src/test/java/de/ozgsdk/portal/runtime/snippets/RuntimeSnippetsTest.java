package de.ozgsdk.portal.runtime.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.runtime.ApplicationState;
import de.ozgsdk.portal.runtime.Flows;
import de.ozgsdk.portal.runtime.PortalWorld;
import de.ozgsdk.portal.runtime.ReviewPage;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.StepAction;
import de.ozgsdk.portal.runtime.StepOutcome;
import de.ozgsdk.portal.runtime.SubmissionReceipt;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.postbox.Postbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code samples of the runtime section of PORTAL.md, run as tests against the sandbox. */
class RuntimeSnippetsTest {

    private final List<Violation> shown = new ArrayList<>();

    @Test
    void anApplicationIsStartedFilledAndSubmittedOnce() throws Exception {
        try (PortalWorld world = new PortalWorld("h2")) {
            PortalWorld.Node node = world.node();
            Database database = node.db;
            Sealer sealer = world.sealer;
            OnlineService service = PortalWorld.freeService();
            TenantDirectory tenants = world.tenants;
            AuthProvider servicekonto = node.sp;
            PaymentProvider xbezahldienste = node.xbezahldienste;
            Postbox postbox = node.portalPostbox;
            TimestampClient tsa = node.timestamps;
            Outbox outbox = node.outbox;
            TenantId tenant = TenantId.of(PortalWorld.KOELN_ARS);
            Map<String, String[]> parameters = Flows.form("G99100000001.F99100000001", "Erika");

            // @start region="runtime-start"
            ServiceRuntime runtime = ServiceRuntime.builder(database, sealer)
                    .service(service)
                    .tenants(tenants)
                    .authProvider(servicekonto)  // by its id(); services with a trust level need one
                    .payments(xbezahldienste)    // services with a fee need one
                    .postbox(postbox)            // optional: without it the receipt is a download only
                    .timestamps(tsa)             // RFC 3161: submit fails with OZG-PORTAL-305 while it is down
                    .outbox(outbox)              // on the same database: applications go out through it
                    .build();

            DraftOwner owner = ServiceRuntime.anonymousOwner(tenant); // keep it in the session, never in a URL
            ApplicationState state = runtime.start(tenant, service.id(), Locale.GERMAN, owner, Optional.empty());
            StepOutcome outcome = runtime.postStep(state.ref(), state.version(), 0, parameters, StepAction.NEXT);
            if (!outcome.accepted()) {
                showStepAgain(outcome.state(), outcome.violations()); // this step's violations only
            }
            // @end

            assertThat(shown).isNotEmpty();
            ApplicationRef ref = state.ref();
            ApplicationState now = runtime.postStep(ref, outcome.state().version(), 0,
                    Flows.applicant("Erika", "Mustermann", "12.08.1964"), StepAction.NEXT).state();
            now = runtime.postStep(ref, now.version(), 1, Flows.address("51147"), StepAction.NEXT).state();
            runtime.postStep(ref, now.version(), 2, Flows.vehicle("K-AB 123"), StepAction.NEXT);

            // @start region="runtime-submit"
            ReviewPage review = runtime.review(ref); // the data to submit, the fee, violations across steps
            SubmissionReceipt receipt = runtime.submit(ref, review.state().version());
            SubmissionReceipt again = runtime.submit(ref, review.state().version()); // a double click
            // again equals receipt: the application was stored, stamped and enqueued once
            // @end

            assertThat(again).isEqualTo(receipt);
            assertThat(node.deliver()).isEqualTo(1);
        }
    }

    private void showStepAgain(ApplicationState state, List<Violation> violations) {
        assertThat(state.step()).hasValue(0);
        shown.addAll(violations);
    }
}
