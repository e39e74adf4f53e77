package example;

// @start region="quick-start"
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.xoev.fim.FormDataXml;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.types.Behoerde;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public final class QuickStart {

    public static void main(String[] args) throws Exception {
        FimForm form = FimForm.builder().codeLists(Path.of(args[1])).load(Path.of(args[0])); // once; thread-safe
        Map<String, String[]> post = Map.of("F99000000001", new String[] {"Müller"},         // in a servlet:
                "F99000000002", new String[] {"neu"}, "F99000000007", new String[] {"000"}); // getParameterMap()
        // validates with the form's FIM rules and code lists (else throws with the violations), drops hidden answers
        var submission = form.submission(form.bind(post).data());
        Path out = Files.createDirectories(Path.of(args[2]));
        Files.writeString(out.resolve("antrag.xml"), FormDataXml.of(form).write(submission.data()));
        Files.writeString(out.resolve("antrag.schema.json"), form.jsonSchema().toJson());
        ApplicationMessage message = ApplicationMessage.builder()
                .sender(Behoerde.dvdv("ozg-portal")).recipient(Behoerde.dvdv("05315000"))
                .metadata(ApplicationMetadata.builder().leikaKey("99123456760000").tenant("053150000000")
                        .service("antrag-test", "1.0").submissionId(UUID.randomUUID())
                        .submittedAt(Instant.now()).trustLevel(TrustLevel.SUBSTANTIAL).build())
                .fachdaten(submission)                        // validated against the form's generated XSD
                .build();
        try (OutputStream file = Files.newOutputStream(out.resolve("nachricht.xml"))) {
            ApplicationMessageWriter.create().write(message, file);
        }
    }
}
// @end
