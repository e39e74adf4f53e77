package de.ozgsdk.bench.portal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Request latencies of one load phase per page kind (HdrHistogram, microseconds, 3 significant digits), counted only
 * while the phase is measuring; the overall histogram is the sum of the kinds.
 */
final class LatencyBook {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final Map<String, ConcurrentHistogram> kinds = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private volatile boolean measuring;
    private volatile long measureStart;
    private volatile long measureEnd;
    private volatile long cpuStart;
    private volatile long cpuEnd;

    void startMeasuring() {
        kinds.clear();
        errors.reset();
        cpuStart = processCpuNanos();
        measureStart = System.nanoTime();
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
        measureEnd = System.nanoTime();
        cpuEnd = processCpuNanos();
    }

    /** The CPU time of this whole JVM (servers, mocks and load generator) while measuring, in seconds. */
    double cpuSeconds() {
        return (cpuEnd - cpuStart) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    boolean measuring() {
        return measuring;
    }

    void record(String kind, long nanos) {
        if (measuring) {
            kinds.computeIfAbsent(kind, k -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
                    .recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000)));
        }
    }

    void error() {
        if (measuring) {
            errors.increment();
        }
    }

    long errors() {
        return errors.sum();
    }

    double seconds() {
        return (measureEnd - measureStart) / 1e9;
    }

    Histogram overall() {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        kinds.values().forEach(h -> all.add(h));
        return all;
    }

    double requestsPerSecond() {
        return overall().getTotalCount() / seconds();
    }

    /** One line per kind (sorted), then the total: count, share of the summed latency, req/s, p50/p90/p99/max. */
    void print(PrintStream out, String title) {
        Histogram all = overall();
        double totalMicros = 0;
        for (Histogram h : kinds.values()) {
            totalMicros += h.getMean() * h.getTotalCount();
        }
        out.printf("%n== %s: %.1f s measured, %d requests, %.1f req/s, %d errors%n", title, seconds(),
                all.getTotalCount(), all.getTotalCount() / seconds(), errors());
        out.printf("JVM CPU time %.1f s (%.0f %% of %d CPUs), %.3f ms CPU per request (servers, mocks and load"
                + " generator together)%n", cpuSeconds(), 100 * cpuSeconds() / seconds()
                / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                1000 * cpuSeconds() / Math.max(1, all.getTotalCount()));
        out.printf("%-44s %8s %6s %8s %8s %8s %8s %8s%n", "page kind", "count", "time%", "mean ms", "p50 ms",
                "p90 ms", "p99 ms", "max ms");
        for (Map.Entry<String, ConcurrentHistogram> e : new TreeMap<>(kinds).entrySet()) {
            line(out, e.getKey(), e.getValue(), totalMicros);
        }
        line(out, "ALL", all, totalMicros);
    }

    /** The summed latency of the kinds whose name starts with {@code prefix}, as a share of all. */
    double share(String prefix) {
        double part = 0;
        double total = 0;
        for (Map.Entry<String, ConcurrentHistogram> e : kinds.entrySet()) {
            double sum = e.getValue().getMean() * e.getValue().getTotalCount();
            total += sum;
            if (e.getKey().startsWith(prefix)) {
                part += sum;
            }
        }
        return total == 0 ? 0 : part / total;
    }

    /** The highest p99 of the kinds whose name starts with {@code prefix}, in ms. */
    double worstP99(String prefix) {
        return kinds.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> e.getValue().getValueAtPercentile(99) / 1000.0).max().orElse(0);
    }

    private static void line(PrintStream out, String kind, Histogram h, double totalMicros) {
        out.printf("%-44s %8d %6.1f %8.2f %8.2f %8.2f %8.2f %8.2f%n", kind, h.getTotalCount(),
                totalMicros == 0 ? 0 : 100 * h.getMean() * h.getTotalCount() / totalMicros, h.getMean() / 1000,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
