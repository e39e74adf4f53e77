package de.ozgsdk.forms.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The one way the SDK prints JSON for people and diffs (the JSON Schema export, the {@code ozg} command's reports):
 * keys in the order of the tree, indented by two spaces, {@code "key": value}, {@code []} and {@code {}} for empty
 * arrays and objects, {@code \n} line ends on every platform. The same tree always gives the same text.
 */
public final class JsonStyle {

    private static final ObjectWriter WRITER = new ObjectMapper().writer(printer());

    private JsonStyle() {
    }

    /** A writer in this style (thread-safe, shared). */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /**
     * The tree as text in this style, without a final line end.
     *
     * @throws JsonProcessingException only if Jackson cannot write the tree (a bug, not a property of the data)
     */
    public static String write(JsonNode tree) throws JsonProcessingException {
        return WRITER.writeValueAsString(tree);
    }

    /** Jackson's pretty printer with platform-independent line ends and without the blank in empty containers. */
    private static DefaultPrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        return printer;
    }
}
