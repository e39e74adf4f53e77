package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libxml2's validator, independent of the JDK's, accepts written messages against the project's XSDs. */
class XmllintConformanceTest {

    private static final Path XMLLINT = Path.of("/usr/bin/xmllint");

    @TempDir
    Path directory;

    @Test
    void xmllintValidatesAWrittenMessageWithAttachments() throws Exception {
        Path message = directory.resolve("message.xml");
        Files.write(message, MessageSamples.write(MessageSamples.messageWithAttachments()));

        Result result = xmllint(message);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("message.xml validates");
    }

    @Test
    void xmllintValidatesTheFixture() throws Exception {
        Path message = directory.resolve("fixture.xml");
        Files.writeString(message, ApplicationMessageReaderTest.fixture());

        assertThat(xmllint(message).exitCode()).isZero();
    }

    @Test
    void xmllintRejectsAWrongDigest() throws Exception {
        Path message = directory.resolve("bad.xml");
        Files.writeString(message, ApplicationMessageReaderTest.fixture().replace("<sha256>2d2d", "<sha256>XXXX"));

        assertThat(xmllint(message).exitCode()).isNotZero();
    }

    private record Result(int exitCode, String output) {
    }

    private Result xmllint(Path message) throws Exception {
        boolean present = Files.isExecutable(XMLLINT);
        if (System.getenv("CI") == null) {
            assumeTrue(present, "xmllint is not installed (apt-get install libxml2-utils); CI requires it");
        }
        Path schemas = Files.createDirectories(directory.resolve("schema"));
        copy("ozg-xoev-basis-1.0.xsd", schemas);
        copy("ozg-antrag-1.0.xsd", schemas);
        Process process = new ProcessBuilder(List.of(XMLLINT.toString(), "--noout", "--schema",
                schemas.resolve("ozg-antrag-1.0.xsd").toString(), message.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void copy(String name, Path directory) throws IOException {
        try (InputStream in = XmllintConformanceTest.class.getResourceAsStream("/de/ozgsdk/xoev/schema/" + name)) {
            Files.copy(in, directory.resolve(name));
        }
    }
}
