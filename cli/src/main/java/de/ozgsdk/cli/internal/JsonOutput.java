package de.ozgsdk.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON as the commands print it: keys in the order they were put (stable for scripts and diffs), indented by two
 * spaces, {@code "key": value}, {@code []} for empty arrays, {@code \n} line ends on every platform.
 */
final class JsonOutput {

    private static final ObjectWriter WRITER = new ObjectMapper().writer(new Printer());

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
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }

    /** Jackson's pretty printer with platform-independent line ends and without the blank in empty arrays. */
    private static final class Printer extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        Printer() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            indentObjectsWith(new DefaultIndenter("  ", "\n"));
            indentArraysWith(new DefaultIndenter("  ", "\n"));
        }

        private Printer(Printer base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Printer(this);
        }

        @Override
        public void writeEndArray(JsonGenerator generator, int valueCount) throws IOException {
            if (valueCount > 0) {
                super.writeEndArray(generator, valueCount);
                return;
            }
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            generator.writeRaw(']');
        }
    }
}
