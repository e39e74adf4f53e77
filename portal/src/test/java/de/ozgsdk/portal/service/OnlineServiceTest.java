package de.ozgsdk.portal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnlineServiceTest {

    private static FimForm form;

    @BeforeAll
    static void loadForm() throws URISyntaxException {
        form = FimForm.load(Path.of(OnlineServiceTest.class.getResource("/de/ozgsdk/portal/parkausweis-xdf3.xml")
                .toURI()));
    }

    private static OnlineService.Builder minimal() {
        return OnlineService.builder("parken", "1.2.3")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.of("Parken"))
                .form(form)
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS));
    }

    @Test
    void aMinimalServiceHasOneStepPerTopLevelGroupNoLoginNoFeeAndGermanOnly() {
        OnlineService service = minimal().build();

        assertThat(service.steps().size()).isEqualTo(3);
        assertThat(service.trustLevel()).isEmpty();
        assertThat(service.fee()).isEmpty();
        assertThat(service.languages()).containsExactly(Locale.GERMAN);
        assertThat(service.minApiLevel()).isEqualTo(PortalApi.LEVEL);
        assertThat(service.notifications()).isEqualTo(Notifications.defaults());
        assertThat(service).hasToString("parken 1.2.3");
    }

    @Test
    void idAndVersionAreChecked() {
        assertThatThrownBy(() -> OnlineService.builder("Parken!", "1.0.0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-PORTAL-100");
        assertThatThrownBy(() -> OnlineService.builder("parken", "1.0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("MAJOR.MINOR.PATCH");
    }

    @Test
    void missingPartsAreNamed() {
        assertThatThrownBy(() -> OnlineService.builder("parken", "1.0.0").title(LocalizedText.of("P")).form(form)
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS)).build())
                .hasMessageContaining("no Leika key");
        assertThatThrownBy(() -> OnlineService.builder("parken", "1.0.0").leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.of("P")).form(form).build())
                .hasMessageContaining("no back-office target");
    }

    @Test
    void aTopLevelElementInNoStepIsRefusedWithItsId() {
        assertThatThrownBy(() -> minimal().step(LocalizedText.of("A"), "G99100000001", "G99100000002").build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(
                        PortalError.SERVICE_STEP_INVALID))
                .hasMessageContaining("G99100000003");
    }

    @Test
    void aPrefillTargetMustBeAFieldOfTheForm() {
        assertThatThrownBy(() -> minimal().prefill(PrefillRule.of("G99100000001.F99100000009",
                PersonAttribute.SURNAME)).build())
                .hasMessageContaining("OZG-PORTAL-102").hasMessageContaining("G99100000001.F99100000009");
        assertThatThrownBy(() -> minimal().prefill(PrefillRule.of("G99100000001", PersonAttribute.SURNAME)).build())
                .hasMessageContaining("OZG-PORTAL-102");
        assertThat(minimal().prefill(PrefillRule.of("G99100000001.F99100000003", PersonAttribute.BIRTH_DATE))
                .build().prefill()).hasSize(1);
    }

    @Test
    void feeRulesMustReferToTheRightKindOfElement() {
        assertThatThrownBy(() -> minimal().fee(FeeRule.perInstance("G99100000003.F99100000007", Money.ZERO,
                Money.parse("1.00"))).build()).hasMessageContaining("OZG-PORTAL-103").hasMessageContaining("group");
        assertThatThrownBy(() -> minimal().fee(FeeRule.byValue("G99100000003", Map.of(), Money.ZERO)).build())
                .hasMessageContaining("OZG-PORTAL-103").hasMessageContaining("field");
        assertThatThrownBy(() -> FeeRule.fixed(Money.parse("-1.00"))).hasMessageContaining("OZG-PORTAL-103");
    }

    @Test
    void feeRulesComputeFromTheData() {
        FormData data = FormData.builder()
                .group("G99100000003", FormData.builder().value("F99100000008", "krad").build())
                .group("G99100000003", FormData.builder().build())
                .build();

        assertThat(FeeRule.perInstance("G99100000003", Money.parse("10.00"), Money.parse("5.00")).amount(data))
                .as("a blank instance is not counted").isEqualTo(Money.parse("15.00"));
        assertThat(FeeRule.byValue("G99100000003.F99100000008", Map.of("krad", Money.parse("7.50")), Money.ZERO)
                .amount(data)).isEqualTo(Money.parse("7.50"));
        assertThat(FeeRule.byValue("G99100000003.F99100000008", Map.of("pkw", Money.parse("7.50")),
                Money.parse("1.00")).amount(data)).isEqualTo(Money.parse("1.00"));
        assertThatThrownBy(() -> FeeRule.computed(d -> Money.parse("-2.00")).amount(data))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void notificationTemplatesFillKnownPlaceholdersOnly() {
        String text = Notifications.fill(LocalizedText.builder("{service} bei {municipality}: {submissionId} {x}")
                .put(Locale.ENGLISH, "{service}").build(), Locale.GERMAN, Map.of("service", "Parken $1",
                "municipality", "Stadt Köln", "submissionId", "abc"));
        assertThat(text).isEqualTo("Parken $1 bei Stadt Köln: abc {x}");
        assertThat(List.of(Notifications.defaults().postboxSubject().locales())).isNotEmpty();
    }
}
