package de.ozgsdk.forms;

/**
 * Small XDatenfelder 2.0 and 3.0.0 Stammdatenschema messages that are valid against the official XSD, so that a test
 * changes exactly the one thing it is about. Each element starts on its own line; {@link #lineOf} finds it.
 */
final class XdfDocuments {

    static final String XDF2 = "urn:xoev-de:fim:standard:xdatenfelder_2";
    static final String XDF3 = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";

    private final String namespace;
    private final boolean xdf3;

    private XdfDocuments(String namespace) {
        this.namespace = namespace;
        this.xdf3 = XDF3.equals(namespace);
    }

    /** Documents in the namespace; any other than XDatenfelder 3 gets the XDatenfelder 2 content model. */
    static XdfDocuments of(String namespace) {
        return new XdfDocuments(namespace);
    }

    /** A Stammdatenschema S99000001 with the given structures (XDatenfelder 3 requires at least one). */
    String schema(String structures) {
        String tail = xdf3
                ? "<xdf:bezeichnung>Test</xdf:bezeichnung>\n" + derivation()
                + "<xdf:dokumentsteckbrief><xdf:id>D99000001</xdf:id><xdf:version>1.0.0</xdf:version>"
                + "</xdf:dokumentsteckbrief>\n"
                : derivation();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf=\"" + namespace + "\">\n"
                + "<xdf:header><xdf:nachrichtID>test</xdf:nachrichtID>"
                + "<xdf:erstellungszeitpunkt>2024-01-31T12:00:00</xdf:erstellungszeitpunkt></xdf:header>\n"
                + "<xdf:stammdatenschema>\n"
                + identification("S99000001")
                + "<xdf:name>Test</xdf:name>\n"
                + common(false)
                + tail
                + structures
                + "</xdf:stammdatenschema>\n"
                + "</xdf:xdatenfelder.stammdatenschema.0102>\n";
    }

    /** A struktur with the Multiplizität and the contained element. */
    String structure(String anzahl, String element) {
        return "<xdf:struktur><xdf:anzahl>" + anzahl + "</xdf:anzahl>" + (xdf3 ? "" : "<xdf:bezug/>")
                + "<xdf:enthaelt>\n" + element + "</xdf:enthaelt></xdf:struktur>\n";
    }

    /**
     * A Datenfeld; {@code extra} goes right after datentyp (praezisierung, inhalt, werte, ...). The elements the XSD
     * requires after it are added unless {@code extra} has them.
     */
    String field(String id, String name, String feldart, String datentyp, String extra) {
        String tail = xdf3
                ? extra + (extra.contains("<xdf:vorbefuellung") ? ""
                : "<xdf:vorbefuellung><code>keine</code></xdf:vorbefuellung>\n")
                : (extra.contains("<xdf:praezisierung") ? "" : "<xdf:praezisierung/>\n") + extra
                + (extra.contains("<xdf:inhalt") ? "" : "<xdf:inhalt/>\n");
        return "<xdf:datenfeld>\n"
                + identification(id)
                + "<xdf:name>" + name + "</xdf:name>\n"
                + common(true)
                + "<xdf:feldart><code>" + feldart + "</code></xdf:feldart>\n"
                + "<xdf:datentyp><code>" + datentyp + "</code></xdf:datentyp>\n"
                + tail
                + "</xdf:datenfeld>\n";
    }

    /** A Datenfeldgruppe with the given structures. */
    String group(String id, String structures) {
        return "<xdf:datenfeldgruppe>\n"
                + identification(id)
                + "<xdf:name>Gruppe</xdf:name>\n"
                + common(true)
                + structures
                + "</xdf:datenfeldgruppe>\n";
    }

    /** A Stammdatenschema with one field F99000001 in 1:1. */
    String oneField(String feldart, String datentyp, String extra) {
        return schema(structure("1:1", field("F99000001", "Feld", feldart, datentyp, extra)));
    }

    /** The version of ids: 1.0 in XDatenfelder 2, 1.0.0 in 3. */
    String version() {
        return xdf3 ? "1.0.0" : "1.0";
    }

    /** The 1-based line of the first occurrence of {@code text}. */
    static int lineOf(String xml, String text) {
        int at = xml.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException(text + " not in document");
        }
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private String identification(String id) {
        return "<xdf:identifikation><xdf:id>" + id + "</xdf:id><xdf:version>" + version()
                + "</xdf:version></xdf:identifikation>\n";
    }

    /** What follows the name: texts and status (and for fields and groups the Schemaelement parts). */
    private String common(boolean schemaElement) {
        if (xdf3) {
            return "<xdf:freigabestatus listVersionID=\"1\"><code>6</code></xdf:freigabestatus>\n"
                    + "<xdf:letzteAenderung>2024-01-31T12:00:00</xdf:letzteAenderung>\n"
                    + (schemaElement ? "<xdf:bezeichnungEingabe>Eingabe</xdf:bezeichnungEingabe>\n"
                    + "<xdf:schemaelementart><code>RNG</code></xdf:schemaelementart>\n" : "");
        }
        return "<xdf:bezeichnungEingabe>Eingabe</xdf:bezeichnungEingabe>\n"
                + "<xdf:beschreibung/><xdf:definition/><xdf:bezug/>\n"
                + "<xdf:status><code>aktiv</code></xdf:status>\n"
                + (schemaElement ? "<xdf:schemaelementart><code>RNG</code></xdf:schemaelementart>\n"
                + "<xdf:hilfetextEingabe/><xdf:hilfetextAusgabe/>\n" : "");
    }

    private String derivation() {
        return "<xdf:ableitungsmodifikationenStruktur><code>0</code></xdf:ableitungsmodifikationenStruktur>\n"
                + "<xdf:ableitungsmodifikationenRepraesentation><code>0</code>"
                + "</xdf:ableitungsmodifikationenRepraesentation>\n";
    }
}
