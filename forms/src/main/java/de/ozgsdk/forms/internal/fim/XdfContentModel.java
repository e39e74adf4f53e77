package de.ozgsdk.forms.internal.fim;

import de.ozgsdk.forms.XdfVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content models of the XDatenfelder 2.0 and 3.0.0 messages as the official XSDs define them, written down as a
 * compact table and compiled into lookup structures once: for every complex type its children in order with their
 * occurrences (a choice is one item), its attributes, or its simple content; for every simple type the check of
 * {@link XdfSimpleType}. {@link XdfConformance} walks these while the importer streams.
 *
 * <p>Table notation, one definition per line (indented lines continue the previous one):
 * {@code /root = ...} a message element; {@code Type = Base + child ...} an extension (the base's children come
 * first); {@code name:Type} a child with {@code ? * + {min,max}} for its occurrences, {@code .name} an unqualified
 * child (the children of XÖV codes); {@code (a:T | b:T)} a choice; {@code @name:Type} an attribute, {@code !}
 * required, {@code =value} fixed; {@code #Type} simple content; {@code enum v ...} an enumeration of xs:token;
 * {@code check KIND} a pattern type checked by {@link XdfSimpleType.Kind}. Builtins: {@code String.Latin} and
 * {@code xs.*}. The genericode wildcard ({@code xs:any processContents="strict"}) is left out: the XSDs import no
 * genericode schema, so nothing can match it.
 */
final class XdfContentModel {

    /** Unbounded maxOccurs. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final String XDF2 = """
            /xdatenfelder.dokumentsteckbrief.0101 = Nachricht + dokumentensteckbrief:Dokumentsteckbrief
            /xdatenfelder.stammdatenschema.0102 = Nachricht + stammdatenschema:Stammdatenschema
            /xdatenfelder.datenfeldgruppe.0103 = Nachricht + datenfeldgruppe:Datenfeldgruppe
            /xdatenfelder.datenfeld.0104 = Nachricht + datenfeld:Datenfeld
            /xdatenfelder.codeliste.0105 = Nachricht + codeliste:Codeliste
            AllgemeineAngaben = identifikation:ElementIdentifikation name:String.Latin bezeichnungEingabe:String.Latin
                bezeichnungAusgabe?:String.Latin beschreibung:String.Latin definition:String.Latin bezug:String.Latin
                status:Code.Status gueltigAb?:xs.date gueltigBis?:xs.date fachlicherErsteller?:String.Latin
                versionshinweis?:String.Latin freigabedatum?:xs.date veroeffentlichungsdatum?:xs.date
            Code.AbleitungsmodifikationenRepraesentation = .code:AbleitungsmodifikationenRepraesentation
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.ableitungsmodifikationenRepraesentation
                @listVersionID:xs.normalizedString=1.0
            Code.AbleitungsmodifikationenStruktur = .code:AbleitungsmodifikationenStruktur
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.ableitungsmodifikationenStruktur
                @listVersionID:xs.normalizedString=1.0
            Code.Datentyp = .code:Datentyp @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.datentyp
                @listVersionID:xs.normalizedString=1.0
            Code.Feldart = .code:Feldart @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.feldart
                @listVersionID:xs.normalizedString=1.0
            Code.Schemaelementart = .code:Schemaelementart
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.schemaelementart
                @listVersionID:xs.normalizedString=1.0
            Code.Status = .code:Status @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.status
                @listVersionID:xs.normalizedString=1.0
            Codeliste = AllgemeineAngaben + genericodeIdentification:GenericodeIdentification langname:String.Latin
                genericode:Genericode
            CodelisteReferenz = identifikation:ElementIdentifikation genericodeIdentification:GenericodeIdentification
            Datenfeld = Schemaelementangaben + feldart:Code.Feldart datentyp:Code.Datentyp praezisierung:String.Latin
                inhalt:String.Latin codelisteReferenz?:CodelisteReferenz regel*:Regel
            Datenfeldgruppe = Schemaelementangaben + regel*:Regel struktur*:Struktur
            Dokumentsteckbrief = AllgemeineAngaben + isReferenz:xs.boolean dokumentart:xs.string hilfetext?:String.Latin
            ElementIdentifikation = id:xs.token version?:VersionString
            Enthaelt = (datenfeld:Datenfeld | datenfeldgruppe:Datenfeldgruppe)
            Genericode =
            GenericodeIdentification = canonicalIdentification:xs.token version:xs.token canonicalVersionUri:xs.token
            Header = nachrichtID:xs.token erstellungszeitpunkt:xs.dateTime referenzID?:xs.token
            Nachricht = header:Header
            Regel = AllgemeineAngaben + script:xs.string
            Schemaelementangaben = AllgemeineAngaben + schemaelementart:Code.Schemaelementart
                hilfetextEingabe:String.Latin hilfetextAusgabe:String.Latin
            Stammdatenschema = AllgemeineAngaben + hilfetext?:String.Latin
                ableitungsmodifikationenStruktur:Code.AbleitungsmodifikationenStruktur
                ableitungsmodifikationenRepraesentation:Code.AbleitungsmodifikationenRepraesentation regel*:Regel
                struktur*:Struktur
            Struktur = anzahl:AnzahlString bezug:String.Latin enthaelt:Enthaelt
            AbleitungsmodifikationenRepraesentation = enum 0 1
            AbleitungsmodifikationenStruktur = enum 0 1 2 3
            Datentyp = enum bool date file num num_currency num_int obj text
            Feldart = enum input label select
            Schemaelementart = enum ABS HAR RNG
            Status = enum aktiv inaktiv inVorbereitung
            AnzahlString = check ANZAHL
            VersionString = check VERSION_2
            """;

    private static final String XDF3 = """
            /xdatenfelder.dokumentsteckbrief.0101 = Nachricht + dokumentsteckbrief:Dokumentsteckbrief
            /xdatenfelder.stammdatenschema.0102 = Nachricht + stammdatenschema:Stammdatenschema
            /xdatenfelder.datenfeldgruppe.0103 = Nachricht + datenfeldgruppe:Datenfeldgruppe
            /xdatenfelder.datenfeld.0104 = Nachricht + datenfeld:Datenfeld
            /xdatenfelder.codeliste.0105 = Nachricht + genericode:Genericode
            /xdatenfelder.uebersetzung.0106 = Nachricht + uebersetzt:ElementIdentifikation sprache+:Sprache
            AllgemeineAngaben = identifikation:ElementIdentifikation name:String.Latin beschreibung?:String.Latin
                definition?:String.Latin bezug*:Rechtsbezug freigabestatus:Code.Freigabestatus statusGesetztAm?:xs.date
                statusGesetztDurch?:String.Latin gueltigAb?:xs.date gueltigBis?:xs.date versionshinweis?:String.Latin
                veroeffentlichungsdatum?:xs.date letzteAenderung:xs.dateTime relation*:Relation stichwort*:Stichwort
            Code.AbleitungsmodifikationenRepraesentation = .code:AbleitungsmodifikationenRepraesentation
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.ableitungsmodifikationenRepraesentation
                @listVersionID:xs.normalizedString=1.0
            Code.AbleitungsmodifikationenStruktur = .code:AbleitungsmodifikationenStruktur
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.ableitungsmodifikationenStruktur
                @listVersionID:xs.normalizedString=1.0
            Code.Datenqualitaet = .code:Datenqualitaet
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:datenfelder.datenqualitaet
                @listVersionID:xs.normalizedString=1.0
            Code.Datentyp = .code:Datentyp @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.datentyp
                @listVersionID:xs.normalizedString=2.0
            Code.Dokumentart = .code:xs.token @listURI:xs.anyURI=urn:xoev-de:fim-datenfelder:codeliste:dokumentart
                @listVersionID!:xs.normalizedString
            Code.Feldart = .code:Feldart @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.feldart
                @listVersionID:xs.normalizedString=2.0
            Code.Freigabestatus = .code:xs.token @listURI:xs.anyURI=urn:xoev-de:xprozess:codeliste:status
                @listVersionID!:xs.normalizedString
            Code.Gruppenart = .code:Gruppenart @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:datenfelder.gruppenart
                @listVersionID:xs.normalizedString=1.0
            Code.RegelParamTyp = .code:RegelParamTyp
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.regelparamtyp
                @listVersionID:xs.normalizedString=1.0
            Code.Regeltyp = .code:Regeltyp @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.regeltyp
                @listVersionID:xs.normalizedString=1.0
            Code.Relation = .code:xs.token @listURI:xs.anyURI=urn:xoev-de:fim-datenfelder:codeliste:relation
                @listVersionID!:xs.normalizedString
            Code.Schemaelementart = .code:Schemaelementart
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.schemaelementart
                @listVersionID:xs.normalizedString=1.0
            Code.Vorbefuellung = .code:Vorbefuellung
                @listURI:xs.anyURI=urn:xoev-de:fim:codeliste:xdatenfelder.vorbefuellung
                @listVersionID:xs.normalizedString=1.0
            Datenfeld = Schemaelementangaben + feldart:Code.Feldart datentyp:Code.Datentyp praezisierung?:Praezisierung
                inhalt?:String.Latin vorbefuellung:Code.Vorbefuellung werte?:Werteliste
                codelisteReferenz?:GenericodeIdentification codeKey?:xs.token nameKey?:xs.token helpKey?:xs.token
                regel*:Regel maxSize?:xs.positiveInteger mediaType*:PatternString
            Datenfeldgruppe = Schemaelementangaben + art?:Code.Gruppenart regel*:Regel struktur+:Struktur
            Dokumentsteckbrief = AllgemeineAngaben + istAbstrakt:xs.boolean dokumentart:Code.Dokumentart
                bezeichnung:String.Latin hilfetext?:String.Latin
            ElementIdentifikation = id:xs.token version?:VersionString
            ElementUebersetzung = uebersetzt:ElementIdentifikation bezeichnungEingabe:xs.string
                bezeichnungAusgabe:xs.string hilfetextEingabe?:xs.string hilfetextAusgabe?:xs.string inhalt?:xs.string
                werte?:Werteliste regel*:RegelUebersetzung
            Enthaelt = (datenfeld:Datenfeld | datenfeldgruppe:Datenfeldgruppe)
            Fehlermeldung = #xs.string @code!:xs.int
            Genericode =
            GenericodeIdentification = canonicalIdentification?:xs.token version?:xs.token canonicalVersionUri?:xs.token
            Header = nachrichtID:xs.token erstellungszeitpunkt:xs.dateTime referenzID?:xs.token
                produktbezeichnung?:String.Latin produkthersteller?:String.Latin produktversion?:String.Latin
                datenqualitaet?:Code.Datenqualitaet
            Nachricht = header:Header
            Praezisierung = #String.Latin @maxLength:xs.positiveInteger @maxValue:xs.token
                @minLength:xs.nonNegativeInteger @minValue:xs.token @pattern:xs.string
            Rechtsbezug = #String.Latin @link:xs.anyURI
            Regel = identifikation:ElementIdentifikation name:String.Latin beschreibung?:String.Latin
                freitextRegel?:String.Latin bezug*:Rechtsbezug stichwort*:Stichwort fachlicherErsteller?:String.Latin
                letzteAenderung:xs.dateTime typ:Code.Regeltyp param*:RegelParameter ziel*:RegelZiel skript?:xs.string
                fehler*:Fehlermeldung
            RegelParameter = typ:RegelParamTyp @element!:xs.string @name!:xs.string
            RegelUebersetzung = uebersetzt:ElementIdentifikation fehler+:Fehlermeldung
            RegelZiel =  @element!:xs.string @name!:xs.string
            Relation = praedikat:Code.Relation objekt:ElementIdentifikation
            Schemaelementangaben = AllgemeineAngaben + bezeichnungEingabe:String.Latin bezeichnungAusgabe?:String.Latin
                schemaelementart:Code.Schemaelementart hilfetextEingabe?:String.Latin hilfetextAusgabe?:String.Latin
            Sprache = element+:ElementUebersetzung @lang!:Language @region:CountryCode @variant:LanguageVariant
                @version!:xs.positiveInteger
            Stammdatenschema = AllgemeineAngaben + bezeichnung:String.Latin hilfetext?:String.Latin
                ableitungsmodifikationenStruktur:Code.AbleitungsmodifikationenStruktur
                ableitungsmodifikationenRepraesentation:Code.AbleitungsmodifikationenRepraesentation
                dokumentsteckbrief:ElementIdentifikation regel*:Regel struktur+:Struktur
            Stichwort = #xs.token @uri!:xs.anyURI
            Struktur = anzahl:AnzahlString bezug*:Rechtsbezug enthaelt:Enthaelt
            Wert = code:xs.token name:xs.string hilfe?:xs.string
            Werteliste = wert+:Wert
            AbleitungsmodifikationenRepraesentation = enum 0 1
            AbleitungsmodifikationenStruktur = enum 0 1 2 3
            Datenqualitaet = enum PROD TEST
            Datentyp = enum bool date datetime file num num_currency num_int obj text text_latin time
            Feldart = enum hidden input label locked select
            Gruppenart = enum X
            RegelParamTyp = enum anzahl objekt selektor wert
            Regeltyp = enum B K M V
            Schemaelementart = enum ABS HAR RNG
            Vorbefuellung = enum keine optional verpflichtend
            AnzahlString = check ANZAHL
            VersionString = check VERSION_3
            CountryCode = check COUNTRY
            Language = check LANGUAGE
            LanguageVariant = enum simple
            PatternString = check MEDIA_TYPE
            """;

    private static final Map<XdfVersion, XdfContentModel> MODELS = Map.of(
            XdfVersion.XDF2, new XdfContentModel(XdfVersion.XDF2.namespace(), XDF2),
            XdfVersion.XDF3, new XdfContentModel(XdfVersion.XDF3.namespace(), XDF3));

    /** The message elements by local name. */
    final Map<String, ComplexType> roots = new LinkedHashMap<>();
    /** The namespace of the qualified elements. */
    final String namespace;
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, Object> types = new HashMap<>();

    private XdfContentModel(String namespace, String table) {
        this.namespace = namespace;
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : (table + "\n").split("\n", -1)) {
            if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                if (name != null) {
                    definitions.put(name, body.toString().strip());
                }
                name = null;
                if (!line.isBlank()) {
                    int eq = line.indexOf(" =");
                    name = line.substring(0, eq).strip();
                    body.setLength(0);
                    body.append(line.substring(eq + 2));
                }
            } else {
                body.append(' ').append(line.strip());
            }
        }
        for (String definition : definitions.keySet()) {
            type(definition);
        }
        // the children's types are resolved only now: the types are recursive (group, struktur, enthaelt, group)
        for (Object type : List.copyOf(types.values())) {
            if (type instanceof ComplexType complex) {
                for (Item item : complex.items) {
                    for (int i = 0; i < item.types.length; i++) {
                        if (item.types[i] instanceof String child) {
                            item.types[i] = type(child);
                        }
                    }
                }
            }
        }
        for (String definition : definitions.keySet()) {
            if (definition.startsWith("/")) {
                roots.put(definition.substring(1), (ComplexType) type(definition));
            }
        }
    }

    /** The model of a version. */
    static XdfContentModel of(XdfVersion version) {
        return MODELS.get(version);
    }

    /** A complex type: element-only content ({@code items}) or simple content ({@code content}), and attributes. */
    static final class ComplexType {
        final String name;
        final XdfSimpleType content;
        final Item[] items;
        /** Item index by the local name of a qualified child. */
        final Map<String, Integer> itemOf = new HashMap<>();
        /** Item index by the local name of an unqualified child (the children of XÖV codes). */
        final Map<String, Integer> unqualifiedItemOf = new HashMap<>();
        /** {@code nextRequired[i]}: the first item at or after {@code i} that must occur, else {@code items.length}. */
        final int[] nextRequired;
        final Map<String, Attribute> attributes;
        final List<Attribute> required;

        ComplexType(String name, XdfSimpleType content, List<Item> items, Map<String, Attribute> attributes) {
            this.name = name;
            this.content = content;
            this.items = items.toArray(new Item[0]);
            // names interned: the scanner hands out interned names, so lookups compare by identity
            Map<String, Attribute> interned = new HashMap<>();
            attributes.forEach((key, attribute) -> interned.put(key.intern(), attribute));
            this.attributes = Map.copyOf(interned);
            this.required = attributes.values().stream().filter(a -> a.required).toList();
            this.nextRequired = new int[this.items.length + 1];
            nextRequired[this.items.length] = this.items.length;
            for (int i = this.items.length - 1; i >= 0; i--) {
                nextRequired[i] = this.items[i].min > 0 ? i : nextRequired[i + 1];
                for (String key : this.items[i].keys) {
                    Map<String, Integer> index = key.startsWith(".") ? unqualifiedItemOf : itemOf;
                    if (index.put((key.startsWith(".") ? key.substring(1) : key).intern(), i) != null) {
                        // a name twice in one sequence would need a real automaton; the XDatenfelder XSDs have none
                        throw new IllegalStateException(name + ": child " + key + " occurs twice");
                    }
                }
            }
        }

        /** The type of a child of the item: a {@link ComplexType} or an {@link XdfSimpleType}. */
        Object childType(int item, String local, boolean qualified) {
            Item it = items[item];
            if (it.keys.length == 1) {
                return it.types[0];
            }
            for (int i = 0; i < it.keys.length; i++) {
                String key = it.keys[i];
                if (key.startsWith(".") != qualified && key.endsWith(local)
                        && key.length() == local.length() + (qualified ? 0 : 1)) {
                    return it.types[i];
                }
            }
            throw new IllegalArgumentException(local);
        }
    }

    /** An element or a choice of elements with its occurrences. */
    static final class Item {
        final String[] keys;
        final Object[] types;
        final int min;
        final int max;

        Item(String[] keys, Object[] types, int min, int max) {
            this.keys = keys;
            this.types = types;
            this.min = min;
            this.max = max;
        }
    }

    /** An attribute of a complex type. */
    record Attribute(String name, XdfSimpleType type, boolean required, String fixed) {
    }

    // ---- compiling the table ---------------------------------------------------------------------------------------

    private Object type(String name) {
        Object known = types.get(name);
        if (known != null) {
            return known;
        }
        Object type = XdfSimpleType.builtin(name);
        if (type == null) {
            String body = definitions.get(name);
            if (body == null) {
                throw new IllegalStateException("content model table: unknown type " + name);
            }
            type = compile(name, body);
        }
        types.put(name, type);
        return type;
    }

    private Object compile(String name, String body) {
        if (body.startsWith("enum ")) {
            return XdfSimpleType.enumeration(name, Set.of(body.substring(5).split(" ")));
        }
        if (body.startsWith("check ")) {
            return XdfSimpleType.of(name, XdfSimpleType.Kind.valueOf(body.substring(6)));
        }
        List<Item> items = new ArrayList<>();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        XdfSimpleType content = null;
        String rest = body;
        int plus = body.indexOf(" + ");
        if (plus > 0 && !body.substring(0, plus).contains(" ") && !body.startsWith("(")) {
            ComplexType base = (ComplexType) type(body.substring(0, plus));
            items.addAll(List.of(base.items));
            attributes.putAll(base.attributes);
            content = base.content;
            rest = body.substring(plus + 3);
        }
        List<String> tokens = tokens(rest);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.startsWith("@")) {
                attributes.put(attribute(token).name(), attribute(token));
            } else if (token.startsWith("#")) {
                content = (XdfSimpleType) type(token.substring(1));
            } else if (token.equals("(")) {
                List<String> keys = new ArrayList<>();
                List<Object> childTypes = new ArrayList<>();
                while (!tokens.get(++i).startsWith(")")) {
                    if (!tokens.get(i).equals("|")) {
                        String[] child = tokens.get(i).split(":", 2);
                        keys.add(child[0]);
                        childTypes.add(child[1]);
                    }
                }
                int[] occurs = occurs(tokens.get(i).substring(1));
                items.add(new Item(keys.toArray(new String[0]), childTypes.toArray(), occurs[0], occurs[1]));
            } else {
                String[] child = token.split(":", 2);
                String key = child[0];
                int suffix = key.endsWith("}") ? key.indexOf('{')
                        : "?*+".indexOf(key.charAt(key.length() - 1)) >= 0 ? key.length() - 1 : key.length();
                int[] occurs = occurs(key.substring(suffix));
                items.add(new Item(new String[] {key.substring(0, suffix)}, new Object[] {child[1]},
                        occurs[0], occurs[1]));
            }
        }
        return new ComplexType(name, content, items, attributes);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (char c : (text.replace("(", "( ").replace(")", " )") + " ").toCharArray()) {
            if (c != ' ') {
                token.append(c);
            } else if (!token.isEmpty()) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        return tokens;
    }

    private Attribute attribute(String token) {
        String spec = token.substring(1);
        String fixed = null;
        int eq = spec.indexOf('=');
        if (eq > 0) {
            fixed = spec.substring(eq + 1);
            spec = spec.substring(0, eq);
        }
        String[] parts = spec.split(":", 2);
        boolean required = parts[0].endsWith("!");
        String name = required ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
        return new Attribute(name, (XdfSimpleType) type(parts[1]), required, fixed);
    }

    private static int[] occurs(String suffix) {
        return switch (suffix) {
            case "" -> new int[] {1, 1};
            case "?" -> new int[] {0, 1};
            case "*" -> new int[] {0, UNBOUNDED};
            case "+" -> new int[] {1, UNBOUNDED};
            default -> {
                String[] range = suffix.substring(1, suffix.length() - 1).split(",");
                yield new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
            }
        };
    }
}
