package de.ozgsdk.sandbox.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * The RFC 3161 wire for the mock's own tests, independent of the SDK's client: builds {@code TimeStampReq}s with
 * Bouncy Castle and posts them with the JDK's HTTP client.
 */
final class TsaWire {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TsaWire() {
    }

    /** A query for {@code data} hashed with {@code jcaHash} ({@code SHA-256} …) under algorithm {@code oid}. */
    static TimeStampRequest query(byte[] data, String jcaHash, ASN1ObjectIdentifier oid, BigInteger nonce,
            boolean certReq, String policy) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        if (policy != null) {
            generator.setReqPolicy(new ASN1ObjectIdentifier(policy));
        }
        return generator.generate(oid, digest(jcaHash, data), nonce);
    }

    static byte[] digest(String jcaHash, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaHash).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code body} as {@code contentType} and returns the raw answer. */
    static HttpResponse<byte[]> post(URI uri, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code query} to the mock and parses the {@code TimeStampResp} it must answer with. */
    static TimeStampResponse stamp(TimestampAuthorityMock tsa, TimeStampRequest query)
            throws IOException, InterruptedException, TSPException {
        HttpResponse<byte[]> answer = post(tsa.tsaUrl(), TimestampAuthorityMock.QUERY_TYPE, query.getEncoded());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains(TimestampAuthorityMock.REPLY_TYPE);
        return new TimeStampResponse(answer.body());
    }
}
