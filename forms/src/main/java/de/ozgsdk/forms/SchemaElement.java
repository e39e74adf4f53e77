package de.ozgsdk.forms;

import de.ozgsdk.core.LocalizedText;
import java.util.List;

/**
 * An element of a form schema: a {@link Field} (Datenfeld) or a {@link FieldGroup} (Datenfeldgruppe). An element
 * reused at several places of a schema is one shared instance.
 */
public sealed interface SchemaElement permits Field, FieldGroup {

    /** Identification, labels, help texts, status, validity. */
    ElementMetadata metadata();

    /** The rules attached to this element, in file order. */
    List<FormRule> rules();

    /** Shortcut for {@code metadata().id()}. */
    default FimId id() {
        return metadata().id();
    }

    /** Shortcut for {@code metadata().name()}. */
    default String name() {
        return metadata().name();
    }

    /** Shortcut for {@code metadata().label()}: the input label, else the name. */
    default LocalizedText label() {
        return metadata().label();
    }
}
