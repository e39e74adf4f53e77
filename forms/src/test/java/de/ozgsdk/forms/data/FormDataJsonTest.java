package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormDataJsonTest {

    private final FormDataJson json = FormDataJson.of(TestSchemas.person());

    private static DataError codeOf(Throwable e) {
        return (DataError) ((OzgException) e).code();
    }

    @Test
    void writesFitConnectStyleWithTypedValuesInSchemaOrder() {
        FormData data = TestSchemas.minimalPerson().toBuilder()
                .value("F4", "3").value("F5", "12,50").value("F7", "true").value("F3", "31.01.2024")
                .values("F14", List.of("0221 1"))
                .group("G2", FormData.builder().value("F30", "Anna").build())
                .build();

        assertThat(json.write(data)).isEqualTo("{\"F1\":\"Müller\",\"F3\":\"2024-01-31\",\"F4\":3,\"F5\":12.50,"
                + "\"F7\":true,\"F14\":[\"0221 1\"],\"G1\":{\"F20\":\"Hauptstraße 1\",\"F21\":\"Köln\"},"
                + "\"G2\":[{\"F30\":\"Anna\"}]}");
    }

    @Test
    void writesInvalidValuesAsTheStringsEntered() {
        FormData data = FormData.builder().value("F4", "drei").value("F3", "31.02.2024").build();

        assertThat(json.write(data)).isEqualTo("{\"F3\":\"31.02.2024\",\"F4\":\"drei\"}");
    }

    @Test
    void readsNumbersBooleansAndStrings() {
        FormData data = json.read("{\"F4\": 3, \"F5\": \"12,50\", \"F6\": 2.5, \"F7\": false, \"F1\": \"Müller\"}");

        assertThat(data.value("F4")).contains("3");
        assertThat(data.value("F5")).contains("12,50");
        assertThat(data.value("F6")).contains("2.5");
        assertThat(data.value("F7")).contains("false");
    }

    @Test
    void readsASingleObjectForARepeatableGroupAndNullAsAbsent() {
        FormData data = json.read("{\"G2\": {\"F30\": \"Anna\"}, \"F2\": null}");

        assertThat(data.groups("G2")).hasSize(1);
        assertThat(data.ids()).containsExactly("G2");
    }

    @Test
    void roundTripsCanonicalData() {
        FormData data = TestSchemas.minimalPerson().toBuilder()
                .value("F4", "3").value("F5", "12.50").value("F3", "2024-01-31").value("F7", "false")
                .values("F14", List.of("1", "2"))
                .group("G2", FormData.builder().value("F30", "Anna")
                        .group("G3", FormData.builder().value("F31", "Grundschule").build()).build())
                .build();

        assertThat(json.read(json.write(data))).isEqualTo(data);
    }

    @Test
    void writesToAWriter() {
        StringWriter out = new StringWriter();
        json.write(TestSchemas.minimalPerson(), out);

        assertThat(json.read(out.toString())).isEqualTo(TestSchemas.minimalPerson());
    }

    @Test
    void rejectsUnknownIdsWithTheirPath() {
        assertThatThrownBy(() -> json.read("{\"G2\": [{\"F30\": \"Anna\"}, {\"F99\": \"x\"}]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("G2[1].F99")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.UNKNOWN_ELEMENT));
    }

    @Test
    void rejectsUnknownIdsOnWrite() {
        assertThatThrownBy(() -> json.write(FormData.builder().value("F99", "x").build()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.UNKNOWN_ELEMENT));
    }

    @Test
    void rejectsAnObjectForAField() {
        assertThatThrownBy(() -> json.read("{\"F1\": {\"a\": 1}}"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.JSON_WRONG_SHAPE));
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        assertThatThrownBy(() -> json.read("{\"F1\": \n \"Müller\""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.JSON_MALFORMED));
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> json.read("{\"F1\": \"a\", \"F1\": \"b\"}"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.JSON_MALFORMED));
    }

    @Test
    void rejectsNumbersThatWouldExpandToHugeText() {
        assertThatThrownBy(() -> json.read("{\"F6\": 1e999999999}"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsNumbersWhoseExponentOverflows() {
        assertThatThrownBy(() -> json.read("{\"F6\": -0.0e-5199999999}"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void enforcesTheLimitsOnValuesLengthAndRepetitions() {
        FormDataJson limited = FormDataJson.of(TestSchemas.person(),
                DataLimits.builder().maxValues(2).maxValueLength(5).maxRepetitions(2).build());

        assertThatThrownBy(() -> limited.read("{\"F14\": [\"1\", \"2\", \"3\"]}"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.TOO_MANY_REPETITIONS));
        assertThatThrownBy(() -> limited.read("{\"F1\": \"123456\"}"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.VALUE_TOO_LONG));
        assertThatThrownBy(() -> limited.read("{\"F1\": \"a\", \"F2\": \"b\", \"F3\": \"c\"}"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.TOO_MANY_VALUES));
    }

    @Test
    void reportsAReaderThatFailsWhileTheTextIsReadAgainAsAProcessingErrorNotAsMalformedJson() {
        IOException failure = new IOException("connection reset");
        // the streaming pass stops at the unknown id; the second pass then meets the failing rest of the input
        Reader failing = new Reader() {
            private final Reader head = new StringReader("{\"F99\": \"x\", ");

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = head.read(buffer, offset, length);
                if (n < 0) {
                    throw failure;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> json.read(failing))
                .isInstanceOf(ProcessingException.class)
                .hasCause(failure)
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.JSON_MALFORMED));
    }

    @Test
    void reportsAFailingWriterAsAWriteErrorWithItsIoException() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> json.write(TestSchemas.minimalPerson(), failing))
                .isInstanceOf(ProcessingException.class)
                .hasCauseExactlyInstanceOf(IOException.class)
                .hasMessageContaining("disk full")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.WRITE_FAILED));
    }
}
