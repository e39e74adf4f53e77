package de.ozgsdk.portal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";
    private static final String DASH_BOUNDARY = "------WebKitFormBoundary7MA4YWxkTrZu0gW";

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 1000, 70_000})
    void readsTextAndFilePartsWhateverTheNetworkDelivers(int bytesPerRead) throws IOException {
        byte[] file = new byte[200_000];
        new Random(1).nextBytes(file);
        // a CR LF and dashes inside the content must not end the part
        byte[] tricky = ("\r\n" + DASH_BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tricky, 0, file, 65_530, tricky.length);
        byte[] body = body(file);

        MultipartReader reader = MultipartReader.of(TYPE, new Trickle(body, bytesPerRead));

        MultipartReader.Part csrf = reader.next().orElseThrow();
        assertThat(csrf.name()).isEqualTo("_csrf");
        assertThat(csrf.fileName()).isEmpty();
        assertThat(csrf.text()).isEqualTo("token");
        MultipartReader.Part text = reader.next().orElseThrow();
        assertThat(text.text()).isEqualTo("Grüße\r\nzweite Zeile");
        MultipartReader.Part upload = reader.next().orElseThrow();
        assertThat(upload.name()).isEqualTo("G1[0].F2");
        assertThat(upload.fileName()).contains("Ausweis ä.pdf");
        assertThat(upload.content().readAllBytes()).isEqualTo(file);
        MultipartReader.Part skipped = reader.next().orElseThrow();
        assertThat(skipped.fileName()).contains("");
        assertThat(reader.next()).isEmpty();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void skipsTheContentOfAPartNobodyRead() throws IOException {
        MultipartReader reader = MultipartReader.of(TYPE, new ByteArrayInputStream(body(new byte[100_000])));
        reader.next();
        reader.next();
        MultipartReader.Part upload = reader.next().orElseThrow();
        assertThat(upload.content().read()).isZero();

        Optional<MultipartReader.Part> next = reader.next();

        assertThat(next).isPresent();
        assertThat(next.get().fileName()).contains("");
    }

    @Test
    void refusesABodyCutOffInsideAPart() {
        byte[] body = body(new byte[1000]);
        byte[] cut = Arrays.copyOf(body, body.length - 200);

        assertMalformed(() -> {
            MultipartReader reader = MultipartReader.of(TYPE, new ByteArrayInputStream(cut));
            for (Optional<MultipartReader.Part> p = reader.next(); p.isPresent(); p = reader.next()) {
                p.get().content().readAllBytes();
            }
        });
    }

    @Test
    void refusesATextPartOverItsLimit() {
        String big = "x".repeat(MultipartReader.MAX_TEXT_BYTES + 1);
        byte[] body = (DASH_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + big + "\r\n"
                + DASH_BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);

        assertMalformed(() -> MultipartReader.of(TYPE, new ByteArrayInputStream(body)).next().orElseThrow().text());
    }

    @Test
    void refusesAContentTypeWithoutBoundary() {
        assertThatThrownBy(() -> MultipartReader.of("multipart/form-data", InputStream.nullInputStream()))
                .isInstanceOf(InvalidInputException.class);
    }

    private interface Reading {
        void run() throws IOException;
    }

    private static void assertMalformed(Reading reading) {
        assertThatThrownBy(reading::run).isInstanceOf(OzgException.class)
                .satisfies(e -> assertThat(((OzgException) e).code())
                        .isEqualTo(PortalError.UPLOAD_MULTIPART_MALFORMED));
    }

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("preamble\r\n" + DASH_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + "token\r\n" + DASH_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"F1\"\r\n\r\n"
                + "Grüße\r\nzweite Zeile\r\n" + DASH_BOUNDARY + "\r\nContent-Disposition: form-data;"
                + " name=\"G1[0].F2\"; filename=\"Ausweis ä.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n" + DASH_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"F3\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n" + DASH_BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Delivers at most {@code step} bytes per read, as a slow network does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int step;
        private int position;

        Trickle(byte[] bytes, int step) {
            this.bytes = bytes;
            this.step = step;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
