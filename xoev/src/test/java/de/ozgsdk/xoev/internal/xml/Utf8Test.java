package de.ozgsdk.xoev.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Utf8Test {

    @Property(tries = 1000)
    void writesTheBytesOfStringGetBytes(@ForAll("texts") String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8.write(new StringBuilder(text), out);

        assertThat(out.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One to three bytes, pairs, lone halves of pairs, and texts longer than a block of 8,192 bytes. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("a", "<", "\u007F", "\u0080", "ü", "\u07FF", "\u0800", "\u201E",
                "\uFFFD", "\uD83D\uDE00", "\uDBFF\uDFFF", "\uD800", "\uDC00", "x".repeat(3000), "€".repeat(1500));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }
}
