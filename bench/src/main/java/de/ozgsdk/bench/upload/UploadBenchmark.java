package de.ozgsdk.bench.upload;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.upload.MultipartReader;
import de.ozgsdk.portal.upload.StoredDocument;
import de.ozgsdk.portal.upload.UploadLimits;
import de.ozgsdk.portal.upload.Uploads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * Accepting a 10 MB upload (issue 21 §5): the multipart body parsed by {@link MultipartReader}, the part streamed
 * into {@link Uploads#receive} (sealed into H2 in rows, read back for the scan against a clamd stub on loopback that
 * answers at once, type by Tika, PNG so no PDF parse), then the application's documents erased; against writing the
 * same 10 MB to a file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UploadBenchmark {

    private static final int SIZE = 10 * 1000 * 1000;
    private static final String BOUNDARY = "----ozgBench";

    private byte[] content;
    private byte[] body;
    private ClamdStub clamd;
    private Database database;
    private Uploads uploads;
    private Field field;
    private DraftOwner owner;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        content = new byte[SIZE];
        new Random(21).nextBytes(content);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(png, 0, content, 0, png.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"F1\"; filename=\"scan.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        body = out.toByteArray();
        clamd = new ClamdStub();
        database = Database.h2InMemory("upload_bench_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12));
        uploads = Uploads.builder(database, Sealer.builder().key("bench", new byte[32]).build(),
                new InstreamScanner(clamd.port())).limits(UploadLimits.builder().maxFileBytes(SIZE)
                .defaultMediaTypes(List.of("image/png")).build()).build();
        field = Field.builder(ElementMetadata.builder(FimId.of("F1"), "Nachweis").build(), FieldKind.INPUT,
                DataType.FILE).precision(Precision.NONE).build();
        owner = DraftOwner.of(TenantId.parse("053150000000"), "a:bench");
        file = Files.createTempFile("upload-bench", ".bin");
        StoredDocument check = acceptUpload();
        if (check.size() != SIZE || !check.mediaType().equals("image/png")) {
            throw new IllegalStateException("the upload was not accepted as expected: " + check);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        database.close();
        clamd.close();
        Files.deleteIfExists(file);
    }

    /** Parse, scan, type check, seal and store one 10 MB document; then erase it again (not a part of accepting). */
    @Benchmark
    public StoredDocument acceptUpload() throws IOException {
        ApplicationRef ref = new ApplicationRef(UUID.randomUUID(), owner);
        MultipartReader reader = MultipartReader.of("multipart/form-data; boundary=" + BOUNDARY,
                new ByteArrayInputStream(body));
        MultipartReader.Part part = reader.next().orElseThrow();
        StoredDocument stored;
        try (InputStream in = part.content()) {
            stored = uploads.receive(ref, "F1", field, false, part.fileName().orElseThrow(), in);
        }
        uploads.eraseApplication(ref.tenant(), ref.id());
        return stored;
    }

    /** The baseline: the same 10 MB written to a file (no fsync), as a container's multipart spooling does. */
    @Benchmark
    public long writeFile() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        return Files.size(file);
    }
}
