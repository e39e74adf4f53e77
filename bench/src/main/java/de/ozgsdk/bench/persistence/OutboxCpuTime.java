package de.ozgsdk.bench.persistence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * {@link OutboxBenchmark}'s batched outbox path and its bare insert on in-memory H2, measured as thread CPU time per
 * message instead of wall-clock time: on a loaded machine the other processes take wall-clock time from both sides
 * unevenly, but hardly the CPU time of this thread, and embedded H2 runs its statements on the calling thread (GC
 * and pool threads are not counted). Both sides alternate in one JVM after a warm-up, each batch on an emptied table
 * filled to the same size (2,000 rows); the medians of the batches are printed with their ratio. Not a JMH
 * benchmark: a cross-check for its H2 ratio. On PostgreSQL the work is done by the server, so it says nothing there.
 *
 * <pre class="language-sh">
 * java -cp bench/target/benchmarks.jar de.ozgsdk.bench.persistence.OutboxCpuTime [warm-up seconds, 20] [batches, 60]
 * </pre>
 */
public final class OutboxCpuTime {

    /** Outbox invocations per batch: 20 times {@link OutboxBenchmark#BATCH} messages. */
    private static final int INVOCATIONS = 20;
    private static final int MESSAGES = INVOCATIONS * OutboxBenchmark.BATCH;

    private OutboxCpuTime() {
    }

    /** Arguments: the warm-up in seconds (default 20), the number of batches per side (60). */
    public static void main(String[] args) throws SQLException {
        int warmUpSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        OutboxBenchmark benchmark = new OutboxBenchmark();
        benchmark.database = "h2";
        benchmark.openDatabase();
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                benchmark.emptyTable();
                outboxBatch(benchmark);
                benchmark.emptyTable();
                bareBatch(benchmark);
            }
            double[] outbox = new double[batches];
            double[] bare = new double[batches];
            for (int b = 0; b < batches; b++) {
                benchmark.emptyTable();
                long start = threads.getCurrentThreadCpuTime();
                outboxBatch(benchmark);
                long middle = threads.getCurrentThreadCpuTime();
                benchmark.emptyTable();
                long restart = threads.getCurrentThreadCpuTime();
                bareBatch(benchmark);
                long end = threads.getCurrentThreadCpuTime();
                outbox[b] = (middle - start) / 1000.0 / MESSAGES;
                bare[b] = (end - restart) / 1000.0 / MESSAGES;
            }
            double o = median(outbox);
            double i = median(bare);
            System.out.printf("thread CPU time per message on H2 (median of %d batches of %d): "
                    + "outboxBatchedEnqueueClaimComplete %.2f us, bareJdbcInsert %.2f us, ratio %.2f%n", batches,
                    MESSAGES, o, i, o / i);
        } finally {
            benchmark.closeDatabase();
        }
    }

    private static void outboxBatch(OutboxBenchmark benchmark) {
        for (int i = 0; i < INVOCATIONS; i++) {
            benchmark.outboxBatchedEnqueueClaimComplete();
        }
    }

    private static void bareBatch(OutboxBenchmark benchmark) throws SQLException {
        for (int i = 0; i < MESSAGES; i++) {
            benchmark.bareJdbcInsert();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
