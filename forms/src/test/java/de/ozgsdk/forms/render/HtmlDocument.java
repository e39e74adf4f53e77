package de.ozgsdk.forms.render;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Rendered HTML read as XML (the renderer writes well-formed XHTML-compatible HTML) with the structural checks of
 * WCAG that can be decided without a browser: labels, unique ids, description targets, legends, language.
 */
final class HtmlDocument {

    private static final SecureXml XML = SecureXml.defaults();
    private static final Set<String> LABELLED = Set.of("input", "select", "textarea");

    private final Document document;

    private HtmlDocument(Document document) {
        this.document = document;
    }

    /** Parses a page (the doctype line is dropped: the hardened parser refuses any DOCTYPE) or a fragment. */
    static HtmlDocument parse(String html) {
        String xml = html.startsWith("<!DOCTYPE html>") ? html.substring(html.indexOf('\n') + 1) : html;
        return new HtmlDocument(XML.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "rendered.html"));
    }

    Element root() {
        return document.getDocumentElement();
    }

    List<Element> all(String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    Element byId(String id) {
        return allElements().stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst().orElse(null);
    }

    List<Element> allElements() {
        return all("*");
    }

    /** The parameters the browser would send for the form, pressing the given button (name=value), or none. */
    Map<String, List<String>> submission(String buttonName, String buttonValue) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Element element : allElements()) {
            String name = element.getAttribute("name");
            if (name.isEmpty() || element.hasAttribute("disabled")) {
                continue;
            }
            switch (element.getTagName()) {
                case "input" -> {
                    String type = element.getAttribute("type");
                    if (("checkbox".equals(type) || "radio".equals(type)) && !element.hasAttribute("checked")
                            || "file".equals(type)) {
                        continue;
                    }
                    parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(element.getAttribute("value"));
                }
                case "textarea" -> parameters.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(element.getTextContent());
                case "select" -> {
                    NodeList options = element.getElementsByTagName("option");
                    for (int i = 0; i < options.getLength(); i++) {
                        Element option = (Element) options.item(i);
                        if (option.hasAttribute("selected")) {
                            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(option.getAttribute("value"));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (buttonName != null) {
            parameters.computeIfAbsent(buttonName, k -> new ArrayList<>()).add(buttonValue);
        }
        return parameters;
    }

    /** Asserts the structural accessibility rules; returns this for chaining. */
    HtmlDocument assertAccessibleStructure() {
        Set<String> ids = new HashSet<>();
        for (Element element : allElements()) {
            String id = element.getAttribute("id");
            if (!id.isEmpty()) {
                assertThat(ids.add(id)).as("id %s is unique", id).isTrue();
                assertThat(id).as("id without white space").doesNotContainPattern("\\s");
            }
        }
        Set<String> labelled = new HashSet<>();
        for (Element label : all("label")) {
            String target = label.getAttribute("for");
            assertThat(target).as("label has for").isNotEmpty();
            assertThat(ids).as("label for=%s points at an element", target).contains(target);
            assertThat(label.getTextContent().strip()).as("label text").isNotEmpty();
            labelled.add(target);
        }
        for (Element element : allElements()) {
            if (LABELLED.contains(element.getTagName()) && !"hidden".equals(element.getAttribute("type"))) {
                assertThat(labelled).as("%s %s has a label", element.getTagName(), element.getAttribute("name"))
                        .contains(element.getAttribute("id"));
            }
            for (String attribute : List.of("aria-describedby", "aria-labelledby")) {
                if (element.hasAttribute(attribute)) {
                    for (String target : element.getAttribute(attribute).split(" ")) {
                        assertThat(ids).as("%s=%s points at an element", attribute, target).contains(target);
                    }
                }
            }
            if ("a".equals(element.getTagName()) && element.getAttribute("href").startsWith("#")) {
                assertThat(ids).as("link target %s exists", element.getAttribute("href"))
                        .contains(element.getAttribute("href").substring(1));
            }
            if ("button".equals(element.getTagName())) {
                assertThat(element.getTextContent().strip()).as("button text").isNotEmpty();
            }
        }
        for (Element fieldset : all("fieldset")) {
            Element first = firstChildElement(fieldset);
            assertThat(first).as("fieldset %s has a legend first", fieldset.getAttribute("id")).isNotNull();
            assertThat(first.getTagName()).as("fieldset %s starts with legend", fieldset.getAttribute("id"))
                    .isEqualTo("legend");
            assertThat(first.getTextContent().strip()).as("legend text").isNotEmpty();
        }
        if ("html".equals(root().getTagName())) {
            assertThat(root().getAttribute("lang")).isNotEmpty();
            assertThat(root().getAttribute("dir")).isIn("ltr", "rtl");
            assertThat(all("title")).singleElement().satisfies(t -> assertThat(t.getTextContent()).isNotBlank());
            assertThat(all("main")).hasSize(1);
        }
        return this;
    }

    private static Element firstChildElement(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
