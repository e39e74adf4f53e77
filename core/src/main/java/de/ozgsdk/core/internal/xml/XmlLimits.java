package de.ozgsdk.core.internal.xml;

/**
 * The processing limits every hardened factory gets, as JDK {@code jdk.xml.*} properties.
 *
 * @param maxElementDepth         {@code jdk.xml.maxElementDepth}
 * @param maxAttributesPerElement {@code jdk.xml.elementAttributeLimit}
 * @param maxNameLength           {@code jdk.xml.maxXMLNameLimit}
 * @param entityExpansionLimit    {@code jdk.xml.entityExpansionLimit}
 */
public record XmlLimits(int maxElementDepth, int maxAttributesPerElement, int maxNameLength,
                        int entityExpansionLimit) {

    /**
     * Upper bound for the size of entity replacement text. Documents exchanged with the SDK have no DTD and thus no
     * entities of their own; the bound only matters where the JDK parses something internally (schema documents).
     */
    static final String MAX_ENTITY_SIZE = "65536";

    /** The limits as (JDK property name, value) pairs, in a stable order. */
    String[][] asJdkProperties() {
        return new String[][] {
            {"jdk.xml.maxElementDepth", Integer.toString(maxElementDepth)},
            {"jdk.xml.elementAttributeLimit", Integer.toString(maxAttributesPerElement)},
            {"jdk.xml.maxXMLNameLimit", Integer.toString(maxNameLength)},
            {"jdk.xml.entityExpansionLimit", Integer.toString(entityExpansionLimit)},
            {"jdk.xml.maxGeneralEntitySizeLimit", MAX_ENTITY_SIZE},
            {"jdk.xml.maxParameterEntitySizeLimit", MAX_ENTITY_SIZE},
            {"jdk.xml.totalEntitySizeLimit", MAX_ENTITY_SIZE},
        };
    }
}
