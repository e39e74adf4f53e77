package de.ozgsdk.sandbox;

import de.ozgsdk.core.OzgException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable sandbox: {@code java -jar ozg-sandbox.jar [--port 8090] [--personas FILE] [--data DIR]} starts every
 * mock on loopback, prints the URLs and runs until Ctrl-C (or SIGTERM), which stops the mocks cleanly.
 */
public final class SandboxMain {

    static final int DEFAULT_PORT = 8090;
    static final String USAGE = """
            Usage: java -jar ozg-sandbox.jar [--port PORT] [--personas FILE] [--data DIR]
              --port PORT      port of the overview page; the mocks take the nine ports after it (default 8090)
              --personas FILE  JSON persona file {"saml": [...], "oidc": [...]} added to the shipped personas
              --data DIR       keeps the mocks' keys (DIR/keys) and the file-drop directory (DIR/drop);
                               default ./ozg-sandbox-data
            """;

    private SandboxMain() {
    }

    /** Starts the sandbox and waits for Ctrl-C; exit code 2 for bad arguments, 1 if the sandbox cannot start. */
    public static void main(String[] args) throws InterruptedException {
        // the sandbox's own logging configuration, not one a consumer's classpath would bring
        System.setProperty("logback.configurationFile", "de/ozgsdk/sandbox/sandbox-logback.xml");
        Sandbox.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ozg-sandbox: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.print(USAGE);
            return;
        }
        long started = System.nanoTime();
        Sandbox sandbox;
        try {
            sandbox = builder.start();
        } catch (OzgException e) {
            System.err.println("ozg-sandbox: " + e.getMessage());
            System.exit(1);
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            System.out.println("OZG sandbox stopped.");
            stopped.countDown();
        }, "ozg-sandbox-stop"));
        PrintStream out = System.out;
        out.println("OZG sandbox started in " + took.toMillis() + " ms:");
        out.print(sandbox.describe());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }

    /** The builder for {@code args}, or {@code null} for {@code --help}. */
    static Sandbox.Builder parse(String[] args) {
        Sandbox.Builder builder = Sandbox.builder().port(DEFAULT_PORT);
        Path data = Path.of("ozg-sandbox-data");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (!option.equals("--port") && !option.equals("--personas") && !option.equals("--data")) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> {
                    try {
                        builder.port(Integer.parseInt(value));
                    } catch (NumberFormatException | OzgException e) {
                        throw new IllegalArgumentException("--port " + value + ": give 0 (free ports) or 1..65526");
                    }
                }
                case "--personas" -> builder.personas(Path.of(value));
                default -> data = Path.of(value);
            }
        }
        return builder.dataDirectory(data).dropDirectory(data.resolve("drop"))
                .fileDropPollInterval(Duration.ofSeconds(2));
    }
}
