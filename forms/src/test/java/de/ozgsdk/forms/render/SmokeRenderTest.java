package de.ozgsdk.forms.render;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.FormValidator;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SmokeRenderTest {
    @Test
    void prints() throws Exception {
        FormSchema schema = FimImporter.builder().build().importSchema(
                getClass().getResourceAsStream("/de/ozgsdk/forms/fim/xdf3-schema.xml"), "xdf3-schema.xml");
        FormRenderer r = FormRenderer.of(schema);
        var v = FormValidator.of(schema).validate(FormData.empty());
        for (int i = 0; i < r.steps().size(); i++) {
            String page = r.renderStep(i, FormData.empty(), v.violations(), Locale.forLanguageTag("ar")).page();
            System.out.println(page.substring(page.indexOf("<body")));
            HtmlDocument.parse(page).assertAccessibleStructure();
        }
        System.out.println(r.renderReview(FormData.empty(), v.violations(), Locale.GERMAN).fragment());
    }
}
