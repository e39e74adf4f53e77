package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.data.JsonStyle;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON as the commands print it, in the style the JSON Schema export uses too ({@link JsonStyle}): keys in the order
 * they were put (stable for scripts and diffs), indented by two spaces, {@code "key": value}, {@code []} for empty
 * arrays, {@code \n} line ends on every platform.
 */
final class JsonOutput {

    private JsonOutput() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts the value, or JSON {@code null} when it is absent, so that every object of a kind has the same keys. */
    static void put(ObjectNode node, String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.putNull(key);
        }
    }

    static String write(JsonNode node) {
        try {
            return JsonStyle.write(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
