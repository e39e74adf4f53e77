package de.ozgsdk.sandbox.payment;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The citizen's browser on the pay page: loads it, submits a button, and reports where the pay page sends it back
 * (the redirect is not followed, so a test sees the return URL with whatever parameters it carries).
 */
public final class Browser {

    private final HttpClient client;

    private Browser(HttpClient client) {
        this.client = client;
    }

    public static Browser plain() {
        return new Browser(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A browser that trusts {@code trust} and presents {@code certificate} (pay page of a mutual-TLS mock). */
    static Browser tls(TrustedCertificates trust, PrivateKeyCredential certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {certificate.keyManager()}, new TrustManager[] {trust.trustManager()}, null);
            return new Browser(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(context)
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the pay page and presses a button ({@code pay}, {@code cancel}, {@code fail}); answers the return URL. */
    public URI press(URI payPage, String action, String method) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(payPage).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("value=\"" + action + "\"")) {
            throw new IllegalStateException("pay page " + payPage + " answered " + page.statusCode());
        }
        HttpResponse<String> sent = client.send(HttpRequest.newBuilder(payPage).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action + "&method=" + method)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (sent.statusCode() != 303) {
            throw new IllegalStateException("pay page " + payPage + " answered the form with " + sent.statusCode());
        }
        return URI.create(sent.headers().firstValue("Location").orElseThrow());
    }

    /** The query parameters of a return URL, as a servlet would give them. */
    public static Map<String, String[]> parameters(URI returned) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (returned.getRawQuery() != null) {
            for (String pair : returned.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return parameters;
    }
}
