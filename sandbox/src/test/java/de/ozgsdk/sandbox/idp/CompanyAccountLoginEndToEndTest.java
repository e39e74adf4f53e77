package de.ozgsdk.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.Organisation;
import de.ozgsdk.auth.OrganisationAttribute;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.auth.saml.CompanyAccountProfile;
import de.ozgsdk.core.TrustLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A company-account login (Mein Unternehmenskonto style) against the IdP mock over HTTP: the shipped company persona
 * sends organisation attributes under the sandbox's own names ({@code urn:ozgsdk:sandbox:muk:…}, not MUK's, which
 * are not public), and the portal maps them with {@link CompanyAccountProfile}, as an integrator maps the names of
 * their connection contract.
 */
class CompanyAccountLoginEndToEndTest {

    private static final String COMPANY = "muster-bau-unternehmenskonto";
    private static final String SANDBOX = "urn:ozgsdk:sandbox:muk:";

    private ServicekontoIdpMock idp;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger sdk = (Logger) LoggerFactory.getLogger("de.ozgsdk");

    @AfterEach
    void stop() {
        root.detachAppender(log);
        sdk.setLevel(null);
        if (idp != null) {
            idp.close();
        }
    }

    /** The mapping of the sandbox's names, as an integrator writes it from their MUK connection contract. */
    static CompanyAccountProfile sandboxContract() {
        return CompanyAccountProfile.builder()
                .organisationKey(SANDBOX + "organisation-key")
                .organisationName(SANDBOX + "organisation-name")
                .requiredOrganisation(OrganisationAttribute.TAX_NUMBER, SANDBOX + "tax-number")
                .organisation(OrganisationAttribute.LEGAL_FORM, SANDBOX + "legal-form")
                .organisation(OrganisationAttribute.POSTAL_ADDRESS, SANDBOX + "street")
                .organisation(OrganisationAttribute.POSTAL_CODE, SANDBOX + "postal-code")
                .organisation(OrganisationAttribute.LOCALITY, SANDBOX + "locality")
                .organisation(OrganisationAttribute.REGISTER_TYPE, SANDBOX + "register-type")
                .organisation(OrganisationAttribute.REGISTER_NUMBER, SANDBOX + "register-number")
                .organisation(OrganisationAttribute.REGISTER_COURT, SANDBOX + "register-court")
                .organisation(OrganisationAttribute.ELSTER_ACCOUNT_ID, SANDBOX + "account-id")
                .personKey("urn:oid:1.3.6.1.4.1.25484.494450.3")
                .person("urn:oid:2.5.4.42", PersonAttribute.GIVEN_NAME)
                .person("urn:oid:2.5.4.4", PersonAttribute.SURNAME)
                .postboxAttribute("urn:oid:2.5.4.18")
                .loginMethodAttribute("urn:oid:1.3.6.1.4.1.25484.494450.2")
                .storkLevels()
                .build();
    }

    @Test
    void anEmployeeLogsInForTheirCompanyAndTheOrganisationIsMappedBesideThem() throws Exception {
        idp = ServicekontoIdpMock.builder().withoutAkdbExtension().start();
        Portal portal = Portal.against(idp, builder -> builder.profile(sandboxContract()));

        LoginOutcome outcome = portal.login(COMPANY, TrustLevel.SUBSTANTIAL);

        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        Citizen employee = outcome.citizen().orElseThrow();
        assertThat(employee.surname()).contains("MUSTERMANN");
        assertThat(employee.trustLevel()).isEqualTo(TrustLevel.SUBSTANTIAL);
        assertThat(employee.loginMethod()).isEqualTo(LoginMethod.ELSTER);
        assertThat(employee.postboxReference()).contains("5e2b7f0a-6c1d-4e8b-9f3a-2d4c6b8a0e17");
        Organisation company = employee.organisation().orElseThrow();
        assertThat(company.key()).isEqualTo("sbx-org-7f3c91");
        assertThat(company.name()).isEqualTo("Muster Bau GmbH");
        assertThat(company.legalForm()).contains("GmbH");
        assertThat(company.postalAddress()).contains("Industriestraße 12");
        assertThat(company.postalCode()).contains("50667");
        assertThat(company.locality()).contains("Köln");
        assertThat(company.registerType()).contains("HRB");
        assertThat(company.registerNumber()).contains("98765");
        assertThat(company.registerCourt()).contains("Amtsgericht Köln");
        assertThat(company.taxNumber()).contains("5215081508154");
        assertThat(company.elsterAccountId()).contains("sbx-acc-20931");
        assertThat(company.country()).isEmpty();
    }

    @Test
    void aCompanyLoginWithoutARequiredOrganisationAttributeIsRefusedWithItsName() throws Exception {
        Persona shipped = Persona.shipped().stream().filter(p -> p.id().equals(COMPANY)).findFirst().orElseThrow();
        List<Persona.Attribute> withoutTaxNumber = shipped.organisation().stream()
                .filter(attribute -> !attribute.name().equals(SANDBOX + "tax-number")).toList();
        Persona incomplete = new Persona(shipped.id(), shipped.label(), shipped.method(), shipped.level(), false,
                shipped.postkorbHandle(), shipped.attributes(), withoutTaxNumber);
        idp = ServicekontoIdpMock.builder().withoutAkdbExtension().personas(List.of(incomplete)).start();
        Portal portal = Portal.against(idp, builder -> builder.profile(sandboxContract()));

        LoginOutcome outcome = portal.login(COMPANY, TrustLevel.SUBSTANTIAL);

        assertThat(outcome).isInstanceOf(LoginOutcome.AttributesMissing.class);
        assertThat(((LoginOutcome.AttributesMissing) outcome).attributeNames())
                .containsExactly(SANDBOX + "tax-number");
    }

    @Test
    void aCitizenLoginThroughTheCompanyProfileIsRefusedForLackOfOrganisation() throws Exception {
        idp = ServicekontoIdpMock.builder().withoutAkdbExtension().start();
        Portal portal = Portal.against(idp, builder -> builder.profile(sandboxContract()));

        LoginOutcome outcome = portal.login("max-elster", TrustLevel.SUBSTANTIAL);

        assertThat(((LoginOutcome.AttributesMissing) outcome).attributeNames()).containsExactly(
                SANDBOX + "organisation-key", SANDBOX + "organisation-name", SANDBOX + "tax-number");
    }

    @Test
    void noOrganisationDataReachesTheLogOrTheCitizensToString() throws Exception {
        log.start();
        root.addAppender(log);
        sdk.setLevel(Level.DEBUG);
        idp = ServicekontoIdpMock.builder().withoutAkdbExtension().start();
        Portal portal = Portal.against(idp, builder -> builder.profile(sandboxContract()));

        Citizen employee = portal.login(COMPANY, TrustLevel.SUBSTANTIAL).citizen().orElseThrow();
        LoggerFactory.getLogger(CompanyAccountLoginEndToEndTest.class).info("logged in: {} for {}", employee,
                employee.organisation().orElseThrow());

        Persona persona = idp.personas().stream().filter(p -> p.id().equals(COMPANY)).findFirst().orElseThrow();
        List<String> personal = new ArrayList<>(List.of(employee.subjectKey()));
        persona.attributes().forEach(attribute -> personal.add(attribute.value()));
        persona.organisation().forEach(attribute -> personal.add(attribute.value()));
        personal.removeIf(value -> value.length() < 5); // "GmbH", "HRB" are words of any log line
        List<String> lines = log.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
        assertThat(lines).anyMatch(line -> line.contains("logged in: Citizen["));
        for (String line : lines) {
            assertThat(line).doesNotContain(personal.toArray(String[]::new));
        }
        assertThat(employee.toString()).doesNotContain(personal.toArray(String[]::new)).contains("TAX_NUMBER");
        assertThat(employee.organisation().orElseThrow().toString()).doesNotContain(personal.toArray(String[]::new));
    }
}
