package de.ozgsdk.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.saml.AlgorithmPolicy;
import de.ozgsdk.auth.saml.InteroperableProfile;
import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.TrustLevel;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security test set: every attack the IdP mock can stage against the service provider, each refused with its
 * own error code, none accepted (the compass goal: 0 accepted). The mock stages the attack on a real login over
 * HTTP; the SP of ozg-auth with the BundID profile and default algorithm policy judges it.
 */
class ServicekontoAttackTest {

    /** Attack → the code it must be refused with. */
    static final Map<ServicekontoIdpMock.Error, AuthError> ATTACKS = Map.ofEntries(
            Map.entry(ServicekontoIdpMock.Error.EXPIRED_ASSERTION, AuthError.ASSERTION_EXPIRED),
            Map.entry(ServicekontoIdpMock.Error.NOT_YET_VALID, AuthError.ASSERTION_NOT_YET_VALID),
            Map.entry(ServicekontoIdpMock.Error.WRONG_AUDIENCE, AuthError.AUDIENCE_MISMATCH),
            Map.entry(ServicekontoIdpMock.Error.WRONG_RECIPIENT, AuthError.RECIPIENT_MISMATCH),
            Map.entry(ServicekontoIdpMock.Error.WRONG_DESTINATION, AuthError.DESTINATION_MISMATCH),
            Map.entry(ServicekontoIdpMock.Error.WRONG_ISSUER, AuthError.ISSUER_MISMATCH),
            Map.entry(ServicekontoIdpMock.Error.WRONG_IN_RESPONSE_TO, AuthError.IN_RESPONSE_TO_UNKNOWN),
            Map.entry(ServicekontoIdpMock.Error.REPLAY, AuthError.RESPONSE_REPLAYED),
            Map.entry(ServicekontoIdpMock.Error.UNSIGNED_ASSERTION, AuthError.ASSERTION_NOT_SIGNED),
            Map.entry(ServicekontoIdpMock.Error.UNSIGNED_BOTH, AuthError.SIGNATURE_MISSING),
            Map.entry(ServicekontoIdpMock.Error.TAMPERED_UNSIGNED_RESPONSE, AuthError.DESTINATION_MISMATCH),
            Map.entry(ServicekontoIdpMock.Error.TAMPERED_ASSERTION, AuthError.SIGNATURE_INVALID),
            Map.entry(ServicekontoIdpMock.Error.XSW_WRAPPED_ASSERTION, AuthError.ASSERTION_COUNT_INVALID),
            Map.entry(ServicekontoIdpMock.Error.XSW_MOVED_SIGNATURE, AuthError.SIGNATURE_REFERENCE_INVALID),
            Map.entry(ServicekontoIdpMock.Error.XSW_DUPLICATE_ID, AuthError.DUPLICATE_ID),
            Map.entry(ServicekontoIdpMock.Error.UNKNOWN_SIGNING_KEY, AuthError.SIGNATURE_KEY_UNKNOWN),
            Map.entry(ServicekontoIdpMock.Error.DTD, AuthError.RESPONSE_DTD_REFUSED),
            Map.entry(ServicekontoIdpMock.Error.NOT_ENCRYPTED, AuthError.ASSERTION_NOT_ENCRYPTED),
            Map.entry(ServicekontoIdpMock.Error.WRONG_ENCRYPTION_KEY, AuthError.DECRYPTION_FAILED),
            Map.entry(ServicekontoIdpMock.Error.SHA1_SIGNATURE, AuthError.SIGNATURE_ALGORITHM_REFUSED),
            Map.entry(ServicekontoIdpMock.Error.RSA15_KEY_TRANSPORT, AuthError.ENCRYPTION_ALGORITHM_REFUSED));

    /** Faults that are no attack: outcomes of their own, or a valid SAML shape. */
    static final Set<ServicekontoIdpMock.Error> NOT_ATTACKS = EnumSet.of(ServicekontoIdpMock.Error.CANCEL,
            ServicekontoIdpMock.Error.REQUIRED_ATTRIBUTE_MISSING, ServicekontoIdpMock.Error.LEVEL_DOWNGRADE,
            ServicekontoIdpMock.Error.UNSIGNED_RESPONSE);

    private ServicekontoIdpMock idp;
    private Portal portal;

    @BeforeEach
    void start() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        portal = Portal.against(idp);
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    static Stream<Arguments> attacks() {
        return ATTACKS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0} refused with {1}")
    @MethodSource("attacks")
    void refusesEachAttackWithItsOwnCode(ServicekontoIdpMock.Error attack, AuthError expected) throws Exception {
        if (attack == ServicekontoIdpMock.Error.REPLAY) {
            assertThat(portal.login("erika-eid", TrustLevel.HIGH).citizen()).isPresent();
        }
        idp.faults().add(ServicekontoIdpMock.fault(attack).once());

        LoginOutcome outcome = portal.login("erika-eid", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.InvalidResponse.class);
        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(expected);
        assertThat(outcome.relayState()).isEmpty();
    }

    @Test
    void theAttackSetCoversEveryFaultOfTheMockAndGivesEachAttackItsOwnCode() {
        Set<ServicekontoIdpMock.Error> covered = new HashSet<>(ATTACKS.keySet());
        covered.addAll(NOT_ATTACKS);

        assertThat(covered).containsExactlyInAnyOrder(ServicekontoIdpMock.Error.values());
        assertThat(ATTACKS).hasSize(21);
        // two attacks share DESTINATION_MISMATCH (a signed and an unsigned response with another Destination)
        Set<ErrorCode> codes = ATTACKS.values().stream().collect(Collectors.toSet());
        assertThat(codes).hasSize(20);
    }

    @Test
    void acceptsASignedAssertionInsideAnUnsignedResponse() throws Exception {
        idp.faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.UNSIGNED_RESPONSE).once());

        assertThat(portal.login("erika-eid", TrustLevel.HIGH).citizen()).isPresent();
    }

    @Test
    void interoperableProfileAcceptsAnUnsignedAssertionInsideASignedResponse() throws Exception {
        ServicekontoIdpMock plain = ServicekontoIdpMock.builder().withoutAkdbExtension().start();
        try {
            Portal interoperable = Portal.against(plain, builder -> builder.profile(InteroperableProfile.builder()
                    .build()));
            plain.faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.UNSIGNED_ASSERTION).once());

            assertThat(interoperable.login("max-elster", TrustLevel.SUBSTANTIAL).citizen()).isPresent();
        } finally {
            plain.close();
        }
    }

    @Test
    void legacyOptInAcceptsSha1AndRsa15() throws Exception {
        Portal legacy = Portal.against(idp, builder -> builder.profile(Portal.bundId())
                .algorithmPolicy(AlgorithmPolicy.defaults().withLegacySha1().withLegacyRsa15()));
        for (ServicekontoIdpMock.Error fault : List.of(ServicekontoIdpMock.Error.SHA1_SIGNATURE,
                ServicekontoIdpMock.Error.RSA15_KEY_TRANSPORT)) {
            idp.faults().add(ServicekontoIdpMock.fault(fault).once());

            assertThat(legacy.login("erika-eid", TrustLevel.HIGH).citizen()).as(fault.name()).isPresent();
        }
        assertThat(legacy.sp.checkConfiguration().warnings()).extracting(f -> f.problem().code())
                .contains(AuthError.LEGACY_ALGORITHM_ACCEPTED);
    }

    @Test
    void reportsRequiredAttributesMissingFromTheStatusDetail() throws Exception {
        idp.faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.REQUIRED_ATTRIBUTE_MISSING).once());

        LoginOutcome outcome = portal.login("erika-eid", TrustLevel.HIGH);

        assertThat(outcome).isEqualTo(new LoginOutcome.AttributesMissing(List.of("urn:oid:2.5.4.42"),
                Optional.of("schritt-2")));
    }

    @Test
    void reportsALevelDowngradeAsLevelTooLow() throws Exception {
        idp.faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.LEVEL_DOWNGRADE).once());

        LoginOutcome outcome = portal.login("erika-eid", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.LevelTooLow.class);
        assertThat(((LoginOutcome.LevelTooLow) outcome).actual()).isEqualTo(TrustLevel.LOW);
    }
}
