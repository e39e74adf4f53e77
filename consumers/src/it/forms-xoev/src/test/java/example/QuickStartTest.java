package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void goesFromAFimFileToFormDataXmlJsonSchemaAndAnApplicationMessage() throws Exception {
        Path out = Path.of("target", "quickstart");
        QuickStart.main(new String[] {System.getProperty("ozg.consumer.fim"),
                System.getProperty("ozg.consumer.codelists"), out.toString()});

        String xml = Files.readString(out.resolve("antrag.xml"));
        assertTrue(xml.contains(">Müller<") && xml.contains(">000<"), xml);
        assertTrue(Files.readString(out.resolve("antrag.schema.json")).contains("\"F99000000007\""));
        String message = Files.readString(out.resolve("nachricht.xml"));
        assertTrue(message.contains("antrag.einreichung.0001") && message.contains(">Müller<"), message);
    }
}
