package de.ozgsdk.xoev;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.GenericodeReader;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.xoev.fim.FormDataXml;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run by {@link LargeInputLowHeapTest} in a JVM of its own with a small heap: feeds one reader (named by the first
 * argument) a document with a text node of 50 MB, generated while it is read, and prints the code of the error the
 * reader ends with ({@code CODE=...}, and the codes of its causes). Exit code 0 if the reader ended with an SDK
 * error, 1 if it read the document, and the JVM's own on an {@link OutOfMemoryError}.
 */
public final class LowHeapLargeInput {

    static final long TEXT_BYTES = 50L * 1024 * 1024;

    private LowHeapLargeInput() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
        try {
            read(args[0]);
            System.out.println("READ WITHOUT ERROR");
            System.exit(1);
        } catch (OzgException e) {
            StringBuilder codes = new StringBuilder("CODE=" + e.code().code());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof OzgException ozg) {
                    codes.append(" CAUSE=").append(ozg.code().code());
                }
            }
            System.out.println(codes);
            System.out.println("MESSAGE=" + e.getMessage());
        }
    }

    private static void read(String reader) throws IOException {
        switch (reader) {
            case "fim" -> FimImporter.builder().build().importSchema(
                    withHugeText(resource("fim/example-xdf2.xml"), "<xdf:name>Testantrag"), "huge-xdf2.xml");
            case "genericode" -> GenericodeReader.create().read(withHugeText("""
                    <gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
                      <Identification><ShortName>Staat</ShortName><LongName>Staaten</LongName></Identification>
                    </gc:CodeList>""", "<LongName>"), "huge.gc");
            case "json" -> FormDataJson.of(schema()).read(new InputStreamReader(
                    withHugeText("{\"F99000001\": \"Hauptstraße\"}", "\"Haupt"), StandardCharsets.UTF_8));
            case "form-data-xml" -> {
                FormDataXml xml = FormDataXml.builder(schema()).validation(false).build();
                String written = xml.write(FormData.builder()
                        .group("G99000001", FormData.builder().value("F99000001", "Hauptstraße").build()).build());
                xml.read(withHugeText(written, ">Haupt"));
            }
            case "xoev-serializer" -> {
                String kopf = new String(Samples.kopfSerializer().toBytes(Samples.kopf()), StandardCharsets.UTF_8);
                Samples.kopfSerializer().read(withHugeText(kopf, "<produkt>"), "huge-kopf.xml");
            }
            case "application-message" -> ApplicationMessageReader.create().read(
                    withHugeText(resource("message/message.xml"), "<produkt>"), "huge-message.xml",
                    (number, name, type) -> OutputStream.nullOutputStream());
            default -> throw new IllegalArgumentException("unknown reader " + reader);
        }
    }

    private static FormSchema schema() throws IOException {
        return FimImporter.builder().lenient(true).build()
                .importSchema(new ByteArrayInputStream(resource("fim/example-xdf2.xml").getBytes(
                        StandardCharsets.UTF_8)), "example-xdf2.xml");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LowHeapLargeInput.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The document with {@link #TEXT_BYTES} letters 'x' inserted after {@code marker}, generated while read. */
    static InputStream withHugeText(String document, String marker) {
        int at = document.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("marker not found: " + marker);
        }
        int split = at + marker.length();
        return new SequenceInputStream(new SequenceInputStream(bytes(document.substring(0, split)), new Letters()),
                bytes(document.substring(split)));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #TEXT_BYTES} letters 'x', never all in memory. */
    private static final class Letters extends InputStream {
        private long left = TEXT_BYTES;

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
