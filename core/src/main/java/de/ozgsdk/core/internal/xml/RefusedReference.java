package de.ozgsdk.core.internal.xml;

/**
 * Marks, as the cause inside a JAXP exception, that one of our resolvers refused to load an external resource, so
 * that {@link XmlFailures} can tell a refused reference from a broken document.
 */
final class RefusedReference extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    RefusedReference(String kind) {
        super("external " + kind + " refused", null, false, false);
        this.kind = kind;
    }

    /** What was to be loaded, in a term that reads the same in German and English: DTD, Schema, Stylesheet. */
    String kind() {
        return kind;
    }
}
