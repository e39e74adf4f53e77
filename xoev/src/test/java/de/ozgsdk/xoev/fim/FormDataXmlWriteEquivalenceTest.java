package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link FormDataXml} writes straight from the data; the text, the violations (code, data path, line, column, rule)
 * and the refusals must be exactly those of the tree-based writer it replaced ({@link TreeWriterOracle}), for valid
 * data, for values as users type them (German numbers and dates, blanks, characters to escape, values the XSD
 * refuses) and for data that do not fit the schema.
 */
class FormDataXmlWriteEquivalenceTest {

    private static final String[] RAW = {"12,5", "12.50", " 7 ", "-0", "1e3", "zwei", "TRUE", "false", "31.01.2024",
        "2024-02-30", "1.2.2024", "14:30", "14:30:15", "25:00", "2024-01-31T14:30", "2024-01-31T14:30+01:00",
        "2024-01-31T14:30Z", "31.01.2024 14:30", "Müller & Söhne <GmbH> \"Ü\"", "a\r\nb\tc", "   ", "",
        "x\u0001y", "\uD83D\uDE00 ok", "dackel", "000", "DE12345678901234567890", "1234567890123456789012345678901",
        "x".repeat(300), "007", "0", "00", "-0.0", "+5", "0.50", "1.", ".5", "1.2.3", "12.345678901234567890123",
        "1".repeat(31), "2024-1-31", "2024-02-29", "0000-01-01", "14:30:00", "00:00", "24:00", "12:60:00", " 14:30",
        "2024-01-31T14:30:00", "2024-01-31T14:30:00.5", "2024-01-31T14:30:00Z", "2024-01-31T14:30:15+01:00",
        "2024-01-31T14:30:00+00:00", "2024-01-31T14:30:00-00:00", "2024-01-31T14:30:00+18:01", "2024-02-30T14:30:00Z",
        "2024-01-31T14:30:60+01:00", "2024-01-31T24:00:00-05:30", "2024-01-31T14:30:00+0100", "2024-01-31T14:30+01:00",
        "2024-01-31T14:30:00+01:60"};

    @Property(tries = 300)
    void writesTheSameDocumentAndViolationsAsTheTreeWriter(@ForAll @IntRange(min = 0, max = 4) int schemaIndex,
                                                            @ForAll long seed) {
        FormSchema schema = ExampleSchemas.all().get(schemaIndex);
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build().generate(schema);
        FormDataXml xml = FormDataXml.builder(schema).xsd(xsd).build();
        TreeWriterOracle oracle = new TreeWriterOracle(schema, xsd);
        Random random = new Random(seed);
        FormData data = random.nextInt(4) == 0
                ? new ValidData(random, ExampleSchemas.CODES).instance(schema.children(), false)
                : typed(schema.children(), random, 0);

        assertThat(outcome(() -> xml.write(data))).isEqualTo(outcome(() -> oracle.write(data)));
        assertThat(outcome(() -> stax(xml, data))).isEqualTo(outcome(() -> oracle.writeToStax(data)));
        assertThat(outcome(() -> bytes(xml, data))).isEqualTo(outcome(() -> oracle.write(data)));
    }

    @Test
    void writesTheSameViolationsForValuesTheXsdRefuses() {
        FormSchema schema = ExampleSchemas.hundesteuer();
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build().generate(schema);
        FormData data = FormDataXmlTest.valid().toBuilder().value("F20000000007", "zwei")
                .group("G20000000001", FormData.builder().value("F20000000002", "x".repeat(300))
                        .value("F20000000003", "katze").value("F20000000005", "31.02.2024").build())
                .build();

        Object written = outcome(() -> FormDataXml.builder(schema).xsd(xsd).build().write(data));

        assertThat(written).isEqualTo(outcome(() -> new TreeWriterOracle(schema, xsd).write(data)));
        assertThat(written.toString()).contains("OZG-XFIM-205", "line 14, column 36 F20000000007[0]",
                "G20000000001[1].F20000000002[0]", "cvc-maxLength-valid", "cvc-enumeration-valid");
    }

    /** Values as users type them, also wrong ones; sometimes an id the schema lacks or a value where a group is. */
    private static FormData typed(List<ElementRef> children, Random random, int depth) {
        FormData.Builder data = FormData.builder();
        for (ElementRef child : children) {
            String id = child.id().id();
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                if (child.element() instanceof FieldGroup group) {
                    data.group(id, random.nextInt(8) == 0 ? FormData.builder().value(id, "blank?").build()
                            : typed(group.children(), random, depth + 1));
                } else if (child.element() instanceof Field field) {
                    data.addValue(id, value(field, random));
                }
            }
        }
        if (random.nextInt(40) == 0) {
            data.value("F99999999" + depth, "unbekannt");
        }
        return data.build();
    }

    private static String value(Field field, Random random) {
        if (field.kind() == FieldKind.LABEL && random.nextInt(3) > 0) {
            return " ";
        }
        if (random.nextBoolean() && field.dataType() != DataType.TEXT) {
            return switch (field.dataType()) {
                case NUM, NUM_CURRENCY -> random.nextInt(2000) / 100.0 + "";
                case NUM_INT -> Integer.toString(random.nextInt(100));
                case BOOL -> random.nextBoolean() ? "true" : "false";
                case DATE -> "2024-01-" + (10 + random.nextInt(19));
                case TIME -> "1" + random.nextInt(10) + ":3" + random.nextInt(10);
                default -> RAW[random.nextInt(RAW.length)];
            };
        }
        return RAW[random.nextInt(RAW.length)];
    }

    private static String bytes(FormDataXml xml, FormData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xml.write(data, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String stax(FormDataXml xml, FormData data) throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.write(data, writer);
        writer.flush();
        return out.toString();
    }

    /** The text written, or what the refusal says: type, code, message and (for data exceptions) violations. */
    private static Object outcome(Callable<String> write) {
        try {
            return write.call();
        } catch (FimDataException e) {
            return List.of(e.getClass(), e.code(), e.getMessage(), e.violations());
        } catch (OzgException e) {
            return List.of(e.getClass(), e.code(), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
