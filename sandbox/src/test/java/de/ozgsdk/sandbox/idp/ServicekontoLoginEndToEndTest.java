package de.ozgsdk.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.AttributeTrust;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.auth.SessionLimits;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.InteroperableProfile;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TrustLevel;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The SAML service provider of ozg-auth against the Servicekonto IdP mock, over HTTP, for every persona. */
class ServicekontoLoginEndToEndTest {

    private ServicekontoIdpMock idp;

    @AfterEach
    void stop() {
        if (idp != null) {
            idp.close();
        }
    }

    static Stream<Arguments> personasAndAlgorithms() {
        return Stream.of(ServicekontoIdpMock.Algorithms.values()).flatMap(algorithms -> Stream.of(
                Arguments.of(algorithms, "erika-eid", TrustLevel.HIGH, LoginMethod.EID),
                Arguments.of(algorithms, "max-elster", TrustLevel.SUBSTANTIAL, LoginMethod.ELSTER),
                Arguments.of(algorithms, "lena-benutzername", TrustLevel.LOW, LoginMethod.USERNAME),
                Arguments.of(algorithms, "eidas-minimum", TrustLevel.SUBSTANTIAL, LoginMethod.EIDAS)));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("personasAndAlgorithms")
    void logsInEachPersonaWithBothAlgorithmSets(ServicekontoIdpMock.Algorithms algorithms, String persona,
            TrustLevel level, LoginMethod method) throws Exception {
        idp = ServicekontoIdpMock.builder().algorithms(algorithms).start();
        Portal portal = Portal.against(idp);

        LoginOutcome outcome = portal.login(persona, TrustLevel.LOW);

        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        Citizen citizen = outcome.citizen().orElseThrow();
        assertThat(citizen.trustLevel()).isEqualTo(level);
        assertThat(citizen.loginMethod()).isEqualTo(method);
        assertThat(citizen.issuer()).isEqualTo(idp.entityId());
        assertThat(citizen.subjectKey()).hasSize(43);
        assertThat(citizen.isTemporaryLogin()).isFalse();
        assertThat(citizen.postboxReference()).isPresent();
        assertThat(citizen.sessionDeadline()).isEqualTo(citizen.authenticatedAt()
                .plus(SessionLimits.forLevel(level).maximum()));
        assertThat(outcome.relayState()).contains("schritt-2");
        Persona expected = idp.personas().stream().filter(p -> p.id().equals(persona)).findFirst().orElseThrow();
        assertThat(citizen.givenName()).contains(expected.attributes().get(0).value());
        assertThat(citizen.surname()).contains(expected.attributes().get(1).value());
    }

    @Test
    void mapsErikasAttributesWithTheirTrustLevels() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        Citizen erika = Portal.against(idp).login("erika-eid", TrustLevel.HIGH).citizen().orElseThrow();

        assertThat(erika.birthDate()).hasValueSatisfying(date -> assertThat(date).hasToString("1964-08-12"));
        assertThat(erika.locality()).contains("KÖLN");
        assertThat(erika.postboxReference()).contains("b980f78d-f5e0-45d9-8971-cc0e27f0beaf");
        assertThat(erika.trustOf(PersonAttribute.GIVEN_NAME)).contains(AttributeTrust.HIGH);
        assertThat(erika.trustOf(PersonAttribute.EMAIL)).contains(AttributeTrust.NORMAL);
        assertThat(erika.trustOf(PersonAttribute.GENDER)).contains(AttributeTrust.SUBORDINATE);
        assertThat(erika.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void bpk2IsStablePerPortalAcrossLogins() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        Portal portal = Portal.against(idp);

        String first = portal.login("max-elster", TrustLevel.SUBSTANTIAL).citizen().orElseThrow().subjectKey();
        String second = portal.login("max-elster", TrustLevel.SUBSTANTIAL).citizen().orElseThrow().subjectKey();
        String erika = portal.login("erika-eid", TrustLevel.SUBSTANTIAL).citizen().orElseThrow().subjectKey();

        assertThat(second).isEqualTo(first);
        assertThat(erika).isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(ServicekontoIdpMock.Algorithms.class)
    void logsInThroughTheRedirectBinding(ServicekontoIdpMock.Algorithms algorithms) throws Exception {
        idp = ServicekontoIdpMock.builder().algorithms(algorithms).start();
        Portal portal = Portal.against(idp, builder -> builder.profile(Portal.bundId())
                .binding(SamlServiceProvider.Binding.REDIRECT));

        LoginOutcome outcome = portal.login("erika-eid", TrustLevel.HIGH);

        assertThat(outcome.citizen()).isPresent();
        assertThat(idp.records().of("GET", ServicekontoIdpMock.SSO)).hasSize(1);
    }

    @Test
    void refusesALoginBelowTheRequiredLevelAsLevelTooLow() throws Exception {
        idp = ServicekontoIdpMock.builder().start();

        LoginOutcome outcome = Portal.against(idp).login("lena-benutzername", TrustLevel.SUBSTANTIAL);

        assertThat(outcome).isEqualTo(new LoginOutcome.LevelTooLow(TrustLevel.SUBSTANTIAL, TrustLevel.LOW,
                Optional.of("schritt-2")));
    }

    @Test
    void reportsACancelledLogin() throws Exception {
        idp = ServicekontoIdpMock.builder().start();

        LoginOutcome outcome = Portal.against(idp).login(null, TrustLevel.LOW);

        assertThat(outcome).isInstanceOf(LoginOutcome.Cancelled.class);
        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.LOGIN_CANCELLED);
    }

    @Test
    void temporaryLoginWithoutBpk2IsRefusedByDefaultAsAttributesMissing() throws Exception {
        idp = ServicekontoIdpMock.builder().start();

        LoginOutcome outcome = Portal.against(idp).login("temporaer-eid", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.AttributesMissing.class);
        assertThat(((LoginOutcome.AttributesMissing) outcome).attributeNames())
                .containsExactlyInAnyOrder("urn:oid:1.3.6.1.4.1.25484.494450.3", "urn:oid:2.5.4.18");
    }

    @Test
    void temporaryLoginIsAcceptedWhenTheProfileAllowsIt() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        Portal portal = Portal.against(idp, builder -> builder.profile(BundIdProfile
                .builder("Stadt Musterstadt", "musterstadt-anwohnerparken").allowTemporaryLogin().build()));

        Citizen citizen = portal.login("temporaer-eid", TrustLevel.HIGH).citizen().orElseThrow();

        assertThat(citizen.isTemporaryLogin()).isTrue();
        assertThat(citizen.subjectKey()).startsWith("transient:");
        assertThat(citizen.postboxReference()).isEmpty();
        assertThat(citizen.trustLevel()).isEqualTo(TrustLevel.HIGH);
    }

    @Test
    void refusesAnAuthnRequestWithoutTheAkdbExtension() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        Portal portal = Portal.against(idp, builder -> builder.profile(
                InteroperableProfile.builder().build()));

        HttpResponse<String> page = portal.startLogin(TrustLevel.LOW);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("X-Idp-Code")).contains("akdb-extension-missing");
    }

    @Test
    void interoperableProfileLogsInWithoutExtension() throws Exception {
        idp = ServicekontoIdpMock.builder().withoutAkdbExtension().start();
        Portal portal = Portal.against(idp, builder -> builder.profile(
                InteroperableProfile.builder().build()));

        Citizen citizen = portal.login("max-elster", TrustLevel.SUBSTANTIAL).citizen().orElseThrow();

        assertThat(citizen.trustLevel()).isEqualTo(TrustLevel.SUBSTANTIAL);
        assertThat(citizen.surname()).contains("MUSTERMANN");
    }

    @Test
    void logInHelperCarriesTheFormsOverHttpAndReportsRefusals() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        Portal bundId = Portal.against(idp);
        Portal plain = Portal.against(idp, builder -> builder.profile(
                InteroperableProfile.builder().build()));

        var post = (LoginChallenge.AutoPost) bundId.sp.start(
                LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        var cancelled = bundId.complete(idp.cancelLogin(post.fields()));
        var refused = (LoginChallenge.AutoPost) plain.sp.start(
                LoginContext.of(Locale.GERMAN), TrustLevel.LOW);

        assertThat(cancelled).isInstanceOf(LoginOutcome.Cancelled.class);
        assertThatThrownBy(() -> idp.logIn(refused.fields(), "erika-eid"))
                .hasMessageContaining("idp.code=akdb-extension-missing");
    }
}
