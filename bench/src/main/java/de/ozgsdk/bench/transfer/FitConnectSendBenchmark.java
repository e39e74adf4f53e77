package de.ozgsdk.bench.transfer;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 20 §6: a full send of a small application through {@link FitConnectChannel} to the sandbox's FIT-Connect
 * delivery service (in the same JVM, over loopback) against the baseline of the same HTTP calls made by hand with
 * OkHttp and Nimbus: read the destination, read its key, create the submission, encrypt data and metadata, submit,
 * read the event log. The channel adds what the hand-written client leaves out: the key's certificate chain check,
 * the ledger (three writes to an in-memory H2 database, which make a retry after a crash resume instead of
 * submitting twice), the metadata hashes, and the verification of the event log's SETs. Both sides reuse their
 * access token (the channel caches it; the baseline fetches it once). Score ratio channel / baseline = what the
 * SDK's guarantees cost on top of the bare protocol; the sandbox's own work (signing two SETs per submission with
 * PS512) is in both.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar FitConnectSendBenchmark -f 2 -wi 5 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FitConnectSendBenchmark {

    private static final String LEIKA = "99010003001006";
    private static final URI SCHEMA = URI.create("urn:xoev-de:ozgsdk:bench:antrag");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UUID destination = UUID.randomUUID();
    private FitConnectSandbox sandbox;
    private Database database;
    private FitConnectChannel channel;
    private OkHttpClient http;
    private String bearer;
    private byte[] application;

    @Setup(Level.Trial)
    public void start() throws IOException {
        sandbox = FitConnectSandbox.builder()
                .sender("portal", "portal-secret")
                .destination(SandboxDestination.builder(destination).service(LeikaKey.parse(LEIKA), "DE09")
                        .submissionSchema(SCHEMA.toString(), "application/xml").build())
                .start();
        database = Database.h2InMemory("bench_fitconnect_" + UUID.randomUUID().toString().replace("-", ""));
        FitConnectConfig config = FitConnectConfig.builder()
                .tokenEndpoint(sandbox.tokenUrl())
                .client("portal", "portal-secret")
                .submissionApi(sandbox.baseUrl())
                .routing(sandbox.routingUrl(), sandbox.portalJwksUrl())
                .trustAnchors(TrustedCertificates.of(List.of(sandbox.trustAnchor())))
                .build();
        channel = FitConnectChannel.builder(config, FitConnectLedger.of(database, Clock.systemUTC()),
                FitConnectTarget.xml(destination, LeikaKey.parse(LEIKA), "Bench-Antrag", SCHEMA)).build();
        application = ("<antrag xmlns=\"urn:xoev-de:ozgsdk:bench:antrag\"><name>Erika Mustermann</name>"
                + "<anschrift>Heidestraße 17, 51147 Köln</anschrift><anliegen>Wohnsitz anmelden</anliegen></antrag>")
                .getBytes(StandardCharsets.UTF_8);
        http = new OkHttpClient();
        Request token = new Request.Builder().url(sandbox.tokenUrl().toString())
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", "portal")
                        .add("client_secret", "portal-secret").build())
                .build();
        bearer = "Bearer " + json(token).get("access_token").asString();
    }

    @TearDown(Level.Trial)
    public void stop() {
        sandbox.close();
        database.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Benchmark
    public Receipt channelSend() {
        return channel.send(OutgoingApplication.of(UUID.randomUUID().toString(), application));
    }

    @Benchmark
    public JsonNode handWrittenOkHttp() throws IOException, JOSEException, ParseException {
        JsonNode target = json(get("v1/destinations/" + destination));
        String kid = target.get("encryptionKid").asString();
        RSAKey key = RSAKey.parse(json(get("v1/destinations/" + destination + "/keys/" + kid)).toString());

        ObjectNode create = MAPPER.createObjectNode();
        create.put("destinationId", destination.toString());
        create.putArray("announcedAttachments");
        ObjectNode serviceType = create.putObject("serviceType");
        serviceType.put("name", "Bench-Antrag");
        serviceType.put("identifier", "urn:de:fim:leika:leistung:" + LEIKA);
        JsonNode created = json(authorised("v1/submissions").post(RequestBody.create(
                MAPPER.writeValueAsBytes(create), JSON)).build());
        String submissionId = created.get("submissionId").asString();

        ObjectNode metadata = MAPPER.createObjectNode();
        metadata.put("$schema", "https://schema.fitko.de/fit-connect/metadata/2.1.0/metadata.schema.json");
        ObjectNode data = metadata.putObject("contentStructure").putObject("data");
        ObjectNode schema = data.putObject("submissionSchema");
        schema.put("schemaUri", SCHEMA.toString());
        schema.put("mimeType", "application/xml");
        ObjectNode hash = data.putObject("hash");
        hash.put("type", "sha512");
        hash.put("content", sha512(application));
        ((ObjectNode) metadata.get("contentStructure")).putArray("attachments");

        ObjectNode submit = MAPPER.createObjectNode();
        submit.put("encryptedMetadata", encrypt(MAPPER.writeValueAsBytes(metadata), "application/json", key));
        submit.put("encryptedData", encrypt(application, "application/xml", key));
        try (Response response = http.newCall(authorised("v1/submissions/" + submissionId)
                .put(RequestBody.create(MAPPER.writeValueAsBytes(submit), JSON)).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("submit answered " + response.code());
            }
        }
        return json(get("v1/cases/" + created.get("caseId").asString() + "/events"));
    }

    private static String encrypt(byte[] content, String contentType, RSAKey key) throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).contentType(contentType).build(), new Payload(content));
        jwe.encrypt(new RSAEncrypter(key));
        return jwe.serialize();
    }

    private static String sha512(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Request get(String path) {
        return authorised(path).get().build();
    }

    private Request.Builder authorised(String path) {
        return new Request.Builder().url(sandbox.uri(path).toString()).header("Authorization", bearer);
    }

    private JsonNode json(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(request.method() + " " + request.url().encodedPath() + " answered "
                        + response.code());
            }
            return MAPPER.readTree(response.body().bytes());
        }
    }
}
