package de.ozgsdk.bench.sandbox;

import de.ozgsdk.sandbox.Sandbox;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 17 §1: one start and stop of the combined {@link Sandbox} (ten loopback servers) with the RSA keys kept in its
 * data directory from an earlier start, against the baseline of one mock alone (the time-stamp authority: one Jetty
 * server, an EC key). {@code combinedFreshKeys} starts with an empty data directory each time (seven RSA-4096 and two
 * RSA-2048 keys generated), for the gain of keeping the keys. Single shot: a start is what the demo waits for once.
 *
 * <pre class="language-sh">
 * java -jar bench/target/benchmarks.jar SandboxStartBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class SandboxStartBenchmark {

    private Path keptKeys;
    private Path freshKeys;

    /** A data directory whose keys the first start generates, kept for the measured starts. */
    @Setup(Level.Trial)
    public void keepKeys() throws IOException {
        keptKeys = Files.createTempDirectory("sandbox-bench-kept");
        Sandbox.builder().dataDirectory(keptKeys).start().close();
    }

    /** An empty data directory before each start of {@link #combinedFreshKeys()}. */
    @Setup(Level.Invocation)
    public void emptyDirectory() throws IOException {
        freshKeys = Files.createTempDirectory("sandbox-bench-fresh");
    }

    /** Removes the data directories. */
    @TearDown(Level.Invocation)
    public void removeFresh() {
        delete(freshKeys);
    }

    /** Removes the kept keys. */
    @TearDown(Level.Trial)
    public void removeKept() {
        delete(keptKeys);
    }

    /** The baseline: one mock started and stopped. */
    @Benchmark
    public void oneMock() {
        TimestampAuthorityMock.builder().start().close();
    }

    /** Every mock and the overview, keys read from the data directory. */
    @Benchmark
    public void combinedKeptKeys() {
        Sandbox.builder().dataDirectory(keptKeys).start().close();
    }

    /** Every mock and the overview, keys generated. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 3)
    public void combinedFreshKeys() {
        Sandbox.builder().dataDirectory(freshKeys).start().close();
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
