package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reader of untrusted documents refuses a 50 MB text node with a coded limit error, in a JVM whose heap could
 * not hold it: {@link LowHeapLargeInput} runs in a forked {@code java -Xmx128m} (as a CLI user would run it) and must
 * end with the SDK's error, not an {@link OutOfMemoryError}.
 */
class LargeInputLowHeapTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "fim,                 CODE=OZG-FIM-115 CAUSE=OZG-XML-112",
        "genericode,          CODE=OZG-XML-112",
        "json,                CODE=OZG-DATA-107",
        "form-data-xml,       CODE=OZG-XFIM-007",
        "xoev-serializer,     CODE=OZG-XML-112",
        "application-message, CODE=OZG-XML-112",
    })
    void refusesA50MbTextNodeWithACodedErrorAt128MbHeap(String reader, String expected) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = directory.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LowHeapLargeInput.class.getName(), reader))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = read(output);

        assertThat(ended).as("forked JVM ended; output:%n%s", printed).isTrue();
        assertThat(printed).as("output").doesNotContain("OutOfMemoryError").contains(expected);
        assertThat(process.exitValue()).as("exit code; output:%n%s", printed).isZero();
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
