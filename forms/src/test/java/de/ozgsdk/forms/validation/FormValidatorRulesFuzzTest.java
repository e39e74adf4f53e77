package de.ozgsdk.forms.validation;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataLimits;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.RuleFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Validation with executable rules never throws for untrusted data: whatever JSON the reader accepts, the rules
 * (recognised FIM rules and side-file rules with date arithmetic) are evaluated and their problems reported.
 */
class FormValidatorRulesFuzzTest {

    private static final FormSchema SCHEMA = load();
    private static final FormDataJson JSON = FormDataJson.of(SCHEMA,
            DataLimits.builder().maxValues(200).maxRepetitions(50).build());
    private static final FormValidator VALIDATOR = FormValidator.builder(SCHEMA)
            .rules(FormRules.recognize(SCHEMA).toRuleSet().overriddenBy(RuleFiles.read(new ByteArrayInputStream((
                    "{\"rules\": [{\"id\": \"C-alt\", \"kind\": \"constraint\", \"target\": \"F99000000106\","
                            + " \"check\": \"empty(F99000000106) or addYears(F99000000106, 100) > today()\","
                            + " \"message\": {\"de\": \"Zu alt.\"}},"
                            + " {\"id\": \"V-kind\", \"kind\": \"visible\", \"target\": \"G99000000103\","
                            + " \"when\": \"count(G99000000103) <= 3 or len(F99000000105) > 2\"}]}")
                    .getBytes(StandardCharsets.UTF_8)), "fuzz.rules.json")))
            .build();

    @FuzzTest(maxDuration = "10s")
    void validationWithRulesNeverThrows(FuzzedDataProvider data) {
        FormData formData;
        try {
            formData = JSON.read(data.consumeRemainingAsString());
        } catch (OzgException expected) {
            return; // the reader's only way to refuse input
        }
        ValidationResult result = VALIDATOR.validate(formData);
        if (result.hiddenElements().stream().anyMatch(p -> !result.visibleData().values(p).isEmpty())) {
            throw new AssertionError("hidden data kept: " + result.hiddenElements());
        }
    }

    private static FormSchema load() {
        try (InputStream in = FormValidatorRulesFuzzTest.class.getResourceAsStream("xdf3-rules.xml")) {
            return FimImporter.builder().build().importSchema(in, "xdf3-rules.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
