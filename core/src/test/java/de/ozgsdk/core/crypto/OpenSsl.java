package de.ozgsdk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command line tool (OpenSSL 3, installed by {@code .ci/run}) in a directory, so that tests
 * read key files written by the independent implementation users have, not by the code under test.
 */
public final class OpenSsl {

    private final Path dir;

    /** Runs openssl in {@code dir}, where relative file names of the arguments are resolved. */
    public OpenSsl(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes {@code password} as UTF-8 into a file and returns the {@code file:} argument for {@code -passin} or
     * {@code -passout}: a command line would depend on the JVM's and the shell's encodings.
     */
    public String passwordFile(String name, char[] password) throws IOException {
        Files.writeString(dir.resolve(name), new String(password) + "\n", StandardCharsets.UTF_8);
        return "file:" + name;
    }

    /** Runs {@code openssl args…} and fails the test with openssl's error output if it does not succeed. */
    public void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("openssl is not installed; the key file tests need it (apt-get install openssl)", e);
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl %s finished", args[0]).isTrue();
        assertThat(process.exitValue())
                .as("exit status of %s: %s", command, new String(output, StandardCharsets.UTF_8))
                .isZero();
    }

    /** Runs openssl and returns the content of the file it wrote. */
    public byte[] write(String file, String... args) throws IOException, InterruptedException {
        run(args);
        return Files.readAllBytes(dir.resolve(file));
    }

    public Path resolve(String file) {
        return dir.resolve(file);
    }
}
