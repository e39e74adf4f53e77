package de.ozgsdk.forms.data;

import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the SDK prints JSON for people and diffs (the JSON Schema export, the {@code ozg} command's reports):
 * keys in the order of the tree, indented by two spaces, {@code "key": value}, {@code []} and {@code {}} for empty
 * arrays and objects, {@code \n} line ends on every platform. The same tree always gives the same text.
 */
public final class JsonStyle {

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer().with(printer());

    private JsonStyle() {
    }

    /** A writer in this style (thread-safe, shared). */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /**
     * The tree as text in this style, without a final line end.
     *
     * @throws JacksonException only if Jackson cannot write the tree (a bug, not a property of the data)
     */
    public static String write(JsonNode tree) {
        return WRITER.writeValueAsString(tree);
    }

    /** Jackson's pretty printer with platform-independent line ends and without the blank in empty containers. */
    private static DefaultPrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        return printer;
    }
}
