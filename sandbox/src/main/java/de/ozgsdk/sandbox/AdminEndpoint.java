package de.ozgsdk.sandbox;

import de.ozgsdk.core.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin endpoint of every mock: faults and records as JSON under {@code /__admin/}. */
final class AdminEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockServer mock;

    AdminEndpoint(MockServer mock) {
        this.mock = mock;
    }

    Answer answer(MockRequest request) {
        try {
            String resource = request.path().equals("/__admin") ? "" : request.path().substring(
                    MockServer.ADMIN_PREFIX.length());
            return switch (request.method() + " " + resource) {
                case "GET " -> Answer.json(200, describe().toString());
                case "GET faults" -> Answer.json(200, faults().toString());
                case "POST faults" -> addFaults(request);
                case "DELETE faults" -> {
                    mock.faults().clear();
                    yield Answer.status(204);
                }
                case "GET records" -> Answer.json(200, records().toString());
                case "DELETE records" -> {
                    mock.records().clear();
                    yield Answer.status(204);
                }
                default -> mock.extraAdmin(request).orElseGet(() -> error(404, "", "no admin resource "
                        + request.method() + " " + request.path() + "; see GET " + MockServer.ADMIN_PREFIX));
            };
        } catch (InvalidInputException e) {
            return error(400, e.code().code(), e.getMessage());
        } catch (Exception e) {
            return error(500, "", e.toString());
        }
    }

    /** A JSON error answer {@code {"code": code, "error": message}} (code empty for no coded error). */
    static Answer error(int status, String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code);
        error.put("error", message);
        return Answer.json(status, error.toString());
    }

    private ObjectNode describe() {
        ObjectNode description = JSON.createObjectNode();
        description.put("name", mock.name());
        description.put("baseUrl", mock.baseUrl().toString());
        ArrayNode kinds = description.putArray("faultKinds");
        mock.faults().kinds().stream().sorted().forEach(kind -> kinds.add(kindName(kind)));
        ArrayNode errors = description.putArray("systemErrors");
        mock.faults().systemErrors().forEach(errors::add);
        description.put("records", mock.records().total());
        return description;
    }

    private ArrayNode faults() {
        ArrayNode faults = JSON.createArrayNode();
        for (Fault fault : mock.faults().active()) {
            faults.add(toJson(fault));
        }
        return faults;
    }

    private Answer addFaults(MockRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.bodyText());
        } catch (JacksonException e) {
            throw invalid("the body is no JSON (" + e.getOriginalMessage() + ")");
        }
        List<Fault> parsed = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(node -> parsed.add(parse(node)));
        } else {
            parsed.add(parse(body));
        }
        // all or nothing: a list with one bad fault adds none
        for (Fault fault : parsed) {
            mock.faults().requireApplicable(fault);
        }
        parsed.forEach(mock.faults()::add);
        return Answer.json(201, faults().toString());
    }

    private ArrayNode records() {
        ArrayNode records = JSON.createArrayNode();
        for (RecordedExchange exchange : mock.records().all()) {
            ObjectNode entry = records.addObject();
            entry.put("time", exchange.time().toString());
            entry.put("method", exchange.method());
            entry.put("path", exchange.path());
            ObjectNode headers = entry.putObject("headers");
            exchange.headers().forEach(headers::put);
            entry.put("body", exchange.body());
            if (exchange.status().isPresent()) {
                entry.put("status", exchange.status().getAsInt());
            } else {
                entry.putNull("status");
            }
            exchange.fault().ifPresentOrElse(fault -> entry.put("fault", fault), () -> entry.putNull("fault"));
        }
        return records;
    }

    static ObjectNode toJson(Fault fault) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kindName(fault.kind()));
        switch (fault.kind()) {
            case STATUS -> {
                node.put("status", fault.status());
                node.put("contentType", fault.contentType());
                node.put("body", fault.body());
            }
            case SYSTEM_ERROR -> node.put("error", fault.systemError());
            default -> { }
        }
        node.put("delayMillis", fault.delay().toMillis());
        node.put("method", fault.method().orElse(""));
        node.put("path", fault.pathPattern());
        fault.times().ifPresentOrElse(times -> node.put("times", times), () -> node.putNull("times"));
        return node;
    }

    static Fault parse(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("a fault is a JSON object");
        }
        String kind = text(node, "kind").orElseThrow(() ->
                invalid("a fault needs \"kind\": one of latency, status, hang, drop, systemError"));
        Duration delay = Duration.ofMillis(number(node, "delayMillis").orElse(0L));
        Fault fault = switch (kind.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "latency" -> Fault.latency(delay);
            case "status" -> statusFault(node);
            case "hang" -> Fault.hang();
            case "drop" -> Fault.drop();
            case "systemerror" -> Fault.systemError(text(node, "error").orElseThrow(() ->
                    invalid("a systemError fault needs \"error\": the name of one of the mock's errors")));
            default -> throw invalid("unknown fault kind \"" + kind + "\"; use latency, status, hang, drop or systemError");
        };
        if (fault.kind() != Fault.Kind.LATENCY && !delay.isZero()) {
            fault = fault.after(delay);
        }
        fault = fault.on(text(node, "method").orElse(""), text(node, "path").orElse("/**"));
        Optional<Long> times = number(node, "times");
        return times.isPresent() ? fault.times(Math.toIntExact(times.get())) : fault;
    }

    private static Fault statusFault(JsonNode node) {
        int status = Math.toIntExact(number(node, "status").orElseThrow(() ->
                invalid("a status fault needs \"status\", e.g. 503")));
        Optional<String> body = text(node, "body");
        return body.isPresent()
                ? Fault.status(status, text(node, "contentType").orElse("text/plain; charset=utf-8"), body.get())
                : Fault.status(status);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw invalid("fault field \"" + field + "\" must be a string, was " + value);
        }
        return Optional.of(value.stringValue());
    }

    private static Optional<Long> number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid("fault field \"" + field + "\" must be a whole number, was " + value);
        }
        return Optional.of(value.longValue());
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException(SandboxError.ADMIN_FAULT_INVALID, detail);
    }

    private static String kindName(Fault.Kind kind) {
        return switch (kind) {
            case LATENCY -> "latency";
            case STATUS -> "status";
            case HANG -> "hang";
            case DROP -> "drop";
            case SYSTEM_ERROR -> "systemError";
        };
    }
}
