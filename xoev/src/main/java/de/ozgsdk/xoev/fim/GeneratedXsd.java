package de.ozgsdk.xoev.fim;

import de.ozgsdk.xoev.XoevSchemaSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The XML Schema generated for one FIM schema by {@link FimXsdGenerator}: the XSD text, its target namespace, the
 * name of the root element, and the notes on what the XSD cannot state.
 */
public final class GeneratedXsd {

    private final String schemaId;
    private final String text;
    private final String targetNamespace;
    private final String rootElement;
    private final List<XsdNote> notes;
    // made on first use and kept: messages that carry it are validated by one compiled schema per form
    private volatile XoevSchemaSet schemaSet;

    GeneratedXsd(String schemaId, String text, String targetNamespace, String rootElement, List<XsdNote> notes) {
        this.schemaId = Objects.requireNonNull(schemaId, "schemaId");
        this.text = Objects.requireNonNull(text, "text");
        this.targetNamespace = Objects.requireNonNull(targetNamespace, "targetNamespace");
        this.rootElement = Objects.requireNonNull(rootElement, "rootElement");
        this.notes = List.copyOf(notes);
    }

    /** The id and version of the FIM schema, e.g. {@code S60000011V1.2}. */
    public String schemaId() {
        return schemaId;
    }

    /** The XSD document (UTF-8 declared, {@code \n} line ends, ending with a line end). */
    public String text() {
        return text;
    }

    /** The XSD document as UTF-8 bytes. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * This XSD as a compiled schema set, e.g. for strict validation of the Fachdaten inside an application message
     * ({@code ApplicationMessageWriter.builder().fachdatenSchemas(xsd.schemaSet())}); made once, the same instance
     * on every call.
     */
    public XoevSchemaSet schemaSet() {
        XoevSchemaSet set = schemaSet;
        if (set == null) {
            synchronized (this) {
                set = schemaSet;
                if (set == null) {
                    set = XoevSchemaSet.builder().xsd(schemaId + ".xsd", text).build();
                    schemaSet = set;
                }
            }
        }
        return set;
    }

    /** The target namespace, e.g. {@code urn:ozgsdk:fim:S60000011V1.2}. */
    public String targetNamespace() {
        return targetNamespace;
    }

    /** The local name of the root element: the schema's id, e.g. {@code S60000011}. */
    public String rootElement() {
        return rootElement;
    }

    /** Places where the XSD does not state a constraint of the form exactly, in schema order; often empty. */
    public List<XsdNote> notes() {
        return notes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedXsd g && text.equals(g.text) && targetNamespace.equals(g.targetNamespace);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Namespace and number of notes, never the text. */
    @Override
    public String toString() {
        return "GeneratedXsd[" + targetNamespace + ", " + notes.size() + " notes]";
    }
}
