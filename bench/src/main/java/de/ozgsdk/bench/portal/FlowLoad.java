package de.ozgsdk.bench.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Issue 16 §7: a closed-loop HTTP load of N virtual citizens (default 50), first against a Jetty 12 hello-world
 * {@link Handler}, then the whole portal flow (start, SAML login at the IdP mock, three steps, review, payment at the
 * XBezahldienste mock, submit, receipt) against the central {@link FlowSandbox} host, in one JVM and run; per phase a
 * warm-up and a measured period of fixed length, latencies per page kind in HdrHistograms, the ratio of requests per
 * second portal / hello world, and at the end the check that the intake holds every submitted application once.
 *
 * <p>Closed loop (each citizen sends its next request when the last answer is read) because a citizen's flow is a
 * chain of dependent requests (every form carries the CSRF token and page version of the previous answer); the
 * throughput is what 50 such users get, and the latencies are those of a saturated server (no coordinated-omission
 * correction: there is no intended request rate).
 *
 * <p>Run as {@code java -cp bench/target/benchmarks.jar de.ozgsdk.bench.portal.FlowLoad 50 20 30} (citizens, warm-up
 * seconds, measured seconds); bench/README.md has the results.
 */
public final class FlowLoad {

    private static final Map<String, String> ADDRESS = Map.of("F99100000004", "Heidestraße 17", "F99100000005",
            "51147", "F99100000006", "Köln");
    private static final Map<String, String> VEHICLE = Map.of("F99100000007", "K-AB 123", "F99100000008", "pkw");

    private final int citizens;
    private final long warmUpMillis;
    private final long measureMillis;

    private FlowLoad(int citizens, long warmUpSeconds, long measureSeconds) {
        this.citizens = citizens;
        this.warmUpMillis = warmUpSeconds * 1000;
        this.measureMillis = measureSeconds * 1000;
    }

    /** Arguments: citizens (50), warm-up seconds (20), measured seconds (30). */
    public static void main(String[] args) throws Exception {
        int citizens = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long warmUp = args.length > 1 ? Long.parseLong(args[1]) : 20;
        long measure = args.length > 2 ? Long.parseLong(args[2]) : 30;
        System.out.printf("FlowLoad: %d citizens, %d s warm-up, %d s measured; JDK %s, %d CPUs, max heap %d MB,"
                + " load average %s%n", citizens, warmUp, measure, System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        FlowLoad load = new FlowLoad(citizens, warmUp, measure);
        LatencyBook hello = load.helloWorld();
        LatencyBook portal = load.portal();
        double ratio = portal.requestsPerSecond() / hello.requestsPerSecond();
        System.out.printf("%nhello world %.1f req/s, portal flow %.1f req/s, ratio %.3f (goal >= 0.20: %s);"
                + " worst p99 per portal page kind %.1f ms (goal < 50: %s); load average at the end %s%n",
                hello.requestsPerSecond(), portal.requestsPerSecond(), ratio, ratio >= 0.2 ? "met" : "NOT met",
                portal.worstP99("portal "), portal.worstP99("portal ") < 50 ? "met" : "NOT met", loadAverage());
    }

    private LatencyBook helloWorld() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        server.addConnector(connector);
        server.setHandler(new HelloWorld());
        server.start();
        try {
            URI uri = URI.create("http://localhost:" + connector.getLocalPort() + "/");
            LatencyBook book = new LatencyBook();
            run(book, "hello world", u -> "hello", citizen -> citizen.get(uri));
            book.print(System.out, "Jetty hello world, " + citizens + " clients");
            return book;
        } finally {
            server.stop();
        }
    }

    private LatencyBook portal() throws Exception {
        try (FlowSandbox sandbox = new FlowSandbox()) {
            Map<Integer, String> servers = Map.of(sandbox.host.port(), "portal", sandbox.idp.port(), "idp-mock",
                    sandbox.payments.port(), "pay-mock");
            Set<String> receipts = ConcurrentHashMap.newKeySet();
            LongAdder submitted = new LongAdder();
            LatencyBook book = new LatencyBook();
            run(book, "portal flow", u -> servers.getOrDefault(u.getPort(), "other:" + u.getPort()),
                    citizen -> flow(citizen, sandbox.start, submitted, receipts));
            book.print(System.out, "portal flow, " + citizens + " citizens");
            System.out.printf("share of the summed request time: portal %.1f %%, IdP mock pages %.1f %%,"
                    + " payment mock pages %.1f %%%n", 100 * book.share("portal "), 100 * book.share("idp-mock "),
                    100 * book.share("pay-mock "));
            sandbox.finishDeliveries();
            int held = sandbox.intake.count();
            long missing = receipts.stream().filter(id -> !sandbox.intake.applications().containsKey(id)).count();
            long repeated = receipts.stream().filter(id -> sandbox.intake.attempts(id) > 1).count();
            System.out.printf("flows submitted (warm-up and measured) %d, applications held by the intake %d,"
                    + " receipts seen %d of which missing at the intake %d, sent more than once %d: %s%n",
                    submitted.sum(), held, receipts.size(), missing, repeated,
                    held == submitted.sum() && missing == 0 ? "every application arrived exactly once" : "MISMATCH");
            if (held != submitted.sum() || missing != 0) {
                throw new IllegalStateException("the intake does not hold every submitted application once");
            }
            return book;
        }
    }

    /** The whole flow of one citizen in a fresh session. */
    private static void flow(Citizen c, URI start, LongAdder submitted, Set<String> receipts)
            throws IOException, InterruptedException {
        c.forgetCookies();
        Citizen.Page startPage = c.get(start);
        Citizen.Page login = c.submit(startPage, "main form", null, Map.of());
        Citizen.Page forward = c.submit(login, "main form", null, Map.of());
        Citizen.Page idp = c.submit(forward, "form[data-ozg-autopost]", null, Map.of());
        Citizen.Page answer = c.submit(idp, "form", null, Map.of("persona", "erika-eid"));
        Citizen.Page handOver = c.submit(answer, "form#answer", null, Map.of());
        Citizen.Page step0 = expect(c.submit(handOver, "form[data-ozg-autopost]", null, Map.of()), "/schritt/0");
        Citizen.Page step1 = expect(c.submit(step0, "#ozg-form", "_next=next", Map.of()), "/schritt/1");
        Citizen.Page step2 = expect(c.submit(step1, "#ozg-form", "_next=next", ADDRESS), "/schritt/2");
        Citizen.Page review = expect(c.submit(step2, "#ozg-form", "_next=next", VEHICLE), "/pruefen");
        Citizen.Page payPage = c.submit(review, "#ozg-form", "_submit=submit", Map.of());
        Citizen.Page submitPage = expect(c.submit(payPage, "form", "action=pay", Map.of()), "/absenden");
        HttpResponse<String> sent = c.post(submitPage, "main form", null, Map.of());
        if (sent.statusCode() != 303) {
            throw new Citizen.FlowBroken("submit answered " + sent.statusCode());
        }
        submitted.increment();
        Citizen.Page receipt = expect(c.follow(sent), "/eingang");
        receipts.add(receipt.document().selectFirst(".ozg-submission-id").text());
    }

    private static Citizen.Page expect(Citizen.Page page, String pathEnd) throws Citizen.FlowBroken {
        if (!page.uri().getPath().endsWith(pathEnd)) {
            throw new Citizen.FlowBroken("expected " + pathEnd + ", got " + page.uri().getPath());
        }
        return page;
    }

    /** What one citizen does again and again. */
    private interface Walk {
        void walk(Citizen citizen) throws IOException, InterruptedException;
    }

    /**
     * Warm-up, then the measured period; the citizens start a new walk only while the load runs, and a walk begun
     * finishes (so every flow started is submitted).
     */
    private void run(LatencyBook book, String name, Function<URI, String> server, Walk walk)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder broken = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            Citizen citizen = new Citizen(book, server);
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        walk.walk(citizen);
                    } catch (IOException e) {
                        broken.increment();
                        if (broken.sum() <= 5) {
                            System.out.println(name + ": flow broken: " + e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(warmUpMillis);
        book.startMeasuring();
        Thread.sleep(measureMillis);
        book.stopMeasuring();
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("%s: %d walks broken%n", name, broken.sum());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The baseline: a plain-text answer from a Jetty core handler, nothing else. */
    private static final class HelloWorld extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "text/plain;charset=UTF-8");
            Content.Sink.write(response, true, "Hello, World!", callback);
            return true;
        }
    }
}
