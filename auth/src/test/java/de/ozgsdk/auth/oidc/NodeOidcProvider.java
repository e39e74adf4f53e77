package de.ozgsdk.auth.oidc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * panva's {@code oidc-provider} (OpenID Certified) as a node process on a loopback port, installed with {@code npm ci}
 * from {@code src/test/node} into {@code target/oidc-provider}. Without node and npm the interop test is skipped, but
 * under CI ({@code CI} set) it fails: CI must run it.
 */
final class NodeOidcProvider implements AutoCloseable {

    private static final Path SOURCE = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "oidc-provider");
    private static final Pattern ISSUER = Pattern.compile("\\{\"issuer\":\"([^\"]+)\"}");

    private final Process process;
    private final String issuer;

    private NodeOidcProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Installs (once per lock file) and starts the provider; skips the test without node/npm outside CI. */
    static NodeOidcProvider start(Map<String, String> environment) throws IOException, InterruptedException {
        requireTool("node");
        requireTool("npm");
        install();
        ProcessBuilder builder = new ProcessBuilder("node", "server.mjs").directory(WORK.toFile())
                .redirectError(WORK.resolve("server.err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher matcher = line == null ? null : ISSUER.matcher(line);
        if (matcher == null || !matcher.matches()) {
            process.destroyForcibly();
            fail("oidc-provider did not start: " + line + "\n" + Files.readString(WORK.resolve("server.err")));
        }
        return new NodeOidcProvider(process, matcher.group(1));
    }

    String issuer() {
        return issuer;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path lock = WORK.resolve("package-lock.json");
        boolean installed = Files.isDirectory(WORK.resolve("node_modules/oidc-provider")) && Files.exists(lock)
                && Files.mismatch(lock, SOURCE.resolve("package-lock.json")) == -1;
        for (String file : List.of("package.json", "package-lock.json", "server.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (installed) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(WORK.resolve("npm-ci.log").toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            fail("npm ci of oidc-provider failed, see " + WORK.resolve("npm-ci.log").toAbsolutePath() + ":\n"
                    + Files.readString(WORK.resolve("npm-ci.log")));
        }
    }

    private static void requireTool(String tool) throws InterruptedException {
        boolean present;
        try {
            Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            present = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && System.getenv("CI") != null) {
            fail(tool + " is missing: the OIDC interop test against oidc-provider must run under CI");
        }
        Assumptions.assumeTrue(present, tool + " is not installed: OIDC interop test against oidc-provider skipped");
    }
}
