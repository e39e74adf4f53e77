package de.ozgsdk.portal.findability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A reader of RDFa Lite 1.1 ({@code vocab}, {@code typeof}, {@code property}, {@code resource}) written for the tests
 * after the W3C recommendation: a {@code typeof} starts a node, a {@code property} adds a value to the nearest
 * enclosing node, and the value is a nested node (with {@code typeof}), {@code content}, {@code href}, or the text.
 */
final class RdfaLite {

    /** A typed node of the graph with its properties in document order. */
    record Node(String vocab, String type, String resource, Map<String, List<Object>> properties) {

        List<Object> all(String property) {
            return properties.getOrDefault(property, List.of());
        }

        String text(String property) {
            List<Object> values = all(property);
            if (values.size() != 1 || !(values.get(0) instanceof String text)) {
                throw new AssertionError("expected one literal " + property + ", got " + values);
            }
            return text;
        }

        Node node(String property) {
            List<Object> values = all(property);
            if (values.size() != 1 || !(values.get(0) instanceof Node node)) {
                throw new AssertionError("expected one node " + property + ", got " + values);
            }
            return node;
        }
    }

    private RdfaLite() {
    }

    /** The top-level typed nodes of an HTML fragment. */
    static List<Node> read(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        List<Node> nodes = new ArrayList<>();
        collectTopLevel(document.body(), null, nodes);
        return nodes;
    }

    private static void collectTopLevel(Element element, String vocab, List<Node> nodes) {
        for (Element child : element.children()) {
            String childVocab = child.hasAttr("vocab") ? child.attr("vocab") : vocab;
            if (child.hasAttr("typeof")) {
                nodes.add(node(child, childVocab));
            } else {
                collectTopLevel(child, childVocab, nodes);
            }
        }
    }

    private static Node node(Element subject, String vocab) {
        Node node = new Node(vocab, subject.attr("typeof"), subject.attr("resource"), new LinkedHashMap<>());
        collectProperties(subject, vocab, node);
        return node;
    }

    private static void collectProperties(Element element, String vocab, Node node) {
        for (Element child : element.children()) {
            String childVocab = child.hasAttr("vocab") ? child.attr("vocab") : vocab;
            if (child.hasAttr("property")) {
                Object value = child.hasAttr("typeof") ? node(child, childVocab)
                        : child.hasAttr("content") ? child.attr("content")
                        : child.hasAttr("href") ? child.attr("href")
                        : child.text();
                node.properties().computeIfAbsent(child.attr("property"), p -> new ArrayList<>()).add(value);
            } else if (child.hasAttr("typeof")) {
                throw new AssertionError("a typed node without property inside " + node.type() + ": " + child);
            } else {
                collectProperties(child, childVocab, node);
            }
        }
    }
}
