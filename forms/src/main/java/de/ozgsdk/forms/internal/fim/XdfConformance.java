package de.ozgsdk.forms.internal.fim;

import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.internal.fim.XdfContentModel.Attribute;
import de.ozgsdk.forms.internal.fim.XdfContentModel.ComplexType;
import de.ozgsdk.forms.internal.fim.XdfContentModel.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks an XDatenfelder message against the content model of its version ({@link XdfContentModel}, the official
 * XSD written down as a table) while the importer streams it: one small state per open element (which child item of
 * its type was seen last and how often), so every event costs a map lookup and a few comparisons; no second parse and
 * no XSD validator. Every deviation is collected as a {@link Deviation}; the importer decides whether it is an error
 * (strict) or a warning (lenient). {@code XsdDifferentialTest} holds the result against xmllint with the official XSDs.
 *
 * <p>One instance per import; not thread-safe. The model is shared and immutable.
 */
final class XdfConformance {

    private static final int MAX_VALUE_CHARS = 80;
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    /** One finding: its kind, the XSD rule it breaks ({@code cvc-pattern-valid}) and the names or value it concerns. */
    record Deviation(FimError code, String rule, List<String> expected, String value) {
    }

    private final XdfContentModel model;
    private final XMLStreamReader reader;
    private final List<Deviation> found = new ArrayList<>(2);
    private final Text text = new Text();
    /** Per open element: its complex type, or null for a simple type or an element not checked further. */
    private ComplexType[] complex = new ComplexType[32];
    /** Per open element: its simple type (or the simple content of its complex type), or null. */
    private XdfSimpleType[] simple = new XdfSimpleType[32];
    /** Per open element of element-only content: the index of the item seen last (-1: none) and its count. */
    private int[] item = new int[32];
    private int[] count = new int[32];
    /** Per open element: text where only elements are allowed was already reported. */
    private boolean[] textReported = new boolean[32];
    private int depth;
    private String seenModelNamespace;

    private XdfConformance(XdfContentModel model, XMLStreamReader reader) {
        this.model = model;
        this.reader = reader;
    }

    /** Starts checking at the root element the reader is positioned at (its start is checked at once). */
    static XdfConformance start(XdfVersion version, XMLStreamReader reader) {
        XdfConformance conformance = new XdfConformance(XdfContentModel.of(version), reader);
        conformance.startElement();
        return conformance;
    }

    /** Checks the start element the reader is at: its place in its parent's content model and its attributes. */
    void startElement() {
        if (depth == complex.length) {
            grow();
        }
        Object type = depth == 0 ? root() : child(depth - 1);
        complex[depth] = type instanceof ComplexType c && c.content == null ? c : null;
        simple[depth] = type instanceof XdfSimpleType s ? s : type instanceof ComplexType c ? c.content : null;
        item[depth] = -1;
        count[depth] = 0;
        textReported[depth] = false;
        depth++;
        text.clear();
        if (type != null) {
            attributes(type instanceof ComplexType c ? c : null);
        }
    }

    /** Checks the characters the reader is at: text of a simple value is kept, other text must be white space. */
    void characters() {
        int top = depth - 1;
        if (top < 0) {
            return;
        }
        if (simple[top] != null) {
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        } else if (complex[top] != null && !textReported[top] && !reader.isWhiteSpace()) {
            // asked for only here: the white space between elements need not become characters
            char[] chars = reader.getTextCharacters();
            int start = reader.getTextStart();
            int length = reader.getTextLength();
            for (int i = start; i < start + length; i++) {
                char c = chars[i];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    textReported[top] = true;
                    found.add(new Deviation(FimError.XSD_ELEMENT_UNEXPECTED, "cvc-complex-type.2.3", List.of(),
                            shorten(new String(chars, start, length))));
                    break;
                }
            }
        }
    }

    /** Checks the end element the reader is at: no required child missing, a simple value valid. */
    void endElement() {
        int top = depth - 1;
        ComplexType type = complex[top];
        if (type != null) {
            int at = item[top];
            if (!satisfied(type, at, count[top]) || type.nextRequired[at + 1] < type.items.length) {
                found.add(new Deviation(FimError.XSD_ELEMENT_MISSING, "cvc-complex-type.2.4.b",
                        expected(type, at, count[top]), ""));
            }
        } else if (simple[top] != null && !simple[top].accepts(text)) {
            found.add(new Deviation(FimError.XSD_VALUE_INVALID, simple[top].rule(), List.of(), shorten(text)));
        }
        complex[top] = null;
        simple[top] = null;
        depth--;
        text.clear();
    }

    /**
     * Whether the text of the current element is being kept for the check of its simple value (nothing nested in it
     * so far): then {@link #keptText()} holds all its character data, and the reader need not gather it again.
     */
    boolean keepsText() {
        return depth > 0 && simple[depth - 1] != null;
    }

    /** The character data of the current element so far, while {@link #keepsText()}; valid until the next event. */
    CharSequence keptText() {
        return text;
    }

    /** The deviations found since the last call, oldest first; the list is emptied. */
    List<Deviation> drain() {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Deviation> result = List.copyOf(found);
        found.clear();
        return result;
    }

    /** Whether there are deviations to {@link #drain()}. */
    boolean hasDeviations() {
        return !found.isEmpty();
    }

    // ---- content models --------------------------------------------------------------------------------------------

    private Object root() {
        ComplexType type = model.namespace.equals(reader.getNamespaceURI()) ? model.roots.get(reader.getLocalName())
                : null;
        if (type == null) {
            found.add(new Deviation(FimError.XSD_ELEMENT_UNEXPECTED, "cvc-elt.1", List.copyOf(model.roots.keySet()),
                    ""));
        }
        return type;
    }

    /** The type of the child starting now under the element at {@code parent}, or null where it may not stand. */
    private Object child(int parent) {
        ComplexType type = complex[parent];
        if (type == null) {
            if (simple[parent] != null) {
                // an element inside a simple value: the value is not checked any further
                simple[parent] = null;
                found.add(new Deviation(FimError.XSD_ELEMENT_UNEXPECTED, "cvc-type.3.1.2", List.of(), ""));
            }
            return null;
        }
        String namespace = reader.getNamespaceURI();
        String local = reader.getLocalName();
        boolean qualified = namespace != null && !namespace.isEmpty();
        Integer index = !qualified ? type.unqualifiedItemOf.get(local)
                : isModelNamespace(namespace) ? type.itemOf.get(local) : null;
        int at = item[parent];
        int seen = count[parent];
        if (index != null) {
            int j = index;
            if (j == at && seen < type.items[j].max) {
                count[parent] = seen + 1;
                return type.childType(j, local, qualified);
            }
            if (j > at && satisfied(type, at, seen) && type.nextRequired[at + 1] >= j) {
                item[parent] = j;
                count[parent] = 1;
                return type.childType(j, local, qualified);
            }
        }
        List<String> expected = expected(type, at, seen);
        found.add(new Deviation(FimError.XSD_ELEMENT_UNEXPECTED,
                expected.isEmpty() ? "cvc-complex-type.2.4.d" : "cvc-complex-type.2.4.a", expected, ""));
        return null;
    }

    /** The parser hands out the same string instance for a namespace: compared by content only once. */
    private boolean isModelNamespace(String namespace) {
        if (namespace == seenModelNamespace) {
            return true;
        }
        if (model.namespace.equals(namespace)) {
            seenModelNamespace = namespace;
            return true;
        }
        return false;
    }

    private static boolean satisfied(ComplexType type, int at, int seen) {
        return at < 0 || seen >= type.items[at].min;
    }

    /** The names that may come next: the current item if it may repeat, then up to the first required one. */
    private static List<String> expected(ComplexType type, int at, int seen) {
        List<String> names = new ArrayList<>();
        int from = at;
        if (at >= 0 && seen < type.items[at].max) {
            addNames(names, type.items[at]);
        }
        if (!satisfied(type, at, seen)) {
            return names;
        }
        for (int i = from + 1; i < type.items.length; i++) {
            addNames(names, type.items[i]);
            if (type.items[i].min > 0) {
                break;
            }
        }
        return names;
    }

    private static void addNames(List<String> names, Item item) {
        for (String key : item.keys) {
            names.add(key.startsWith(".") ? key.substring(1) : key);
        }
    }

    // ---- attributes ------------------------------------------------------------------------------------------------

    private void attributes(ComplexType type) {
        int attributes = reader.getAttributeCount();
        int requiredSeen = 0;
        for (int i = 0; i < attributes; i++) {
            String namespace = reader.getAttributeNamespace(i);
            String local = reader.getAttributeLocalName(i);
            if (namespace != null && !namespace.isEmpty()) {
                if (!XSI.equals(namespace) || !local.equals("schemaLocation")
                        && !local.equals("noNamespaceSchemaLocation")) {
                    found.add(new Deviation(FimError.XSD_VALUE_INVALID, "cvc-complex-type.3.2.2", List.of(),
                            local));
                }
                continue;
            }
            Attribute attribute = type == null ? null : type.attributes.get(local);
            String value = reader.getAttributeValue(i);
            if (attribute == null) {
                found.add(new Deviation(FimError.XSD_VALUE_INVALID, "cvc-complex-type.3.2.2", List.of(), local));
            } else {
                requiredSeen += attribute.required() ? 1 : 0;
                if (!attribute.type().acceptsAttribute(value, attribute.fixed())) {
                    found.add(new Deviation(FimError.XSD_VALUE_INVALID,
                            attribute.fixed() == null ? attribute.type().rule() : "cvc-attribute.4", List.of(),
                            local + "=\"" + shorten(value) + "\""));
                }
            }
        }
        if (type != null && requiredSeen < type.required.size()) {
            for (Attribute attribute : type.required) {
                if (reader.getAttributeValue(null, attribute.name()) == null) {
                    found.add(new Deviation(FimError.XSD_VALUE_INVALID, "cvc-complex-type.4", List.of(),
                            "@" + attribute.name()));
                }
            }
        }
    }

    private static String shorten(CharSequence text) {
        String value = text.toString().strip();
        return value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
    }

    /**
     * The character data of the current simple value, copied in as arrays: a {@link StringBuilder} checked every
     * character for Latin-1 on the way in, which cost more than the copy itself.
     */
    private static final class Text implements CharSequence {
        private char[] chars = new char[256];
        private int length;

        void append(char[] source, int start, int count) {
            if (length + count > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length + count));
            }
            System.arraycopy(source, start, chars, length, count);
            length += count;
        }

        void clear() {
            length = 0;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[Objects.checkIndex(index, length)];
        }

        @Override
        public String subSequence(int start, int end) {
            Objects.checkFromToIndex(start, end, length);
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    private void grow() {
        int size = complex.length * 2;
        complex = Arrays.copyOf(complex, size);
        simple = Arrays.copyOf(simple, size);
        item = Arrays.copyOf(item, size);
        count = Arrays.copyOf(count, size);
        textReported = Arrays.copyOf(textReported, size);
    }
}
