package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own scanner ({@code internal.fim.XdfScanner}, the default for UTF-8 documents) imports exactly what core's
 * StAX reader (Woodstox, as the CLI ships it) imports: the same {@link FormSchema} with the same warnings for every
 * real FIM file and every XDatenfelder file of the tests, strict and lenient, and the same error (code, line, path)
 * for broken variants of them: truncated, with bytes replaced, and with well-formedness errors put in on purpose.
 */
class FimScannerEquivalenceTest {

    private static final FimImporter SCANNER = FimImporter.builder().build();
    private static final FimImporter STAX = FimImporter.builder().scanner(false).build();
    private static final FimImporter SCANNER_LENIENT = FimImporter.builder().lenient(true).build();
    private static final FimImporter STAX_LENIENT = FimImporter.builder().lenient(true).scanner(false).build();

    /** Well-formedness errors of every kind the StAX path reports, each put into a real document. */
    private static final Map<String, String> BREAKS = new LinkedHashMap<>();

    static {
        BREAKS.put("unclosed tag", "<xdf:unclosed>");
        BREAKS.put("end tag without start", "</xdf:nowhere>");
        BREAKS.put("undeclared entity", "&nbsp;");
        BREAKS.put("entity without semicolon", "&amp ");
        BREAKS.put("bare ampersand", "a & b");
        BREAKS.put("character reference to NUL", "&#0;");
        BREAKS.put("character reference out of range", "&#x110000;");
        BREAKS.put("character reference not a number", "&#12a;");
        BREAKS.put("duplicate attribute", "<xdf:a x=\"1\" x=\"2\"/>");
        BREAKS.put("duplicate expanded attribute",
                "<xdf:a xmlns:p=\"urn:x\" xmlns:q=\"urn:x\" p:x=\"1\" q:x=\"2\"/>");
        BREAKS.put("undeclared element prefix", "<nope:a/>");
        BREAKS.put("undeclared attribute prefix", "<xdf:a nope:x=\"1\"/>");
        BREAKS.put("DOCTYPE inside", "<!DOCTYPE x>");
        BREAKS.put("less-than in attribute", "<xdf:a x=\"<\"/>");
        BREAKS.put("unquoted attribute", "<xdf:a x=1/>");
        BREAKS.put("attribute without space", "<xdf:a x=\"1\"y=\"2\"/>");
        BREAKS.put("CDATA end in text", "a ]]> b");
        BREAKS.put("double hyphen in comment", "<!-- a -- b -->");
        BREAKS.put("unterminated comment", "<!-- a");
        BREAKS.put("control character", "a\u0001b");
        BREAKS.put("XML declaration inside", "<?xml version=\"1.0\"?>");
        BREAKS.put("name starting with a digit", "<1a/>");
        BREAKS.put("two colons", "<xdf:a:b/>");
        BREAKS.put("empty prefix binding", "<xdf:a xmlns:p=\"\"/>");
        BREAKS.put("xmlns prefix bound", "<xdf:a xmlns:xmlns=\"urn:x\"/>");
        BREAKS.put("declaration markup", "<!ELEMENT a ANY>");
    }

    @Test
    void importsEveryDocumentAsTheStaxPathDoes() {
        List<byte[]> documents = documents();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(6);
        for (byte[] document : documents) {
            assertSameOutcome(document, "original");
        }
    }

    @Test
    void reportsTruncatedDocumentsAsTheStaxPathDoes() {
        Random random = new Random(11);
        for (byte[] document : documents()) {
            for (int i = 0; i < 25; i++) {
                int length = random.nextInt(document.length);
                byte[] truncated = java.util.Arrays.copyOf(document, length);
                assertSameOutcome(truncated, "truncated at " + length);
            }
        }
    }

    @Test
    void reportsReplacedBytesAsTheStaxPathDoes() {
        Random random = new Random(7);
        byte[] replacements = {'<', '>', '&', '"', '/', ':', '=', ' ', '\n', '\r', ']', '!', '?', 0, 1,
            (byte) 0xFF, (byte) 0xC3, (byte) 0xE2, (byte) 0x80};
        for (byte[] document : documents()) {
            for (int i = 0; i < 60; i++) {
                byte[] mutated = document.clone();
                int at = random.nextInt(mutated.length);
                mutated[at] = replacements[random.nextInt(replacements.length)];
                assertSameOutcome(mutated, "byte " + at + " replaced by " + (mutated[at] & 0xFF));
            }
        }
    }

    @Test
    void reportsEveryKindOfWellFormednessErrorAsTheStaxPathDoes() {
        for (byte[] document : documents()) {
            String text = new String(document, StandardCharsets.UTF_8);
            int name = text.indexOf("<xdf:name>");
            if (name < 0) {
                continue;
            }
            for (Map.Entry<String, String> broken : BREAKS.entrySet()) {
                String mutated = text.substring(0, name) + broken.getValue() + text.substring(name);
                FimImportException error = assertSameOutcome(mutated.getBytes(StandardCharsets.UTF_8),
                        broken.getKey());
                assertThat(error).as(broken.getKey()).isNotNull();
                assertThat(error.code()).as(broken.getKey())
                        .isIn(FimError.XML_MALFORMED, FimError.XML_DTD_FORBIDDEN);
            }
        }
    }

    @Test
    void readsEncodingsOtherThanUtf8WithCoreStaxReader() {
        String xml = XdfDocuments.of(XdfDocuments.XDF2).oneField("input", "text", "")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").replace("<xdf:name>Feld<", "<xdf:name>Größe<");
        for (byte[] document : List.of(xml.getBytes(StandardCharsets.ISO_8859_1),
                xml.replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16))) {
            assertThat(assertSameOutcome(document, "other encoding")).isNull();
            FormSchema schema = SCANNER.importSchema(new ByteArrayInputStream(document), "test.xml");
            assertThat(schema.fields()).extracting(Field::name).containsExactly("Größe");
        }
    }

    @Test
    void locatesBadBytesExactly() {
        String xml = XdfDocuments.of(XdfDocuments.XDF2).oneField("input", "text", "");
        int name = xml.indexOf("<xdf:name>Feld<");
        byte[] document = (xml.substring(0, name) + "<xdf:name>Fe\u00e4ld<" + xml.substring(name + 15))
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(document, StandardCharsets.ISO_8859_1).indexOf("\u00c3\u00a4");
        document[at + 1] = 0x41;
        FimImportException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> SCANNER.importSchema(new ByteArrayInputStream(document), "test.xml"), FimImportException.class);
        assertThat(e.code()).isEqualTo(FimError.XML_MALFORMED);
        assertThat(e.line()).isEqualTo(XdfDocuments.lineOf(xml, "<xdf:name>Feld<"));
        assertThat(e.column()).isEqualTo("<xdf:name>Fe".length() + 1);
        assertThat(e.getMessage()).contains("Invalid byte sequence for the encoding UTF-8");
    }

    /** Imports with both paths in both modes; the same schema, or the same error (returned, else null). */
    private static FimImportException assertSameOutcome(byte[] document, String what) {
        FimImportException error = null;
        for (FimImporter[] pair : new FimImporter[][] {{SCANNER, STAX}, {SCANNER_LENIENT, STAX_LENIENT}}) {
            Object scanned = outcome(pair[0], document);
            Object streamed = outcome(pair[1], document);
            if (streamed instanceof FormSchema expected) {
                assertThat(scanned).as(what).isInstanceOf(FormSchema.class);
                assertThat((FormSchema) scanned).as(what).usingRecursiveComparison()
                        .withEqualsForType((a, b) -> a.pattern().equals(b.pattern()), Pattern.class)
                        .isEqualTo(expected);
            } else {
                FimImportException expected = (FimImportException) streamed;
                assertThat(scanned).as(what + ": " + expected.getMessage()).isInstanceOf(FimImportException.class);
                FimImportException actual = (FimImportException) scanned;
                assertThat(describe(actual, located(expected)))
                        .as(what + ": " + actual.getMessage() + " / " + expected.getMessage())
                        .isEqualTo(describe(expected, located(expected)));
                error = actual;
            }
        }
        return error;
    }

    /**
     * Code, line and path; only code and path where the StAX path has no line of its own: for bad bytes it points at
     * the start of the text holding them (the scanner at the bytes themselves, {@link #locatesBadBytesExactly()}),
     * and where Woodstox gives no column ("column ?", e.g. at the end of the input inside a comment), the importer
     * names where the current event started instead.
     */
    private static String describe(FimImportException e, boolean located) {
        return e.code() + (located ? " at line " + e.line() : "") + " " + e.path();
    }

    private static boolean located(FimImportException e) {
        String message = String.valueOf(e.getMessage());
        return !message.contains("Invalid byte sequence") && !message.contains("column ?");
    }

    private static Object outcome(FimImporter importer, byte[] document) {
        try {
            return importer.importSchema(new ByteArrayInputStream(document), "test.xml");
        } catch (FimImportException e) {
            return e;
        }
    }

    /** The real FIM files and the XDatenfelder files of the tests. */
    private static List<byte[]> documents() {
        List<Path> files = new ArrayList<>();
        SharedFixtures.fim().ifPresent(fim -> {
            files.addAll(xmlFiles(fim.resolve("xdf2")));
            files.addAll(xmlFiles(fim.resolve("xdf3")));
        });
        files.addAll(xmlFiles(Path.of("src/test/resources/de/ozgsdk/forms")));
        List<byte[]> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (new String(bytes, StandardCharsets.UTF_8).contains("xdatenfelder")) {
                    documents.add(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    private static List<Path> xmlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
