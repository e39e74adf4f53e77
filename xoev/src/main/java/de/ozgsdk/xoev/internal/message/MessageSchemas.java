package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.message.ApplicationMessage;
import java.util.Optional;
import javax.xml.validation.Schema;

/** The schema set of the application message: the basis schema, {@code ozg-antrag-1.0.xsd} and Fachdaten schemas. */
public final class MessageSchemas {

    public static final String NAMESPACE = "urn:ozgsdk:xoev:antrag:1.0";
    /** The root element is named after its message type (XÖV convention). */
    public static final String ROOT = ApplicationMessage.NACHRICHTENTYP.code();
    public static final String ANTRAG_RESOURCE = "de/ozgsdk/xoev/schema/ozg-antrag-1.0.xsd";

    private MessageSchemas() {
    }

    /** The schema documents of the message alone. */
    public static XoevSchemaSet message() {
        return XoevSchemaSet.builder().add(XoevSchemaSet.basis()).classpathResource(ANTRAG_RESOURCE).build();
    }

    /** The compiled message schema with the Fachdaten schemas, if any (compiled sets are shared in the process). */
    public static Schema compile(Optional<XoevSchemaSet> fachdaten) {
        XoevSchemaSet.Builder set = XoevSchemaSet.builder().add(XoevSchemaSet.basis())
                .classpathResource(ANTRAG_RESOURCE);
        fachdaten.ifPresent(set::add);
        return set.build().schema();
    }
}
