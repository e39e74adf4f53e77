package de.ozgsdk.portal.runtime;

import static de.ozgsdk.portal.runtime.Flows.address;
import static de.ozgsdk.portal.runtime.Flows.applicant;
import static de.ozgsdk.portal.runtime.Flows.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.Citizen;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ReceivedApplication;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow against the sandbox over HTTP, with the real SAML, XBezahldienste, HTTPS and postbox clients: login,
 * three steps with one validation error and its correction, leave, resume on another node, pay, submit twice, the
 * application at the back office exactly once, the receipt in the postbox. On H2 and (when configured) PostgreSQL.
 */
class ServiceRuntimeFlowTest {

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCitizenAppliesLeavesResumesOnAnotherNodePaysAndSubmitsOnce(String database) throws Exception {
        try (PortalWorld world = new PortalWorld(database)) {
            PortalWorld.Node first = world.node();
            PortalWorld.Node second = world.node();
            TenantId koeln = TenantId.of(PortalWorld.KOELN_ARS);

            // anonymous start: the service needs a login first
            DraftOwner anonymous = ServiceRuntime.anonymousOwner(koeln);
            ApplicationState started = first.runtime.start(koeln, PortalWorld.PERMIT, Locale.GERMAN, anonymous,
                    Optional.empty());
            assertThat(started.stage()).isEqualTo(Stage.LOGIN_REQUIRED);

            // login at the IdP mock over HTTP: the application becomes the citizen's, names prefilled and marked
            Citizen erika = Flows.logIn(world, first, started.ref(), "erika-eid");
            ApplicationState bound = first.runtime.attachCitizen(started.ref(), erika);
            DraftOwner owner = ServiceRuntime.citizenOwner(koeln, erika);
            assertThat(bound.ref().owner()).isEqualTo(owner);
            assertThat(bound.stage()).isEqualTo(Stage.STEP);
            assertThat(bound.step()).hasValue(0);
            assertThat(bound.trustLevel()).contains(TrustLevel.HIGH);
            assertThat(bound.data().value(PortalWorld.GIVEN_NAME)).contains("ERIKA");
            assertThat(bound.data().value(PortalWorld.BIRTH_DATE)).contains("12.08.1964");
            assertThat(bound.prefilled()).containsExactlyInAnyOrder(PortalWorld.GIVEN_NAME, PortalWorld.SURNAME,
                    PortalWorld.BIRTH_DATE);
            assertThat(bound.readOnly()).containsExactlyInAnyOrder(PortalWorld.GIVEN_NAME, PortalWorld.SURNAME);
            ApplicationRef ref = bound.ref();

            // step 1: a read-only prefilled name cannot be changed by posting another
            StepOutcome one = first.runtime.postStep(ref, bound.version(), 0,
                    applicant("Mallory", "MUSTERMANN", "12.08.1964"), StepAction.NEXT);
            assertThat(one.accepted()).isTrue();
            assertThat(one.state().data().value(PortalWorld.GIVEN_NAME)).contains("ERIKA");
            assertThat(one.state().step()).hasValue(1);

            // step 2: a wrong postal code is refused on this step, then corrected
            StepOutcome wrong = first.runtime.postStep(ref, one.state().version(), 1, address("5114"),
                    StepAction.NEXT);
            assertThat(wrong.violations()).extracting(v -> v.path().toString())
                    .containsExactly("G99100000002[0].F99100000005");
            assertThat(wrong.state().step()).hasValue(1);
            assertThat(first.runtime.step(ref, 1).violations()).hasSize(1);
            StepOutcome corrected = first.runtime.postStep(ref, wrong.state().version(), 1, address("51147"),
                    StepAction.NEXT);
            assertThat(corrected.accepted()).isTrue();
            assertThat(corrected.state().step()).hasValue(2);

            // leave; log in again on another node (another device): the draft is listed and the same
            Citizen again = Flows.logIn(world, second, ref, "erika-eid");
            assertThat(ServiceRuntime.citizenOwner(koeln, again)).isEqualTo(owner);
            assertThat(second.runtime.drafts(owner)).extracting(DraftSummary::ref).containsExactly(ref);
            ApplicationState resumed = second.runtime.state(ref);
            assertThat(resumed.version()).isEqualTo(corrected.state().version());
            assertThat(resumed.data()).isEqualTo(corrected.state().data());
            assertThat(resumed.step()).hasValue(2);
            assertThat(second.runtime.step(ref, 1).violations()).isEmpty();

            // step 3 on the second node, review with the fee of one vehicle
            StepOutcome three = second.runtime.postStep(ref, resumed.version(), 2, vehicle("K-AB 123"),
                    StepAction.NEXT);
            assertThat(three.state().stage()).isEqualTo(Stage.REVIEW);
            ReviewPage review = first.runtime.review(ref);
            assertThat(review.fee()).isEqualTo(Money.parse("30.60"));
            assertThat(review.violations()).isEmpty();

            // pay on the first node, come back to the second
            PaymentRedirect redirect = first.runtime.startPayment(ref, three.state().version(),
                    PortalWorld.RETURN);
            PaymentOutcome paid = second.runtime.completePayment(ref, Flows.pay(redirect.payPage(), "pay"));
            assertThat(paid.result().isPaid()).isTrue();
            assertThat(world.payments.count()).isEqualTo(1);

            // submit: a double click on both nodes shows the same receipt
            long version = second.runtime.state(ref).version();
            SubmissionReceipt receipt = first.runtime.submit(ref, version);
            assertThat(second.runtime.submit(ref, version)).isEqualTo(receipt);
            assertThat(first.runtime.submit(ref, version)).isEqualTo(receipt);
            assertThat(second.runtime.receipt(ref)).contains(receipt);
            assertThat(second.runtime.state(ref).stage()).isEqualTo(Stage.SUBMITTED);
            assertThat(second.runtime.drafts(owner)).isEmpty();
            assertThat(receipt.fee()).contains(Money.parse("30.60"));
            assertThat(receipt.paymentReference()).hasValueSatisfying(kz -> assertThat(kz).startsWith("KZ"));
            assertThat(receipt.municipality()).isEqualTo("Stadt Köln");
            assertThat(receipt.intro()).isNotBlank();
            TimestampToken token = TimestampToken.parse(receipt.timestampToken(),
                    List.of(world.tsaCa.certificate()));
            token.verifyDigest(receipt.messageDigest());
            assertThat(token.genTime()).isEqualTo(receipt.timestampTime());

            // the back office receives the application once, whichever node delivers how often
            first.deliver();
            second.deliver();
            first.deliver();
            assertThat(world.intake.count()).isEqualTo(1);
            byte[] xml = world.intake.applications().get(receipt.submissionId().toString());
            ReceivedApplication received = ApplicationMessageReader.create().read(new ByteArrayInputStream(xml),
                    "intake.xml");
            assertThat(received.metadata().submissionId()).isEqualTo(receipt.submissionId());
            assertThat(received.metadata().timestampToken()).hasValueSatisfying(
                    t -> assertThat(t).isEqualTo(receipt.timestampToken()));
            assertThat(received.submissionDigest()).isEqualTo(receipt.messageDigest());
            assertThat(received.metadata().payment()).hasValueSatisfying(
                    p -> assertThat(p.kassenzeichen()).isEqualTo(receipt.paymentReference().orElseThrow()));
            assertThat(new String(xml, StandardCharsets.UTF_8)).contains("K-AB 123").contains("ERIKA");

            // and the postbox message with the receipt's texts, once
            assertThat(world.postbox.held).hasSize(1);
            JsonNode message = world.postbox.held.values().iterator().next();
            assertThat(message.path("mailboxUuid").asString()).isEqualTo(erika.postboxReference().orElseThrow());
            assertThat(message.path("sender").asString()).isEqualTo("Stadt Köln, Bürgeramt");
            assertThat(message.path("content").asString()).contains(receipt.submissionId().toString());
            assertThat(receipt.postboxMessageId()).hasValueSatisfying(
                    id -> assertThat(message.path("messageId").asString()).isEqualTo(id.toString()));
            assertThat(first.outbox.countByStatus()).containsEntry(OutboxStatus.DELIVERED, 2L);
        }
    }
}
