package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void runsFromAFimFileToXmlAndJsonSchema() throws Exception {
        Path out = Path.of("target", "quickstart");
        QuickStart.main(new String[] {System.getProperty("ozg.consumer.fim"), out.toString()});
        assertTrue(Files.readString(out.resolve("schema.json")).contains("F99000001"));
    }
}
