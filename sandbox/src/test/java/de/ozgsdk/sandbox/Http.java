package de.ozgsdk.sandbox;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** A plain JDK HTTP/1.1 client for the shape's tests (independent of the SDK's own OkHttp clients). */
final class Http {

    private final HttpClient client;

    private Http(HttpClient client) {
        this.client = client;
    }

    static Http plain() {
        return new Http(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    static Http tls(TrustedCertificates trust, Optional<PrivateKeyCredential> clientCredential) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] keys = clientCredential.map(c -> new KeyManager[] {c.keyManager()}).orElse(null);
            context.init(keys, new TrustManager[] {trust.trustManager()}, null);
            return new Http(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build());
    }

    HttpResponse<String> get(URI uri, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
    }

    HttpResponse<String> post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> delete(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).DELETE().build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
