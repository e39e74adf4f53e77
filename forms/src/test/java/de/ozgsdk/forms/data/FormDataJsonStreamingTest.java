package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FormDataJson#read(String)} streams valid input straight into {@link FormData} and hands anything else to the
 * tree reader, which reports the problem. These tests hold the two readers to each other: the streaming reader
 * accepts exactly what the tree reader accepts, with equal data, and {@code read} reports what the tree reader
 * reports.
 */
class FormDataJsonStreamingTest {

    private static final FormDataJson JSON = FormDataJson.of(TestSchemas.person(),
            DataLimits.builder().maxValues(12).maxValueLength(20).maxRepetitions(3).build());

    static List<String> documents() {
        return List.of(
                "{}", "", " ", "null", "[]", "\"F1\"", "3", "true", "{\"F1\": \"Müller\"} ", "{\"F1\": \"a\"} {}",
                "{\"F1\": \"a\"} x", "{\"F1\": \"a\"", "{\"F1\": \"a\",}", "{\"F1\": \"\\q\"}", "{\"F1\": \"\\u00fc\"}",
                "{\"F1\": null, \"F2\": [null, \"x\"], \"F14\": []}", "{\"F1\": \"a\", \"F1\": \"b\"}",
                "{\"F4\": 3, \"F5\": \"12,50\", \"F6\": 2.5, \"F7\": false, \"F1\": true}",
                "{\"F4\": -0, \"F6\": -0.0, \"F5\": 0.00, \"F1\": 0e5, \"F2\": 1.50E+3, \"F3\": 1e-3}",
                "{\"F4\": 123456789012345678901234567890, \"F6\": 1E2}", "{\"F6\": 1e999999999}",
                "{\"F6\": -0.0e-5199999999}", "{\"F6\": 1e61}", "{\"F6\": 1e60}", "{\"F6\": 1e-61}",
                "{\"F6\": " + "1".repeat(61) + "}", "{\"F6\": NaN}", "{\"F6\": 01}",
                "{\"F14\": [\"1\", \"2\", \"3\"]}", "{\"F14\": [\"1\", \"2\", \"3\", \"4\"]}",
                "{\"F14\": [\"1\", {}, \"3\", \"4\"]}", "{\"F14\": [[]]}", "{\"F14\": \"x\", \"F99\": 1}",
                "{\"F99\": [1, 2, }", "{\"F1\": \"" + "x".repeat(21) + "\"}", "{\"F1\": \"" + "x".repeat(20) + "\"}",
                "{\"F1\": \"" + "x".repeat(1001) + "\"}",
                "{\"F1\": {\"a\": 1}}", "{\"F1\": [{\"a\": 1}]}", "{\"G1\": \"x\"}", "{\"G1\": 1}", "{\"G1\": [1]}",
                "{\"G1\": [null]}", "{\"G1\": {}}", "{\"G1\": [{}, {}]}", "{\"G1\": {\"F20\": \"a\", \"F21\": 2}}",
                "{\"G1\": {\"F30\": \"a\"}}", "{\"G2\": [{\"F30\": \"Anna\"}, {\"F99\": \"x\"}]}",
                "{\"G2\": [{\"F30\": \"A\", \"G3\": [{\"F31\": \"S\"}, {\"F31\": \"T\"}]}, {\"F32\": \"2024-01-31\"}]}",
                "{\"G2\": [{}, {}, {}, {}]}", "{\"G2\": [{\"F99\": 1}, {}, {}, {}]}",
                "{\"G2\": [{\"G3\": [{}, {}, {}, {}]}, {}, {}, {}]}",
                "{\"G2\": [{\"G3\": [{\"F31\": {}}, {}, {}, {}]}]}",
                "{\"F1\": \"a\", \"F2\": \"b\", \"F3\": \"c\", \"F4\": 1, \"F5\": 2, \"F6\": 3, \"F7\": true, "
                        + "\"F8\": \"d\", \"F9\": \"e\", \"F10\": \"f\", \"F11\": \"g\", \"F12\": \"h\", "
                        + "\"F13\": \"i\"}",
                "{\"F1\": \"a\" /* c */}", "{'F1': 'a'}", "{\"F1\": \"a\"}\n\n", "\uFEFF{\"F1\": \"a\"}",
                "{\"G2\": " + "[".repeat(250) + "]".repeat(250) + "}");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void streamingAcceptsExactlyWhatTheTreeReaderAccepts(String document) {
        assertAgree(document);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void readingTextAndReadingAReaderGiveTheSameOutcome(String document) {
        Object fromText = outcome(() -> JSON.read(document));
        Object fromReader = outcome(() -> JSON.read(new ChunkedReader(document)));

        assertThat(fromReader).isEqualTo(fromText);
    }

    @Test
    void readsValidDataOnTheStreamingPath() throws IOException {
        String document = "{\"F1\": \"Müller\", \"F14\": [\"1\", null, \"2\"], \"G1\": {\"F20\": \"Weg 1\"}, "
                + "\"G2\": [{\"F30\": \"Anna\"}, {\"F30\": \"Ben\", \"G3\": {\"F31\": \"Schule\"}}]}";

        FormData streamed = JSON.readStreaming(document);

        assertThat(streamed.values("F14")).containsExactly("1", "2");
        assertThat(streamed.groups("G2")).hasSize(2);
        assertThat(streamed.groups("G2").get(1).groups("G3").get(0).values("F31")).containsExactly("Schule");
        assertThat(streamed).isEqualTo(JSON.readViaTree(new StringReader(document)));
    }

    @FuzzTest(maxDuration = "10s")
    void streamingAgreesWithTreeReader(FuzzedDataProvider data) {
        assertAgree(data.consumeRemainingAsString());
    }

    /** If the streaming reader returns data, the tree reader returns equal data; {@code read} is the tree's word. */
    private static void assertAgree(String document) {
        Object tree = outcome(() -> JSON.readViaTree(new StringReader(document)));
        FormData streamed;
        try {
            streamed = JSON.readStreaming(document);
        } catch (RuntimeException stopped) {
            streamed = null;
        }
        if (streamed != null && !streamed.equals(tree)) {
            throw new AssertionError("streaming read " + streamed + " where the tree reader gave " + tree);
        }
        Object read = outcome(() -> JSON.read(document));
        if (!Objects.equals(read, tree)) {
            throw new AssertionError("read gave " + read + " where the tree reader gave " + tree);
        }
    }

    /** The data read, or a comparable description of the exception (type, code, message). */
    private static Object outcome(ReadAction action) {
        Throwable thrown = catchThrowable(() -> {
            FormData data = action.read();
            throw new Returned(data);
        });
        if (thrown instanceof Returned returned) {
            return returned.data;
        }
        String code = thrown instanceof OzgException ozg ? ozg.code().code() : "-";
        return List.of(thrown.getClass().getName(), code, String.valueOf(thrown.getMessage()));
    }

    private interface ReadAction {
        FormData read() throws Exception;
    }

    private static final class Returned extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FormData data;

        Returned(FormData data) {
            super(null, null, false, false);
            this.data = data;
        }
    }

    /** Hands out a text a few characters at a time, as slow streams do. */
    private static final class ChunkedReader extends Reader {
        private final Reader in;

        ChunkedReader(String text) {
            this.in = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, 7));
        }

        @Override
        public void close() {
        }
    }
}
