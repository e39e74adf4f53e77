package de.ozgsdk.xoev.message;

import de.ozgsdk.xoev.internal.message.Base64ContentEncoder;
import de.ozgsdk.xoev.internal.message.StrictBase64Decoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import static org.assertj.core.api.Assertions.assertThat;

/** The streaming decoder decodes whatever the JDK encoder writes, however the parser splits the text. */
class Base64StreamingTest {

    @Property(tries = 300)
    void decodesTheJdkEncodingInAnyChunking(@ForAll @Size(max = 200_000) byte[] content,
            @ForAll @IntRange(min = 1, max = 70_000) int chunk, @ForAll boolean lineBreaks) throws Exception {
        String encoded = lineBreaks ? Base64.getMimeEncoder().encodeToString(content)
                : Base64.getEncoder().encodeToString(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StrictBase64Decoder decoder = new StrictBase64Decoder(out);
        char[] chars = encoded.toCharArray();
        for (int offset = 0; offset < chars.length; offset += chunk) {
            decoder.accept(chars, offset, Math.min(chunk, chars.length - offset));
        }

        Base64ContentEncoder.Copied copied = decoder.finish();

        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(copied.size()).isEqualTo(content.length);
        assertThat(copied.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Property(tries = 100)
    void encoderWritesWhatTheJdkWrites(@ForAll @Size(max = 300_000) byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Base64ContentEncoder.Copied copied = new Base64ContentEncoder()
                .copy(new ByteArrayInputStream(content), out);

        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo(Base64.getEncoder().encodeToString(content));
        assertThat(copied.size()).isEqualTo(content.length);
    }
}
