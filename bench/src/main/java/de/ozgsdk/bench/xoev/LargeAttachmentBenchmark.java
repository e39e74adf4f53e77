package de.ozgsdk.bench.xoev;

import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import de.ozgsdk.xoev.message.AttachmentSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 6 §4b: writing an application message with a 200 MB attachment (validation on; content from a generated
 * stream, to a discarding stream) against the baseline of copying the same 200 MB through
 * {@code Base64.getEncoder().wrap(OutputStream)} into a discarding stream with a 64 KiB buffer. Both run in a fork
 * with {@code -Xmx64m}, which proves the heap bound as well. Target: writer / baseline ≤ 1.3.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar LargeAttachmentBenchmark -f 1 -wi 3 -i 5 -jvmArgsAppend -Xmx64m
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class LargeAttachmentBenchmark {

    static final long SIZE = 200L * 1024 * 1024;

    private ApplicationMessageWriter writer;
    private SampleApplication sample;
    private byte[] block;

    @Setup
    public void prepare() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap > 64L * 1024 * 1024) {
            throw new IllegalStateException("run with -Xmx64m (the fork has " + maxHeap + " bytes of heap)");
        }
        writer = ApplicationMessageWriter.create();
        sample = new SampleApplication(50, 0);
        block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
    }

    @Benchmark
    public void applicationMessageWriter() {
        ApplicationMessage message = ApplicationMessage.builder().header(sample.header).metadata(sample.metadata)
                .fachdaten(sample.fachdaten())
                .addAttachment(AttachmentSource.of("Video.mp4", "video/mp4", () -> new Content(block, SIZE)))
                .build();
        writer.write(message, OutputStream.nullOutputStream());
    }

    @Benchmark
    public void base64Copy() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new Content(block, SIZE);
             OutputStream out = Base64.getEncoder().wrap(OutputStream.nullOutputStream())) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        }
    }

    /** {@code size} bytes made of a repeated random block: generated content that costs next to nothing. */
    static final class Content extends InputStream {
        private final byte[] block;
        private long position;
        private long remaining;

        Content(byte[] block, long size) {
            this.block = block;
            this.remaining = size;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in blocks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int inBlock = (int) (position % block.length);
            int count = (int) Math.min(Math.min(length, remaining), block.length - inBlock);
            System.arraycopy(block, inBlock, buffer, offset, count);
            position += count;
            remaining -= count;
            return count;
        }
    }
}
