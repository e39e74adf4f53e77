package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Strict import and libxml2's {@code xmllint} against the official XDatenfelder XSD agree on every XDF file of the
 * tests and of {@code shared/fixtures/fim}, and on mutated copies made here: children swapped, a single element
 * repeated, an unknown element inserted, a character outside String.Latin, a bad code, a bad Multiplizität, and
 * changes the XSD allows (optional parts removed, a group emptied). Each file is accepted by both or refused by both.
 *
 * <p>The XDatenfelder 3.0.0 XSD is read from {@code shared/fixtures/fim/xsd}; the 2.0 XSD is assembled in a temporary
 * folder from the test resources {@code de/ozgsdk/forms/xsd/xdatenfelder-2.0} (origin in {@code SOURCES.md} there) and
 * the byte-identical {@code latinchars.xsd} and {@code xoev-code.xsd} of the fixtures. Without xmllint or the fixtures
 * the test is skipped, under {@code CI} it fails.
 */
class XsdDifferentialTest {

    private static final Path XMLLINT = Path.of("/usr/bin/xmllint");
    private static final String XDF2 = XdfDocuments.XDF2;
    private static final String XDF3 = XdfDocuments.XDF3;
    private static final String[] XDF2_XSD_FILES = {"xdatenfelder.xsd", "xdatenfelder-baukasten.xsd",
        "xdatenfelder-datentypen.xsd"};
    private static final String[] SHARED_XSD_FILES = {"latinchars.xsd", "xoev-code.xsd"};
    private static final String[] TEST_FILES = {"/de/ozgsdk/forms/fim/xdf2-schema.xml",
        "/de/ozgsdk/forms/fim/xdf3-schema.xml", "/de/ozgsdk/forms/fim/xdf3-group.xml",
        "/de/ozgsdk/forms/fim/xdf3-field.xml", "/de/ozgsdk/forms/validation/xdf3-rules.xml",
        "/de/ozgsdk/forms/codelist/einwilligung-field.xml"};

    private static final FimImporter STRICT = FimImporter.builder().build();
    private static final SecureXml XML = SecureXml.defaults();

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsXmllintAndFixtures() {
        boolean ci = System.getenv("CI") != null;
        if (!ci) {
            assumeTrue(Files.isExecutable(XMLLINT), "xmllint is not installed (apt-get install libxml2-utils);"
                    + " on CI this test fails instead of skipping");
        }
        assertThat(XMLLINT).as("xmllint").isExecutable();
        SharedFixtures.requireFimFile("xsd/xdatenfelder-3.0.0/xdatenfelder.xsd");
    }

    @Test
    void strictImportAndXmllintAgreeOnEveryFileAndEveryMutation() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> base : baseFiles().entrySet()) {
            cases.put(base.getKey(), base.getValue());
            cases.putAll(mutations(base.getKey(), base.getValue()));
        }
        Map<String, Boolean> xsdValid = new LinkedHashMap<>();
        xsdValid.putAll(xmllint(XDF2, cases));
        xsdValid.putAll(xmllint(XDF3, cases));

        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
            boolean valid = xsdValid.get(entry.getKey());
            Optional<FimImportException> failure = strictImport(entry);
            if (valid == failure.isPresent()) {
                disagreements.add(entry.getKey() + ": xmllint " + (valid ? "accepts" : "refuses")
                        + ", strict import " + failure.map(e -> "refuses: " + e.getMessage()).orElse("accepts"));
            }
            refused += valid ? 0 : 1;
        }

        System.out.printf("XSD differential: %d cases, %d refused by both, %d accepted by both, %d disagreements%n",
                cases.size(), refused, cases.size() - refused - disagreements.size(), disagreements.size());
        assertThat(disagreements).as("cases where strict import and xmllint disagree").isEmpty();
        // the mutations must exercise both directions, not only one
        assertThat(refused).isGreaterThan(cases.size() / 2);
        assertThat(cases.size() - refused).isGreaterThanOrEqualTo(20);
    }

    private static Optional<FimImportException> strictImport(Map.Entry<String, byte[]> entry) {
        try {
            STRICT.importSchema(new ByteArrayInputStream(entry.getValue()), entry.getKey());
            return Optional.empty();
        } catch (FimImportException e) {
            return Optional.of(e);
        }
    }

    // ---- the corpus ------------------------------------------------------------------------------------------------

    private static Map<String, byte[]> baseFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : TEST_FILES) {
            files.put("test" + name, resource(name));
        }
        try (Stream<Path> walk = Files.walk(fixtures())) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                files.put("fixtures/" + fixtures().relativize(file), Files.readAllBytes(file));
            }
        }
        for (String namespace : List.of(XDF2, XDF3)) {
            XdfDocuments d = XdfDocuments.of(namespace);
            String nested = d.schema(d.structure("0:*", d.group("G99000001", d.structure("1:1",
                    d.field("F99000001", "Feld", "select", "text", namespace.equals(XDF3)
                            ? "<xdf:werte><xdf:wert><xdf:code>1</xdf:code><xdf:name>Ja</xdf:name></xdf:wert>"
                            + "</xdf:werte>\n" : ""))))
                    + d.structure("1:1", d.field("F99000002", "Datum", "input", "date", "")));
            files.put("generated/" + (namespace.equals(XDF3) ? "xdf3" : "xdf2") + "-nested.xml",
                    nested.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(files.keySet()).filteredOn(n -> n.startsWith("fixtures/")).hasSizeGreaterThanOrEqualTo(4);
        return files;
    }

    /** A change of an XDF element with the local name {@code element}; false where it does not apply. */
    private record Mutation(String element, Predicate<Element> change) {
    }

    /** Mutated copies, each at the first, a middle and the last place it applies to. */
    private static Map<String, byte[]> mutations(String name, byte[] original) throws Exception {
        Map<String, Mutation> kinds = new LinkedHashMap<>();
        kinds.put("swap-datenfeld-children", new Mutation("datenfeld", XsdDifferentialTest::swapLastDifferentPair));
        kinds.put("swap-schema-children", new Mutation("stammdatenschema", XsdDifferentialTest::swapLastDifferentPair));
        kinds.put("swap-struktur-children", new Mutation("struktur", XsdDifferentialTest::swapLastDifferentPair));
        kinds.put("duplicate-id", new Mutation("id", XsdDifferentialTest::duplicate));
        kinds.put("duplicate-name", new Mutation("name", XsdDifferentialTest::duplicate));
        kinds.put("duplicate-anzahl", new Mutation("anzahl", XsdDifferentialTest::duplicate));
        kinds.put("unknown-in-identifikation", new Mutation("identifikation", XsdDifferentialTest::insertUnknown));
        kinds.put("unknown-in-datenfeld", new Mutation("datenfeld", XsdDifferentialTest::insertUnknown));
        kinds.put("latin-name", new Mutation("name", e -> appendText(e, " ≤ 18")));
        kinds.put("latin-beschreibung", new Mutation("beschreibung", e -> appendText(e, " ≥ 1")));
        kinds.put("latin-bezeichnungEingabe", new Mutation("bezeichnungEingabe", e -> appendText(e, " → x")));
        kinds.put("code-feldart", new Mutation("feldart", e -> setCode(e, "dropdown")));
        kinds.put("code-datentyp", new Mutation("datentyp", e -> setCode(e, "string")));
        kinds.put("code-status", new Mutation("status", e -> setCode(e, "entwurf")));
        kinds.put("code-schemaelementart", new Mutation("schemaelementart", e -> setCode(e, "XYZ")));
        kinds.put("code-freigabestatus", new Mutation("freigabestatus", e -> setCode(e, "99")));
        kinds.put("code-xdf3-feldart", new Mutation("feldart", e -> setCode(e, "hidden")));
        kinds.put("anzahl-pattern", new Mutation("anzahl", e -> setText(e, "1:x")));
        kinds.put("remove-version", new Mutation("version", XsdDifferentialTest::remove));
        kinds.put("remove-gueltigAb", new Mutation("gueltigAb", XsdDifferentialTest::remove));
        kinds.put("remove-hilfetextEingabe", new Mutation("hilfetextEingabe", XsdDifferentialTest::remove));
        kinds.put("empty-group", new Mutation("datenfeldgruppe", e -> removeChildren(e, "struktur")));
        contentModelEdges(kinds);
        valueEdges(kinds);

        Map<String, byte[]> mutated = new LinkedHashMap<>();
        for (Map.Entry<String, Mutation> kind : kinds.entrySet()) {
            Set<String> seen = new LinkedHashSet<>();
            for (int place = 0; place < 3; place++) {
                Document doc = XML.parse(new ByteArrayInputStream(original), name);
                int count = xdf(doc, kind.getValue().element()).size();
                int index = place == 0 ? 0 : place == 1 ? count / 2 : count - 1;
                if (count == 0 || !kind.getValue().change().test(xdf(doc, kind.getValue().element()).get(index))) {
                    continue;
                }
                byte[] bytes = serialize(doc);
                if (seen.add(new String(bytes, StandardCharsets.UTF_8))) {
                    mutated.put(name + "#" + kind.getKey() + "@" + index, bytes);
                }
            }
        }
        return mutated;
    }

    /**
     * Every element the content model table names, omitted and repeated (minOccurs 0/1, maxOccurs 1/unbounded),
     * both branches of the choice in {@code enthaelt}, text and elements where they may not stand, foreign and
     * unqualified names, the root.
     */
    private static void contentModelEdges(Map<String, Mutation> kinds) {
        for (String name : List.of("identifikation", "id", "version", "name", "bezeichnungEingabe",
                "bezeichnungAusgabe", "beschreibung", "definition", "bezug", "status", "freigabestatus",
                "statusGesetztAm", "gueltigAb", "gueltigBis", "fachlicherErsteller", "versionshinweis",
                "freigabedatum", "veroeffentlichungsdatum", "letzteAenderung", "stichwort", "relation",
                "schemaelementart", "hilfetextEingabe", "hilfetextAusgabe", "feldart", "datentyp", "praezisierung",
                "inhalt", "vorbefuellung", "werte", "wert", "hilfe", "codelisteReferenz", "genericodeIdentification",
                "canonicalIdentification", "canonicalVersionUri", "regel", "skript", "script", "freitextRegel", "typ",
                "param", "ziel", "fehler", "struktur", "anzahl", "enthaelt", "art", "header", "nachrichtID",
                "erstellungszeitpunkt", "referenzID", "produktbezeichnung", "hilfetext", "bezeichnung",
                "dokumentsteckbrief", "ableitungsmodifikationenStruktur", "ableitungsmodifikationenRepraesentation",
                "maxSize", "mediaType", "istAbstrakt", "isReferenz", "dokumentart")) {
            kinds.put("omit-" + name, new Mutation(name, XsdDifferentialTest::remove));
            kinds.put("repeat-" + name, new Mutation(name, XsdDifferentialTest::duplicate));
        }
        kinds.put("choice-both", new Mutation("enthaelt", e -> duplicateFirstChild(e)));
        kinds.put("choice-empty", new Mutation("enthaelt", e -> removeChildren(e, "datenfeld")
                || removeChildren(e, "datenfeldgruppe")));
        kinds.put("choice-other", new Mutation("enthaelt", XsdDifferentialTest::replaceFieldByGroup));
        kinds.put("code-name-child", new Mutation("feldart", e -> appendUnqualified(e, "name", "Eingabe")));
        kinds.put("code-twice", new Mutation("datentyp", e -> duplicateFirstChild(e)));
        kinds.put("code-qualified", new Mutation("schemaelementart", XsdDifferentialTest::qualifyFirstChild));
        kinds.put("code-empty", new Mutation("feldart", e -> removeChildren(e, "code")));
        kinds.put("text-in-identifikation", new Mutation("identifikation", e -> insertText(e, "x")));
        kinds.put("space-in-identifikation", new Mutation("identifikation", e -> insertText(e, " \n\t ")));
        kinds.put("element-in-name", new Mutation("name", e -> appendUnqualified(e, "b", "fett")));
        kinds.put("foreign-in-struktur", new Mutation("struktur", e -> insertForeign(e)));
        kinds.put("unknown-root", new Mutation("header", e -> renameRoot(e, "xdatenfelder.unbekannt.0199")));
        kinds.put("insert-bezug-in-struktur", new Mutation("anzahl", e -> insertAfter(e, "bezug", "§ 1 Abs. 2", 2)));
        kinds.put("insert-mediaType", new Mutation("datenfeld", e -> appendXdf(e, "mediaType", "text/plain", 2)));
        kinds.put("insert-stichwort", new Mutation("letzteAenderung", e -> insertAfter(e, "stichwort", "k", 1)));
        kinds.put("swap-header", new Mutation("header", XsdDifferentialTest::swapWithNext));
        kinds.put("swap-identifikation", new Mutation("identifikation", XsdDifferentialTest::swapWithNext));
    }

    /** Values at the edges of the simple types and attributes of the table. */
    private static void valueEdges(Map<String, Mutation> kinds) {
        String[][] values = {
            {"gueltigAb", "2024-02-29", "2023-02-29", "2024-04-31", "2024-1-31", " 2024-01-31 ", "2024-01-31Z",
                "2024-01-31+14:00", "2024-01-31+14:30", "-0001-12-31", "-0004-02-29", "-0001-02-29", "0000-01-01", "12024-01-31", "2024-01-31T10:00"},
            {"letzteAenderung", "2024-01-31T10:00:00", "2024-01-31T10:00:00.125+01:00", "2024-01-31T24:00:00",
                "2024-01-31T10:60:00", "2024-01-31T24:00:00.000", "2024-01-31T24:00:01", " 2024-01-31T10:00:00",
                "2024-01-31", "2024-01-31T10:00:00.", "2024-01-31T10:00:00Z ", "2024-01-31T10:00:00 ",
                "2024-01-31T10:00:00+01:00\\n"},
            {"erstellungszeitpunkt", "2024-01-31T23:59:59Z", "2024-01-31 10:00:00"},
            {"version", "1.2", "1.2.3", "1.2.3.4", "1.x", " 1.2", "\u0661.\u0662.\u0663", "1.2.3 "},
            {"anzahl", "0:*", "1:2", "10:100", " 1:1", "1:1 ", "1:", ":1", "*:1", "\u0661:\u0662", "1:**"},
            {"istAbstrakt", "true", " false ", "1", "yes", "TRUE"},
            {"isReferenz", "0", "no"},
            {"maxSize", "1", "+5", "0", "-1", "x"},
            {"mediaType", "text/plain", "application/vnd.oasis+xml", "text", "text/", "/plain", "a/b/c",
                "text/plain;x", " image/png "},
            {"name", "Stra\u00DFe\tNr.", "M\u0302", "x\u0302", "\u20AC 5", "\u00A0", "a\u200Bb"},
        };
        for (String[] row : values) {
            for (int i = 1; i < row.length; i++) {
                String value = unescape(row[i]);
                kinds.put("value-" + row[0] + "=" + row[i], new Mutation(row[0], e -> children(e).isEmpty()
                        && setText(e, value)));
            }
        }
        for (String code : List.of(" input ", "input\n", "Input", "label", "select", "hidden", "")) {
            kinds.put("code-feldart=" + code, new Mutation("feldart", e -> setCode(e, unescape(code))));
        }
        kinds.put("attr-listURI-wrong", new Mutation("feldart", e -> setAttribute(e, "listURI", "urn:falsch")));
        kinds.put("attr-listURI-spaces", new Mutation("datentyp", e -> setAttribute(e, "listURI",
                " urn:xoev-de:fim:codeliste:xdatenfelder.datentyp ")));
        kinds.put("attr-listVersionID-wrong", new Mutation("schemaelementart",
                e -> setAttribute(e, "listVersionID", "9.9")));
        kinds.put("attr-listVersionID-removed", new Mutation("freigabestatus", e -> removeAttribute(e,
                "listVersionID")));
        kinds.put("attr-unknown", new Mutation("name", e -> setAttribute(e, "sprache", "de")));
        kinds.put("attr-unknown-on-code", new Mutation("feldart", e -> setAttribute(e, "listAgencyID", "x")));
        kinds.put("attr-praezisierung-minLength", new Mutation("praezisierung",
                e -> setAttribute(e, "minLength", "-1")));
        kinds.put("attr-praezisierung-maxLength", new Mutation("praezisierung",
                e -> setAttribute(e, "maxLength", "0")));
        kinds.put("attr-praezisierung-ok", new Mutation("praezisierung", e -> setAttribute(e, "maxLength", " 5 ")));
        kinds.put("attr-bezug-link", new Mutation("bezug", e -> setAttribute(e, "link", "https://example.org/a")));
        kinds.put("attr-stichwort-uri-removed", new Mutation("stichwort", e -> removeAttribute(e, "uri")));
        kinds.put("attr-xsi-schemaLocation", new Mutation("header", e -> setRootAttribute(e,
                "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation", "urn:x xdatenfelder.xsd")));
        kinds.put("attr-xsi-type", new Mutation("header", e -> setRootAttribute(e,
                "http://www.w3.org/2001/XMLSchema-instance", "xsi:nil", "true")));
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (text.startsWith("\\t", i) || text.startsWith("\\n", i)) {
                out.append(text.charAt(i + 1) == 't' ? '\t' : '\n');
                i++;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean insertAfter(Element sibling, String name, String text, int times) {
        Document doc = sibling.getOwnerDocument();
        for (int i = 0; i < times; i++) {
            Element added = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "xdf:" + name);
            added.setTextContent(text);
            sibling.getParentNode().insertBefore(added, sibling.getNextSibling());
        }
        return true;
    }

    private static boolean appendXdf(Element parent, String name, String text, int times) {
        Document doc = parent.getOwnerDocument();
        for (int i = 0; i < times; i++) {
            Element added = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "xdf:" + name);
            added.setTextContent(text);
            parent.appendChild(added);
        }
        return true;
    }

    private static boolean duplicateFirstChild(Element parent) {
        List<Element> children = children(parent);
        return !children.isEmpty() && duplicate(children.get(0));
    }

    private static boolean replaceFieldByGroup(Element enthaelt) {
        Document doc = enthaelt.getOwnerDocument();
        List<Element> groups = xdf(doc, "datenfeldgruppe");
        List<Element> children = children(enthaelt);
        if (groups.isEmpty() || children.isEmpty() || !"datenfeld".equals(children.get(0).getLocalName())) {
            return false;
        }
        Element group = groups.get(groups.size() - 1);
        if (group.getParentNode() == enthaelt) {
            return false;
        }
        enthaelt.replaceChild(group.cloneNode(true), children.get(0));
        return true;
    }

    private static boolean appendUnqualified(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(null, name);
        child.setTextContent(text);
        parent.appendChild(child);
        return true;
    }

    private static boolean qualifyFirstChild(Element parent) {
        List<Element> children = children(parent);
        if (children.isEmpty()) {
            return false;
        }
        Document doc = parent.getOwnerDocument();
        Element qualified = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "xdf:code");
        qualified.setTextContent(children.get(0).getTextContent());
        parent.replaceChild(qualified, children.get(0));
        return true;
    }

    private static boolean insertText(Element parent, String text) {
        List<Element> children = children(parent);
        if (children.isEmpty()) {
            return false;
        }
        parent.insertBefore(parent.getOwnerDocument().createTextNode(text), children.get(children.size() - 1));
        return true;
    }

    private static boolean insertForeign(Element parent) {
        Element foreign = parent.getOwnerDocument().createElementNS("urn:example:fremd", "f:notiz");
        foreign.setTextContent("x");
        parent.insertBefore(foreign, parent.getFirstChild());
        return true;
    }

    private static boolean renameRoot(Element any, String name) {
        Document doc = any.getOwnerDocument();
        doc.renameNode(doc.getDocumentElement(), doc.getDocumentElement().getNamespaceURI(), "xdf:" + name);
        return true;
    }

    private static boolean swapWithNext(Element element) {
        List<Element> siblings = children((Element) element.getParentNode());
        int index = siblings.indexOf(element);
        if (index + 1 >= siblings.size()) {
            return false;
        }
        element.getParentNode().insertBefore(siblings.get(index + 1), element);
        return true;
    }

    private static boolean setAttribute(Element element, String name, String value) {
        element.setAttributeNS(null, name, value);
        return true;
    }

    private static boolean removeAttribute(Element element, String name) {
        if (!element.hasAttributeNS(null, name)) {
            return false;
        }
        element.removeAttributeNS(null, name);
        return true;
    }

    private static boolean setRootAttribute(Element any, String namespace, String name, String value) {
        any.getOwnerDocument().getDocumentElement().setAttributeNS(namespace, name, value);
        return true;
    }

    private static List<Element> xdf(Document doc, String localName) {
        String namespace = doc.getDocumentElement().getNamespaceURI();
        NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static boolean swapLastDifferentPair(Element parent) {
        List<Element> children = children(parent);
        for (int i = children.size() - 1; i > 0; i--) {
            Element a = children.get(i - 1);
            Element b = children.get(i);
            if (!a.getLocalName().equals(b.getLocalName())) {
                parent.insertBefore(b, a);
                return true;
            }
        }
        return false;
    }

    private static boolean duplicate(Element element) {
        element.getParentNode().insertBefore(element.cloneNode(true), element.getNextSibling());
        return true;
    }

    private static boolean insertUnknown(Element parent) {
        Document doc = parent.getOwnerDocument();
        Element unknown = doc.createElementNS(doc.getDocumentElement().getNamespaceURI(), "xdf:unbekannt");
        unknown.setTextContent("x");
        List<Element> children = children(parent);
        parent.insertBefore(unknown, children.size() > 1 ? children.get(1) : null);
        return true;
    }

    private static boolean appendText(Element element, String text) {
        if (!children(element).isEmpty()) {
            return false;
        }
        element.setTextContent(element.getTextContent() + text);
        return true;
    }

    private static boolean setText(Element element, String text) {
        element.setTextContent(text);
        return true;
    }

    private static boolean setCode(Element holder, String code) {
        return children(holder).stream().filter(c -> "code".equals(c.getLocalName())).findFirst().map(c -> {
            c.setTextContent(code);
            return true;
        }).orElse(false);
    }

    private static boolean remove(Element element) {
        element.getParentNode().removeChild(element);
        return true;
    }

    private static boolean removeChildren(Element parent, String childName) {
        List<Element> matching = children(parent).stream().filter(c -> childName.equals(c.getLocalName())).toList();
        matching.forEach(parent::removeChild);
        return !matching.isEmpty();
    }

    private static byte[] serialize(Document doc) throws Exception {
        Transformer transformer = XML.transformerFactory().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    // ---- xmllint ---------------------------------------------------------------------------------------------------

    /** Validates the cases of one namespace in one xmllint run; whether each is valid by its own line of output. */
    private static Map<String, Boolean> xmllint(String namespace, Map<String, byte[]> cases) throws Exception {
        Path xsd = namespace.equals(XDF3) ? fixtures().resolve("xsd/xdatenfelder-3.0.0/xdatenfelder.xsd")
                : xdf2Xsd();
        Path folder = Files.createDirectories(dir.resolve(namespace.equals(XDF3) ? "xdf3" : "xdf2"));
        Map<Path, String> byFile = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            if (text.contains("\"" + namespace + "\"")) {
                Path file = folder.resolve("case" + byFile.size() + ".xml");
                Files.write(file, entry.getValue());
                byFile.put(file, entry.getKey());
            }
        }
        List<String> command = new ArrayList<>(List.of(XMLLINT.toString(), "--noout", "--nonet", "--schema",
                xsd.toString()));
        byFile.keySet().forEach(p -> command.add(p.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Map<String, Boolean> valid = new LinkedHashMap<>();
        for (Map.Entry<Path, String> entry : byFile.entrySet()) {
            String file = entry.getKey().toString();
            if (output.contains(file + " validates")) {
                valid.put(entry.getValue(), true);
            } else if (output.contains(file + " fails to validate")) {
                valid.put(entry.getValue(), false);
            } else {
                fail("xmllint said nothing about " + entry.getValue() + ":\n" + output);
            }
        }
        return valid;
    }

    /** The 2.0 XSD set: its own files from the test resources, the two shared with 3.0.0 from the fixtures. */
    private static Path xdf2Xsd() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("xsd-2.0"));
        for (String name : XDF2_XSD_FILES) {
            Files.write(folder.resolve(name), resource("/de/ozgsdk/forms/xsd/xdatenfelder-2.0/" + name));
        }
        for (String name : SHARED_XSD_FILES) {
            Files.copy(fixtures().resolve("xsd/xdatenfelder-3.0.0").resolve(name), folder.resolve(name));
        }
        return folder.resolve("xdatenfelder.xsd");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = XsdDifferentialTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Path fixtures() {
        return SharedFixtures.requireFim();
    }
}
