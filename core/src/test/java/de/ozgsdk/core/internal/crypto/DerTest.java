package de.ozgsdk.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The DER reader and writer against known encodings (X.690 section 8.19 example, OIDs of RFC 8017/8410/3565). */
class DerTest {

    @ParameterizedTest
    @CsvSource({
        "1.2.840.113549.1.1.1, 06092a864886f70d010101",
        "1.3.101.112, 06032b6570",
        "2.16.840.1.101.3.4.1.42, 060960864801650304012a",
        "2.999.3, 0603883703"})
    void writesAndReadsObjectIdentifiers(String dotted, String hex) {
        byte[] encoded = HexFormat.of().parseHex(hex);

        assertThat(Der.objectIdentifier(dotted)).isEqualTo(encoded);
        assertThat(Der.parse(encoded, Der.OBJECT_IDENTIFIER, "oid").objectIdentifier("oid")).isEqualTo(dotted);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 255, 256, 65535, 65536, 100_000})
    void writesLengthsInTheShortestFormAndReadsThemBack(int length) {
        byte[] encoded = Der.octetString(new byte[length]);

        int lengthBytes = length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 4;
        assertThat(encoded).hasSize(1 + lengthBytes + length);
        assertThat(Der.parse(encoded, Der.OCTET_STRING, "octets").content()).hasSize(length);
    }

    @Test
    void readsNestedSequenceOfIntegers() {
        byte[] encoded = Der.sequence(Der.integer(BigInteger.valueOf(-129)), Der.integer(65537));

        Der.Reader reader = Der.parse(encoded, Der.SEQUENCE, "seq").contents();

        assertThat(reader.next(Der.INTEGER, "a").integer("a")).isEqualTo(-129);
        assertThat(reader.next(Der.INTEGER, "b").integer("b")).isEqualTo(65537);
        assertThat(reader.hasNext()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "3080020100, indefinite length",
        "300502010002, announces 5 bytes but only 4 follow",
        "3003020100ff, followed by 1 unexpected bytes",
        "1f2a0100, multi-byte tag",
        "308500000000, impossible length",
        "04, has no length",
        "0201, announces 1 bytes but only 0 follow"})
    void rejectsBrokenEncodingsSayingWhatIsWrong(String hex, String reason) {
        byte[] encoded = HexFormat.of().parseHex(hex);

        assertThatThrownBy(() -> Der.parse(encoded, encoded[0] & 0xFF, "value"))
                .isInstanceOf(Der.MalformedException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsUnexpectedTagNamingWhatWasExpected() {
        byte[] encoded = Der.octetString(new byte[2]);

        assertThatThrownBy(() -> Der.parse(encoded, Der.SEQUENCE, "PrivateKeyInfo"))
                .isInstanceOf(Der.MalformedException.class)
                .hasMessage("PrivateKeyInfo at byte 0: expected SEQUENCE, found tag 0x04");
    }

    @Test
    void rejectsObjectIdentifierEndingInsideAnArc() {
        byte[] encoded = HexFormat.of().parseHex("06022a86");

        assertThatThrownBy(() -> Der.parse(encoded, Der.OBJECT_IDENTIFIER, "oid").objectIdentifier("oid"))
                .isInstanceOf(Der.MalformedException.class)
                .hasMessageContaining("ends inside an arc");
    }
}
