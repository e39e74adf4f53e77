package de.ozgsdk.xoev.fim;

import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.xoev.internal.fim.StructureCheck;
import de.ozgsdk.xoev.internal.fim.XmlRendering;
import de.ozgsdk.xoev.internal.fim.XmlTree;
import de.ozgsdk.xoev.internal.xml.XmlChars;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writer of {@link FormDataXml} as it was before it wrote straight from the data (kept as the oracle of
 * {@code FormDataXmlWriteEquivalenceTest}): the data as a Jackson tree of {@link FormDataJson}, then an
 * {@link XmlTree}, rendered by {@link XmlRendering}, the rendered text validated by parsing it again, violations
 * mapped to their elements through the tag positions and made one per cause by {@link StructureCheck} from the tree.
 */
final class TreeWriterOracle {

    private static final Pattern SHORT_TIME = Pattern.compile("[0-9]{2}:[0-9]{2}");

    private final FormSchema schema;
    private final GeneratedXsd xsd;
    private final Schema compiled;
    private final SecureXml xml = SecureXml.defaults();
    private final FormDataJson json;

    TreeWriterOracle(FormSchema schema, GeneratedXsd xsd) {
        this.schema = schema;
        this.xsd = xsd;
        this.json = FormDataJson.of(schema);
        this.compiled = xml.newSchema(new ByteArrayInputStream(xsd.bytes()), xsd.schemaId() + ".xsd");
    }

    String write(FormData data) {
        XmlTree root = tree(data);
        XmlRendering rendering = XmlRendering.of(root, true, true);
        check(root, rendering);
        return rendering.text();
    }

    String writeToStax(FormData data) throws XMLStreamException {
        XmlTree root = tree(data);
        check(root, XmlRendering.of(root, false, false));
        StringWriter out = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        replay(root, writer, true);
        writer.flush();
        return out.toString();
    }

    private static void replay(XmlTree element, XMLStreamWriter writer, boolean root) throws XMLStreamException {
        writer.writeStartElement("", element.localName(), element.namespace());
        if (root) {
            writer.writeDefaultNamespace(element.namespace());
        }
        if (element.textLength() > 0) {
            writer.writeCharacters(element.text());
        }
        for (XmlTree child : element.children()) {
            replay(child, writer, false);
        }
        writer.writeEndElement();
    }

    private XmlTree tree(FormData data) {
        ObjectNode tree = json.toTree(data);
        XmlTree root = new XmlTree(xsd.targetNamespace(), xsd.rootElement(), "/", 0, 0);
        List<FimDataViolation> problems = new ArrayList<>();
        fill(root, tree, schema.children(), "", problems);
        if (!problems.isEmpty()) {
            throw new FimDataException(xsd.schemaId(), problems);
        }
        return root;
    }

    private void fill(XmlTree parent, ObjectNode node, List<ElementRef> children, String prefix,
                      List<FimDataViolation> problems) {
        Map<String, ElementRef> places = new LinkedHashMap<>();
        children.forEach(child -> places.putIfAbsent(child.id().id(), child));
        for (Map.Entry<String, ElementRef> place : places.entrySet()) {
            String id = place.getKey();
            JsonNode value = node.get(id);
            if (value == null) {
                continue;
            }
            List<JsonNode> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(items::add);
            } else {
                items.add(value);
            }
            for (int i = 0; i < items.size(); i++) {
                String path = prefix + id + "[" + i + "]";
                JsonNode item = items.get(i);
                if (isBlank(item)) {
                    continue;
                }
                if (place.getValue().element() instanceof Field field) {
                    if (field.kind() == FieldKind.LABEL) {
                        problems.add(violation(FimXmlError.LABEL_HOLDS_VALUE, path));
                        continue;
                    }
                    String text = toXml(field.dataType(), item);
                    if (!XmlChars.isXmlText(text)) {
                        problems.add(violation(FimXmlError.CHARACTER_NOT_XML, path));
                        continue;
                    }
                    parent.add(new XmlTree(xsd.targetNamespace(), id, path, 0, 0)).appendText(text);
                } else if (place.getValue().element() instanceof FieldGroup group && item.isObject()) {
                    XmlTree instance = parent.add(new XmlTree(xsd.targetNamespace(), id, path, 0, 0));
                    fill(instance, (ObjectNode) item, group.children(), path + ".", problems);
                }
            }
        }
    }

    private static String toXml(DataType type, JsonNode value) {
        if (value.isBigDecimal() || value.isFloatingPointNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        // as the validator checks it: stripped, Latin text in NFC
        String text = value.asString().strip();
        if (type == DataType.TEXT_LATIN) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        if (type == DataType.TIME && SHORT_TIME.matcher(text).matches()) {
            return text + ":00";
        }
        if (type == DataType.DATETIME && text.length() >= 16 && text.charAt(10) == 'T'
                && SHORT_TIME.matcher(text.substring(11, 16)).matches()
                && (text.length() == 16 || text.charAt(16) != ':')) {
            return text.substring(0, 16) + ":00" + text.substring(16);
        }
        return text;
    }

    private static boolean isBlank(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().isBlank();
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                if (!isBlank(child)) {
                    return false;
                }
            }
            return true;
        }
        return node.isNull();
    }

    private void check(XmlTree root, XmlRendering rendering) {
        List<FimDataViolation> violations = new ArrayList<>();
        Validator validator = xml.newValidator(compiled);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                if (violations.size() < 100) {
                    violations.add(xsdViolation(rendering, e));
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                violations.add(xsdViolation(rendering, e));
                throw e;
            }
        });
        try {
            InputSource source = new InputSource(new StringReader(rendering.text()));
            source.setSystemId(xsd.schemaId() + "-data.xml");
            validator.validate(new SAXSource(xml.newXmlReader(), source));
        } catch (SAXException | IOException e) {
            if (violations.isEmpty()) {
                throw new IllegalStateException(e);
            }
        }
        if (!violations.isEmpty()) {
            // refined from the tree, as reading does: the writer counts the elements from the data instead
            StructureCheck structure = new StructureCheck(schema);
            structure.tree(root, xsd.targetNamespace());
            throw new FimDataException(xsd.schemaId(), structure.refine(violations));
        }
    }

    private static FimDataViolation xsdViolation(XmlRendering rendering, SAXParseException e) {
        XmlRendering.Tag tag = rendering.tagAt(e.getLineNumber(), e.getColumnNumber());
        String message = Objects.toString(e.getMessage(), "");
        int colon = message.indexOf(':');
        String rule = colon > 0 && message.startsWith("cvc-") ? message.substring(0, colon) : "other";
        return new FimDataViolation(FimXmlError.XSD_VIOLATION, tag.element().path(), positive(e.getLineNumber()),
                positive(e.getColumnNumber()), Optional.empty(), List.of(rule));
    }

    private static OptionalInt positive(int n) {
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    private static FimDataViolation violation(FimXmlError code, String path) {
        return new FimDataViolation(code, path, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                List.of());
    }
}
