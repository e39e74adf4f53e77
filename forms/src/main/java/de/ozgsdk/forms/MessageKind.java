package de.ozgsdk.forms;

/** Which XDatenfelder message a {@link FormSchema} was imported from. */
public enum MessageKind {
    /** {@code xdatenfelder.stammdatenschema.0102}: a complete form schema. */
    STAMMDATENSCHEMA,
    /** {@code xdatenfelder.datenfeldgruppe.0103}: one Datenfeldgruppe, imported as a schema with that group as root. */
    DATENFELDGRUPPE,
    /** {@code xdatenfelder.datenfeld.0104}: one Datenfeld, imported as a schema with that field as root. */
    DATENFELD
}
