package de.ozgsdk.bench.forms;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link RenderBenchmark}'s two sides measured as thread CPU time per page instead of wall-clock time: on a loaded
 * machine the other processes take wall-clock time from both sides unevenly, but hardly the CPU time of this thread
 * (GC threads are not counted). Both sides alternate in batches in one JVM after a warm-up; the medians of the
 * batches are printed with their ratio. Not a JMH benchmark: a cross-check for its ratio.
 *
 * <pre class="language-sh">
 * java -cp bench/target/benchmarks.jar de.ozgsdk.bench.forms.RenderCpuTime \
 *     /path/to/shared/fixtures/fim/xdf2/S00000009_xdatenfelder.xml [warm-up seconds, 20] [batches, 60]
 * </pre>
 */
public final class RenderCpuTime {

    private static final int BATCH = 200;

    private RenderCpuTime() {
    }

    /** Arguments: the schema file, the warm-up in seconds (default 20), the number of batches per side (60). */
    public static void main(String[] args) throws IOException {
        RenderBenchmark benchmark = new RenderBenchmark();
        benchmark.file = args.length > 0 ? args[0] : FimImportBenchmark.DEFAULT_FILE;
        int warmUpSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        benchmark.prepare();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += benchmark.formRenderer().length() + benchmark.handWrittenStringBuilder().length();
        }
        double[] renderer = new double[batches];
        double[] handWritten = new double[batches];
        for (int b = 0; b < batches; b++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                sink += benchmark.formRenderer().length();
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                sink += benchmark.handWrittenStringBuilder().length();
            }
            long end = threads.getCurrentThreadCpuTime();
            renderer[b] = (middle - start) / 1000.0 / BATCH;
            handWritten[b] = (end - middle) / 1000.0 / BATCH;
        }
        double r = median(renderer);
        double h = median(handWritten);
        System.out.printf("thread CPU time per page (median of %d batches of %d): formRenderer %.1f us, "
                + "handWrittenStringBuilder %.1f us, ratio %.2f (checksum %d)%n", batches, BATCH, r, h, r / h, sink);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
