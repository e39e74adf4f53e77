package de.ozgsdk.sandbox.combined;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code target/ozg-sandbox.jar} as a tester runs it: {@code java -jar} in a child process, the printed
 * URLs answer, SIGTERM (what Ctrl-C sends as SIGINT) stops it cleanly, bad arguments and a bad persona file end it
 * with a message.
 */
class SandboxJarIT {

    private static final Pattern URL_LINE = Pattern.compile("^  (.+?)\\s{2,}(\\S+)$");

    @TempDir
    Path data;

    private Path jar;

    @BeforeEach
    void seedKeys() throws IOException {
        jar = Path.of(System.getProperty("ozg.sandbox.jar", "target/ozg-sandbox.jar"));
        assertThat(jar).as("built by mvn package").isRegularFile();
        // keys of an earlier start (the unit tests'), so the child does not generate seven RSA-4096 keys
        Path keys = Sandbox.defaultDataDirectory().resolve("keys");
        if (Files.isDirectory(keys)) {
            Files.createDirectories(data.resolve("keys"));
            try (Stream<Path> files = Files.list(keys)) {
                for (Path file : files.toList()) {
                    Files.copy(file, data.resolve("keys").resolve(file.getFileName()));
                }
            }
        }
    }

    @Test
    void theJarPrintsTheUrlsWhichAnswerAndStopsCleanlyOnSigterm() throws Exception {
        Process process = start("--port", "0", "--data", data.toString());
        Map<String, String> urls = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Press Ctrl-C")) {
                lines.add(line);
                Matcher url = URL_LINE.matcher(line);
                if (url.matches()) {
                    urls.put(url.group(1), url.group(2));
                }
            }
            assertThat(lines).as("output").isNotEmpty();
            assertThat(lines.get(0)).startsWith("OZG sandbox started in ");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> overview = http.send(HttpRequest.newBuilder(URI.create(urls.get("Overview"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(
                    URI.create(urls.get("Servicekonto IdP (SAML metadata)"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                    URI.create(urls.get("OIDC issuer") + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("OZG SDK sandbox");
            assertThat(metadata.body()).contains("EntityDescriptor");
            assertThat(discovery.body()).contains("\"issuer\":\"" + urls.get("OIDC issuer") + "\"");
            assertThat(urls.get("File drop directory")).isEqualTo(data.resolve("drop").toString());
        } finally {
            // SIGTERM (as Ctrl-C's SIGINT, the shutdown hook stops the mocks); the handle keeps the output readable
            process.toHandle().destroy();
        }
        StringBuilder rest = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            rest.append(line).append('\n');
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(rest).contains("OZG sandbox stopped.");
    }

    @Test
    void aBadPersonaFileEndsTheJarWithThePositionOfTheProblem() throws Exception {
        Path personas = Files.writeString(data.resolve("personas.json"), "{\"saml\": [{\"id\": \"x\"}]}");

        Process process = start("--port", "0", "--data", data.toString(), "--personas", personas.toString());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("OZG-SANDBOX-120", "line 1, column 11", "/saml/0");
    }

    @Test
    void anUnknownOptionEndsTheJarWithTheUsage() throws Exception {
        Process process = start("--prot", "8090");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("unknown option --prot", "Usage: java -jar ozg-sandbox.jar");
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).start();
    }
}
