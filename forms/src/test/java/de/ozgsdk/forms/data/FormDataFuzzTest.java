package de.ozgsdk.forms.data;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.validation.FormValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readers of untrusted form data (paths, JSON, form parameters) either return data or throw an
 * {@link OzgException}, never anything else; whatever they return, the validator accepts without throwing.
 */
class FormDataFuzzTest {

    private static final FormDataJson JSON = FormDataJson.of(TestSchemas.person(),
            DataLimits.builder().maxValues(200).maxRepetitions(50).build());
    private static final FormBinder BINDER = FormBinder.of(TestSchemas.person(),
            DataLimits.builder().maxValues(200).maxRepetitions(50).build());
    private static final FormValidator VALIDATOR = FormValidator.of(TestSchemas.person());

    @FuzzTest(maxDuration = "10s")
    void dataPathParsingRejectsOnlyWithOzgException(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            DataPath path = DataPath.parse(text);
            if (!DataPath.parse(path.toString()).equals(path)) {
                throw new AssertionError("path does not round-trip: " + path);
            }
        } catch (OzgException expected) {
            // the only allowed way to refuse input
        }
    }

    @FuzzTest(maxDuration = "10s")
    void jsonReadingRejectsOnlyWithOzgException(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            VALIDATOR.validate(JSON.read(text));
        } catch (OzgException expected) {
            // the only allowed way to refuse input
        }
    }

    @FuzzTest(maxDuration = "10s")
    void formBindingRejectsOnlyWithOzgException(FuzzedDataProvider data) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int count = data.consumeInt(0, 20);
        for (int i = 0; i < count; i++) {
            parameters.put(data.consumeString(60), List.of(data.consumeString(40)));
        }
        try {
            VALIDATOR.validate(BINDER.bind(parameters).data());
        } catch (OzgException expected) {
            // the only allowed way to refuse input
        }
    }
}
