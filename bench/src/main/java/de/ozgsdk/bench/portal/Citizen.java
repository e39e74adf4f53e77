package de.ozgsdk.bench.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One virtual citizen's browser: its own HTTP/1.1 client and cookie jar, redirects followed with GET one by one
 * (each exchange is one request in the {@link LatencyBook}, named by its page kind), forms submitted as a browser
 * without JavaScript would (successful controls, the pressed button, an {@code Origin} header).
 */
final class Citizen {

    /** A page as received. */
    record Page(int status, URI uri, String body) {

        Document document() {
            return Jsoup.parse(body, uri.toString());
        }
    }

    /** Thrown when an answer is not what the flow expects (an error status or a missing form). */
    static final class FlowBroken extends IOException {
        private static final long serialVersionUID = 1L;

        FlowBroken(String message) {
            super(message);
        }
    }

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[A-Za-z0-9_-]{20,}");
    private static final Pattern STEP = Pattern.compile("/schritt/[0-9]+");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final LatencyBook book;
    private final Function<URI, String> server;

    /** {@code server} names the server of a URI ({@code portal}, {@code idp-mock}, ...) for the page kinds. */
    Citizen(LatencyBook book, Function<URI, String> server) {
        this.book = book;
        this.server = server;
    }

    /** A new session: forgets every cookie, as a new citizen's browser would not have them. */
    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** GET {@code uri}, following redirects. */
    Page get(URI uri) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(uri).GET(), "GET"));
    }

    /** Submits the first form matching {@code selector} of {@code page}, then {@code values}, then {@code button}. */
    Page submit(Page page, String selector, String button, Map<String, String> values)
            throws IOException, InterruptedException {
        return follow(post(page, selector, button, values));
    }

    /** Like {@link #submit} without following the redirect. */
    HttpResponse<String> post(Page page, String selector, String button, Map<String, String> values)
            throws IOException, InterruptedException {
        Element form = page.document().selectFirst(selector);
        if (form == null) {
            throw new FlowBroken("no form " + selector + " on " + kind("GET", page.uri()));
        }
        Map<String, List<String>> fields = fields(form);
        values.forEach((key, value) -> {
            String name = form.select("[name]").stream().map(e -> e.attr("name"))
                    .filter(n -> n.equals(key) || n.endsWith("." + key)).findFirst().orElse(key);
            fields.put(name, new ArrayList<>(List.of(value)));
        });
        if (button != null) {
            int eq = button.indexOf('=');
            fields.computeIfAbsent(button.substring(0, eq), k -> new ArrayList<>()).add(button.substring(eq + 1));
        }
        String action = form.attr("action").isEmpty() ? page.uri().toString() : form.absUrl("action");
        StringBuilder body = new StringBuilder();
        fields.forEach((name, list) -> list.forEach(value -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        URI from = page.uri();
        return send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", from.getScheme() + "://" + from.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST");
    }

    /** Follows the redirects of {@code response} with GET; an error status breaks the flow. */
    Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int i = 0; i < 12 && current.statusCode() / 100 == 3; i++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET(), "GET");
        }
        if (current.statusCode() >= 400) {
            throw new FlowBroken(current.statusCode() + " from " + kind("GET", current.uri()));
        }
        return new Page(current.statusCode(), current.uri(), current.body());
    }

    /** One exchange, timed from sending the request to having read the whole body. */
    HttpResponse<String> send(HttpRequest.Builder request, String method) throws IOException, InterruptedException {
        HttpRequest built = request.header("Accept-Language", "de-DE").timeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            book.error();
            throw e;
        }
        long took = System.nanoTime() - start;
        if (response.statusCode() >= 400) {
            book.error();
        } else {
            book.record(kind(method, built.uri()), took);
        }
        return response;
    }

    /** {@code server method path} with the tenant segment dropped and ids and step numbers replaced. */
    String kind(String method, URI uri) {
        String path = uri.getPath().replace("/" + FlowSandbox.KOELN.value(), "");
        path = STEP.matcher(ID.matcher(path).replaceAll("{id}")).replaceAll("/schritt/{n}");
        return server.apply(uri) + " " + method + " " + path;
    }

    private static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            String type = input.attr("type");
            boolean isInput = input.tagName().equals("input");
            if (isInput && (type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")
                    || isInput && (type.equals("submit") || type.equals("file"))) {
                continue;
            }
            String value;
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                value = selected == null ? "" : selected.attr("value");
            } else if (input.tagName().equals("textarea")) {
                value = input.wholeText();
            } else {
                value = input.attr("value");
            }
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
