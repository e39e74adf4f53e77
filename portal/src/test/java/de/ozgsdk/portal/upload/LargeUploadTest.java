package de.ozgsdk.portal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB upload passes in a JVM with a 64 MB heap: parsed from the multipart body, scanned, typed, sealed into the
 * database and read back, never held whole in memory (issue 21 §1). Runs {@link LargeUpload} in a child JVM, because
 * the test JVM's own heap is larger.
 */
class LargeUploadTest {

    @Test
    void a200MegabyteUploadPassesWithA64MegabyteHeap(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeUpload.class.getName(), directory.resolve("db").toString(), Long.toString(200L * 1000 * 1000)))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        int exit = child.waitFor();

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("sha512 ok, size 200000000");
        System.out.println(printed.lines().filter(l -> l.startsWith("sha512 ok")).findFirst().orElse(""));
    }
}
