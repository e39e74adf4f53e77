package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.Submission;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.jsonschema.DataGenerator;
import de.ozgsdk.xoev.fim.FormDataXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * xoev on {@link FimForm}: the form's XML is made once and kept with the form, and a message built from a submission
 * brings the generated Fachdaten schema along, so the writer validates the Fachdaten strictly without configuration.
 */
class FimFormMessageTest {

    private static FimForm form;
    private static FormData valid;

    @BeforeAll
    static void loadForm() throws Exception {
        try (InputStream in = FimFormMessageTest.class.getResourceAsStream("/de/ozgsdk/xoev/fim/example-xdf3.xml")) {
            form = FimForm.builder().lenient(true).load(in, "example-xdf3.xml");
        }
        valid = validData();
    }

    @Test
    void theXmlOfAFormIsMadeOnceWithTheFormsCodeListsAndLimits() {
        FormDataXml xml = FormDataXml.of(form);

        assertThat(FormDataXml.of(form)).isSameAs(xml);
        assertThat(xml.schema()).isSameAs(form.schema());
        assertThat(xml.xsd().schemaId()).isEqualTo(form.schema().id().toString());
    }

    @Test
    void aMessageFromASubmissionCarriesItsFachdatenSchemaAndReadsBack() {
        Submission submission = form.submission(valid);

        ApplicationMessage message = MessageSamples.message().fachdaten(submission).build();
        byte[] written = MessageSamples.write(message);

        assertThat(message.fachdatenSchema()).containsSame(FormDataXml.of(form).xsd().schemaSet());
        ReceivedApplication read = ApplicationMessageReader.builder()
                .fachdatenSchemas(FormDataXml.of(form).xsd().schemaSet()).build()
                .read(new ByteArrayInputStream(written), "antrag.xml");
        assertThat(FormDataXml.of(form).read(read.fachdaten())).isEqualTo(submission.data());
    }

    @Test
    void theWriterValidatesFachdatenAgainstTheSchemaTheMessageBrings() {
        // XML written without its own check, so only the message writer can notice the missing required field
        FormDataXml unchecked = FormDataXml.builder(form.schema()).validation(false).build();
        FormData incomplete = valid.toBuilder().remove("F99000000001").build();

        ApplicationMessage lax = MessageSamples.message().fachdaten(out -> unchecked.write(incomplete, out)).build();
        ApplicationMessage carried = MessageSamples.message().fachdaten(unchecked, incomplete).build();

        assertThat(MessageSamples.write(lax)).isNotEmpty();
        assertThatThrownBy(() -> ApplicationMessageWriter.create().write(carried, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageError.NOT_SCHEMA_VALID));
        assertThat(ApplicationMessageWriter.builder().validate(false).build()).satisfies(
                writer -> writer.write(carried, new ByteArrayOutputStream()));
    }

    /** The first generated data (seeded, so always the same) that the form accepts for submission. */
    private static FormData validData() {
        for (int seed = 0; seed < 500; seed++) {
            FormData generated = new DataGenerator(new Random(seed), 0, form.codeValues(), Set.of())
                    .instance(form.schema().children(), false);
            if (form.validate(generated).isValid() && generated.value("F99000000001").isPresent()) {
                return generated;
            }
        }
        throw new AssertionError("no valid data generated for " + form.schema().id());
    }
}
