package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a 200 MB attachment goes through write and read, both with schema validation on, in a JVM with a
 * 64 MB heap: {@link LowHeapRoundTrip} runs in a forked {@code java -Xmx64m} and must exit with 0.
 */
class LargeAttachmentLowHeapTest {

    @TempDir
    Path directory;

    @Test
    void writesAndReadsA200MbAttachmentWithA64MbHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LowHeapRoundTrip.class.getName(),
                directory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.txt").toFile())
                .start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = output();

        assertThat(ended).as("forked JVM ended; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("ROUND TRIP OK").contains("size=209715200 received=209715200");
        long maxMemory = Long.parseLong(output.lines().filter(l -> l.startsWith("maxMemory="))
                .findFirst().orElseThrow().substring("maxMemory=".length()));
        assertThat(maxMemory).as("heap of the forked JVM").isLessThanOrEqualTo(64L * 1024 * 1024);
        assertThat(Files.list(directory)).extracting(p -> p.getFileName().toString()).containsOnly("output.txt");
    }

    private String output() throws IOException {
        return Files.readString(directory.resolve("output.txt"), StandardCharsets.UTF_8);
    }
}
