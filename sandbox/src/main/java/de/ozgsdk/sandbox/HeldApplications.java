package de.ozgsdk.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The applications an intake mock holds, once per submission id, with how often each arrived; thread-safe. */
final class HeldApplications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** Holds {@code content} under {@code key} unless an application with that key is held already (a repeat). */
    Taken take(String key, byte[] content, Instant receivedAt, String deliveredBy, String reference) {
        Held fresh = new Held(content.clone(), receivedAt, deliveredBy, reference);
        Held kept = held.merge(key, fresh, (old, ignored) -> old);
        kept.attempts.incrementAndGet();
        return new Taken(kept, kept != fresh);
    }

    /** The outcome of one {@link #take}: the held application and whether it was held already. */
    record Taken(Held held, boolean repeat) {
    }

    boolean contains(String key) {
        return held.containsKey(key);
    }

    Map<String, byte[]> contents() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        held.forEach((key, application) -> copy.put(key, application.content.clone()));
        return copy;
    }

    int count() {
        return held.size();
    }

    int attempts(String key) {
        Held application = held.get(key);
        return application == null ? 0 : application.attempts.get();
    }

    Optional<String> deliveredBy(String key) {
        return Optional.ofNullable(held.get(key)).map(application -> application.deliveredBy);
    }

    void clear() {
        held.clear();
    }

    /** {@code GET /__admin/applications}: keys, attempts, times and size + hash, never the content. */
    Answer toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("count", held.size());
        ArrayNode list = root.putArray("applications");
        held.forEach((key, application) -> {
            ObjectNode entry = list.addObject();
            entry.put("key", key);
            entry.put("attempts", application.attempts.get());
            entry.put("receivedAt", application.receivedAt.toString());
            entry.put("reference", application.reference);
            entry.put("content", MockServer.summarise(application.content));
        });
        return Answer.json(200, root.toString());
    }

    /** The admin resource {@code /__admin/applications} (GET lists, DELETE forgets), if {@code request} is for it. */
    Optional<Answer> admin(MockRequest request) {
        if (!request.path().equals(MockServer.ADMIN_PREFIX + "applications")) {
            return Optional.empty();
        }
        return switch (request.method()) {
            case "GET" -> Optional.of(toJson());
            case "DELETE" -> {
                clear();
                yield Optional.of(Answer.status(204));
            }
            default -> Optional.of(Answer.status(405).header("Allow", "GET, DELETE"));
        };
    }

    /** One held application. */
    static final class Held {
        private final byte[] content;
        private final Instant receivedAt;
        private final String deliveredBy;
        private final String reference;
        private final AtomicInteger attempts = new AtomicInteger();

        Held(byte[] content, Instant receivedAt, String deliveredBy, String reference) {
            this.content = content;
            this.receivedAt = receivedAt;
            this.deliveredBy = deliveredBy;
            this.reference = reference;
        }

        String reference() {
            return reference;
        }

        Instant receivedAt() {
            return receivedAt;
        }
    }
}
