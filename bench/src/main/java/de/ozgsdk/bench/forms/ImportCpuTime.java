package de.ozgsdk.bench.forms;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@link FimImportBenchmark}'s import and DOM baseline measured as thread CPU time per operation instead of
 * wall-clock time, for the loaded shared machine (GC threads are not counted). Both sides alternate in batches in one
 * JVM after a warm-up; the medians of the batches are printed with their ratio. Not a JMH benchmark: a cross-check
 * for its ratio. With {@code profile} as fourth argument it only imports for the warm-up time (for JFR).
 *
 * <pre class="language-sh">
 * java -cp bench/target/benchmarks.jar de.ozgsdk.bench.forms.ImportCpuTime \
 *     /path/to/shared/fixtures/fim/xdf2/S00000009_xdatenfelder.xml [warm-up seconds, 20] [batches, 40]
 * </pre>
 */
public final class ImportCpuTime {

    private static final int BATCH = 20;

    private ImportCpuTime() {
    }

    /** Arguments: the schema file, the warm-up in seconds (default 20), the number of batches per side (40). */
    public static void main(String[] args) throws Exception {
        FimImportBenchmark benchmark = new FimImportBenchmark();
        benchmark.file = args.length > 0 ? args[0] : FimImportBenchmark.DEFAULT_FILE;
        int warmUpSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        boolean profile = args.length > 3 && args[3].equals("profile");
        benchmark.readFixture();
        Callable<Object> importer = benchmark::fimImport;
        Callable<Object> dom = benchmark::domParseBaseline;
        long sink = 0;
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += importer.call().hashCode();
            if (!profile) {
                sink += dom.call().hashCode();
            }
        }
        if (profile) {
            System.out.println("checksum " + sink);
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] imports = new double[batches];
        double[] doms = new double[batches];
        for (int b = 0; b < batches; b++) {
            imports[b] = batch(threads, importer);
            doms[b] = batch(threads, dom);
        }
        double i = median(imports);
        double d = median(doms);
        System.out.printf("thread CPU time per operation (median of %d batches of %d): fimImport %.0f us, "
                + "domParseBaseline %.0f us, ratio %.2f (checksum %d)%n", batches, BATCH, i, d, i / d, sink);
    }

    private static double batch(ThreadMXBean threads, Callable<Object> operation) throws Exception {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < BATCH; i++) {
            operation.call();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1000.0 / BATCH;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
