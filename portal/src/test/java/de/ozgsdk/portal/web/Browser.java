package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a citizen's browser does, over real HTTP: keeps cookies (one jar per device), follows redirects with GET,
 * sends forms as a browser would (hidden fields, checked radios, the pressed button, an {@code Origin} header), and
 * parses pages with jsoup. No JavaScript: auto-submitting forms are submitted by the test like a button press.
 */
final class Browser {

    /** A page as received. */
    record Page(int status, URI uri, HttpHeaders headers, String body, List<Integer> chain) {

        Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        /** The first form matching {@code selector}. */
        Element form(String selector) {
            Element form = document().selectFirst(selector);
            assertThat(form).as("form %s on %s:%n%s", selector, uri, body).isNotNull();
            return form;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String language;
    private final List<Page> received = new ArrayList<>();
    private final Map<String, String> always = new LinkedHashMap<>();
    private final UnaryOperator<URI> route;

    Browser(String language) {
        this(language, UnaryOperator.identity());
    }

    /** A browser whose requests go where {@code route} sends them (e.g. alternately to two portal nodes). */
    Browser(String language, UnaryOperator<URI> route) {
        this.language = language;
        this.route = route;
    }

    /** Sends {@code name: value} with every request from now on (e.g. what a reverse proxy adds). */
    Browser always(String name, String value) {
        always.put(name, value);
        return this;
    }

    /** Every response this browser received, in order (redirects included). */
    List<Page> received() {
        return List.copyOf(received);
    }

    /** GET {@code uri}, following redirects. */
    Page get(URI uri) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(uri).GET()), new ArrayList<>());
    }

    /** GET without following redirects. */
    Page getOnce(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        return new Page(response.statusCode(), response.uri(), response.headers(), response.body(),
                List.of(response.statusCode()));
    }

    /**
     * Submits {@code form} of {@code page} as a browser would: its successful controls, then {@code values} (a key
     * matches the control whose name is the key or ends with {@code .key}), then the pressed {@code button}
     * ({@code name=value}, or null for none); follows the redirects.
     */
    Page submit(Page page, Element form, String button, Map<String, String> values)
            throws IOException, InterruptedException {
        return follow(post(page, form, button, values, Map.of()), new ArrayList<>());
    }

    /** Like {@link #submit} without following redirects, with extra request headers. */
    HttpResponse<String> post(Page page, Element form, String button, Map<String, String> values,
            Map<String, String> headers) throws IOException, InterruptedException {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", from.getScheme() + "://" + from.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::setHeader);
        return send(request);
    }

    /** Follows the redirects of {@code response} with GET. */
    Page follow(HttpResponse<String> response, List<Integer> chain) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        chain.add(current.statusCode());
        for (int i = 0; i < 12 && current.statusCode() / 100 == 3; i++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET());
            chain.add(current.statusCode());
        }
        return new Page(current.statusCode(), current.uri(), current.headers(), current.body(), List.copyOf(chain));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        always.forEach(request::header);
        HttpRequest built = request.header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build();
        HttpRequest routed = HttpRequest.newBuilder(built, (name, value) -> true).uri(route.apply(built.uri()))
                .build();
        HttpResponse<String> response = client.send(routed, HttpResponse.BodyHandlers.ofString());
        received.add(new Page(response.statusCode(), response.uri(), response.headers(), response.body(),
                List.of(response.statusCode())));
        return response;
    }

    /** A file a multipart form sends: its name as the browser gives it, and its bytes. */
    record FilePart(String fileName, byte[] content) {
    }

    /**
     * Submits {@code form} as {@code multipart/form-data}, as a browser does for a form with a file input: its
     * successful controls, then {@code values}, the pressed {@code button}, and {@code files} by input name (an
     * input without a file is sent as an empty part, as browsers do); follows the redirects.
     */
    Page submitMultipart(Page page, Element form, String button, Map<String, String> values,
            Map<String, FilePart> files) throws IOException, InterruptedException {
        Map<String, List<String>> fields = fields(form);
        values.forEach((key, value) -> fields.put(key, new ArrayList<>(List.of(value))));
        if (button != null) {
            int eq = button.indexOf('=');
            fields.computeIfAbsent(button.substring(0, eq), k -> new ArrayList<>()).add(button.substring(eq + 1));
        }
        String boundary = "----ozgBoundary" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, list) -> list.forEach(value -> body.writeBytes(("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8))));
        for (Element input : form.select("input[type=file][name]")) {
            FilePart file = files.getOrDefault(input.attr("name"), new FilePart("", new byte[0]));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + input.attr("name")
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String action = form.attr("action").isEmpty() ? page.uri().toString() : form.absUrl("action");
        URI from = page.uri();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", from.getScheme() + "://" + from.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return follow(send(request), new ArrayList<>());
    }

    private static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            String type = input.attr("type");
            if (input.tagName().equals("input") && (type.equals("radio") || type.equals("checkbox"))
                    && !input.hasAttr("checked")) {
                continue;
            }
            if (input.tagName().equals("input") && (type.equals("submit") || type.equals("file"))) {
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
