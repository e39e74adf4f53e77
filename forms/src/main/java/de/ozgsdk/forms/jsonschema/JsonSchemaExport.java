package de.ozgsdk.forms.jsonschema;

import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.forms.data.JsonStyle;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema 2020-12 of one form, as exported by {@link JsonSchemaExporter}, with the notes on what it cannot
 * state exactly.
 */
public final class JsonSchemaExport {

    private final String id;
    private final ObjectNode schema;
    private final List<ExportNote> notes;

    JsonSchemaExport(String id, ObjectNode schema, List<ExportNote> notes) {
        this.id = id;
        this.schema = schema;
        this.notes = List.copyOf(notes);
    }

    /** The schema's {@code $id}. */
    public String id() {
        return id;
    }

    /** The schema document as a Jackson tree (a copy: changing it does not change this export). */
    public ObjectNode schema() {
        return schema.deepCopy();
    }

    /**
     * The schema document as pretty-printed JSON text in the style of the {@code ozg} command ({@code "key": value},
     * two-space indents, {@code \n} line ends, ending with a line end); the same schema and options always give the
     * same text.
     */
    public String toJson() {
        try {
            return JsonStyle.write(schema) + "\n";
        } catch (JacksonException e) {
            throw new ProcessingException(JsonSchemaError.WRITE_FAILED, e, id, e.getClass().getSimpleName());
        }
    }

    /** Places where the schema does not state a constraint of the form exactly, in schema order; often empty. */
    public List<ExportNote> notes() {
        return notes;
    }

    /** The id and the number of notes, never the schema text. */
    @Override
    public String toString() {
        return "JsonSchemaExport[" + id + ", " + notes.size() + " notes]";
    }
}
