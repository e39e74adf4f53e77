package de.ozgsdk.sandbox;

import de.ozgsdk.sandbox.idp.Persona;
import de.ozgsdk.sandbox.internal.PersonalDataMask;
import de.ozgsdk.sandbox.oidc.OidcPersona;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The combined sandbox's own server: the overview page at {@code /} (each mock with its links and the last requests
 * it received, personal data masked) and the admin endpoint of all mocks at {@code /__admin/sandbox/}.
 */
final class SandboxOverview extends MockServer {

    /** The combined admin endpoint. */
    static final String ADMIN = ADMIN_PREFIX + "sandbox/";

    private static final int SHOWN_REQUESTS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final List<MockServer> mocks;
    private final PersonalDataMask mask;
    private final SandboxPersonas personas;

    private SandboxOverview(Builder builder) {
        super(builder, "overview", List.of());
        this.mocks = List.copyOf(builder.mocks);
        this.personas = builder.personas;
        this.mask = PersonalDataMask.of(knownValues(builder.personas));
    }

    static SandboxOverview start(int port, List<MockServer> mocks, SandboxPersonas personas) {
        Builder builder = new Builder();
        builder.mocks = mocks;
        builder.personas = personas;
        return builder.port(port).start();
    }

    PersonalDataMask mask() {
        return mask;
    }

    @Override
    protected Answer handle(MockRequest request) {
        if (request.method().equals("GET") && (request.path().equals("/") || request.path().equals("/index.html"))) {
            return Answer.text(200, "text/html; charset=utf-8", page())
                    .header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        }
        return Answer.text(404, "text/plain; charset=utf-8", "not found; the overview is at /");
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (!request.path().startsWith(ADMIN) && !request.path().equals(ADMIN_PREFIX + "sandbox")) {
            return Optional.empty();
        }
        String rest = request.path().length() <= ADMIN.length() ? "" : request.path().substring(ADMIN.length());
        if (rest.isEmpty()) {
            return Optional.of(request.method().equals("GET") ? Answer.json(200, describe().toString())
                    : AdminEndpoint.error(405, "", "GET " + ADMIN + " describes the sandbox"));
        }
        switch (request.method() + " " + rest) {
            case "DELETE faults" -> {
                mocks.forEach(mock -> mock.faults().clear());
                return Optional.of(Answer.status(204));
            }
            case "DELETE records" -> {
                mocks.forEach(mock -> mock.records().clear());
                return Optional.of(Answer.status(204));
            }
            case "POST reset" -> {
                mocks.forEach(Sandbox::reset);
                return Optional.of(Answer.status(204));
            }
            default -> {
                // {mock}/{resource…}: the mock's own admin endpoint, e.g. tsa/faults, fit-connect/fit-connect/…
                int slash = rest.indexOf('/');
                String name = slash < 0 ? rest : rest.substring(0, slash);
                Optional<MockServer> mock = mocks.stream().filter(m -> m.name().equals(name)).findFirst();
                if (mock.isEmpty()) {
                    return Optional.of(AdminEndpoint.error(404, "", "no mock \"" + name + "\" in this sandbox; known: "
                            + mocks.stream().map(MockServer::name).toList()));
                }
                String forwarded = ADMIN_PREFIX + (slash < 0 ? "" : rest.substring(slash + 1));
                return Optional.of(mock.get().adminAnswer(new MockRequest(request.receivedAt(), request.method(),
                        forwarded, request.query(), request.headers(), request.body(),
                        request.clientCertificates())));
            }
        }
    }

    private ObjectNode describe() {
        ObjectNode description = JSON.createObjectNode();
        description.put("overview", baseUrl().toString());
        ArrayNode list = description.putArray("mocks");
        for (MockServer mock : mocks) {
            ObjectNode entry = list.addObject();
            entry.put("name", mock.name());
            entry.put("baseUrl", mock.baseUrl().toString());
            entry.put("admin", uri(ADMIN + mock.name() + "/").toString());
            entry.put("faults", mock.faults().active().size());
            entry.put("records", mock.records().total());
        }
        return description;
    }

    private String page() {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>OZG SDK sandbox</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a;background:#fff;")
                .append("max-width:75rem}")
                .append("a{color:#0645ad}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}")
                .append("table{border-collapse:collapse;width:100%;margin-bottom:1rem}")
                .append("th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}")
                .append("caption{text-align:left;font-weight:bold;padding:.25rem 0}code{font-size:.9em}")
                .append("</style></head><body><header><h1>OZG SDK sandbox</h1>")
                .append("<p>Every external system of an online service on loopback. Personal data in the requests ")
                .append("below is masked (<code>").append(PersonalDataMask.MASK)
                .append("</code>). Admin API: <a href=\"")
                .append(escape(uri(ADMIN).toString())).append("\">").append(escape(uri(ADMIN).toString()))
                .append("</a></p></header><main>");
        html.append("<nav aria-label=\"Mocks\"><h2>Mocks</h2><ul>");
        for (MockServer mock : mocks) {
            html.append("<li><a href=\"#").append(mock.name()).append("\">").append(escape(title(mock)))
                    .append("</a></li>");
        }
        html.append("</ul></nav>");
        for (MockServer mock : mocks) {
            section(html, mock);
        }
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private void section(StringBuilder html, MockServer mock) {
        html.append("<section id=\"").append(mock.name()).append("\" aria-labelledby=\"h-").append(mock.name())
                .append("\"><h2 id=\"h-").append(mock.name()).append("\">").append(escape(title(mock)))
                .append("</h2><ul>");
        for (Map.Entry<String, String> link : links(mock)) {
            html.append("<li>").append(escape(link.getKey())).append(": <a href=\"").append(escape(link.getValue()))
                    .append("\">").append(escape(link.getValue())).append("</a></li>");
        }
        html.append("<li>Faults active: ").append(mock.faults().active().size()).append("; requests received: ")
                .append(mock.records().total()).append("</li></ul>");
        List<RecordedExchange> all = mock.records().all();
        List<RecordedExchange> last = new ArrayList<>(all.subList(Math.max(0, all.size() - SHOWN_REQUESTS),
                all.size()));
        Collections.reverse(last);
        if (last.isEmpty()) {
            html.append("<p>No requests yet.</p></section>");
            return;
        }
        html.append("<table><caption>Last requests to ").append(escape(mock.name()))
                .append(" (newest first)</caption><thead><tr><th scope=\"col\">Time (UTC)</th>")
                .append("<th scope=\"col\">Request</th><th scope=\"col\">Status</th><th scope=\"col\">Body</th>")
                .append("<th scope=\"col\">Fault</th></tr></thead><tbody>");
        for (RecordedExchange exchange : last) {
            html.append("<tr><td>").append(TIME.format(exchange.time())).append("</td><td><code>")
                    .append(escape(exchange.method())).append(' ').append(escape(mask.mask(exchange.path())))
                    .append("</code></td><td>")
                    .append(exchange.status().isPresent() ? String.valueOf(exchange.status().getAsInt()) : "none")
                    .append("</td><td>").append(escape(mask.mask(exchange.body()))).append("</td><td>")
                    .append(escape(exchange.fault().map(mask::mask).orElse(""))).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static String title(MockServer mock) {
        return switch (mock.name()) {
            case "servicekonto-idp" -> "Servicekonto IdP (SAML, BundID-like)";
            case "oidc" -> "OpenID provider";
            case "epaybl" -> "ePayBL (SOAP, Paypage; mutual TLS)";
            case "xbezahldienste" -> "XBezahldienste";
            case "fit-connect" -> "FIT-Connect delivery service";
            case "zbp" -> "BundID postbox (ZBP)";
            case "https-intake" -> "HTTPS intake of the Fachverfahren (mutual TLS)";
            case "file-drop-intake" -> "File-drop import of the Fachverfahren";
            case "tsa" -> "Time-stamp authority (RFC 3161)";
            default -> mock.name();
        };
    }

    private List<Map.Entry<String, String>> links(MockServer mock) {
        List<Map.Entry<String, String>> links = new ArrayList<>();
        links.add(Map.entry("Base URL", mock.baseUrl().toString()));
        switch (mock.name()) {
            case "servicekonto-idp" -> links.add(Map.entry("Metadata", mock.uri("/idp/metadata").toString()));
            case "oidc" -> links.add(Map.entry("Discovery", mock.uri("/.well-known/openid-configuration").toString()));
            case "fit-connect" -> links.add(Map.entry("Info", mock.uri("/v1/info").toString()));
            case "zbp" -> Sandbox.postkorbHandles(personas).keySet().forEach(handle -> links.add(Map.entry(
                    "Inbox of persona " + (links.size()), mock.uri("/postfach/" + handle).toString())));
            case "tsa" -> links.add(Map.entry("CA certificate (PEM)", mock.uri("/__admin/tsa/ca.pem").toString()));
            default -> {
            }
        }
        links.add(Map.entry("Admin", uri(ADMIN + mock.name() + "/").toString()));
        return links;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> knownValues(SandboxPersonas personas) {
        List<String> values = new ArrayList<>();
        for (Persona persona : personas.saml()) {
            persona.postkorbHandle().ifPresent(values::add);
            persona.attributes().forEach(attribute -> values.add(attribute.value()));
            persona.organisation().forEach(attribute -> values.add(attribute.value()));
        }
        for (OidcPersona persona : personas.oidc()) {
            values.add(persona.subject());
            collect(persona.claims().values(), values);
        }
        return values;
    }

    private static void collect(Collection<?> claims, List<String> values) {
        for (Object claim : claims) {
            if (claim instanceof String text) {
                values.add(text);
            } else if (claim instanceof Map<?, ?> map) {
                collect(map.values(), values);
            } else if (claim instanceof Collection<?> list) {
                collect(list, values);
            }
        }
    }

    static final class Builder extends MockServer.Builder<Builder, SandboxOverview> {
        private List<MockServer> mocks;
        private SandboxPersonas personas;

        @Override
        protected SandboxOverview build() {
            return new SandboxOverview(this);
        }
    }
}
