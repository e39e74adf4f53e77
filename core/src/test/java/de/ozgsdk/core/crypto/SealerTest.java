package de.ozgsdk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.SecurityCheckException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SealerTest {

    private static final byte[] OLD_KEY = key(1);
    private static final byte[] NEW_KEY = key(2);
    private static final byte[] CONTEXT = bytes("draft:4711|tenant-a|user-1");

    @Test
    void opensWhatItSealed() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();

        byte[] sealed = sealer.seal(bytes("Antrag auf Wohngeld"), CONTEXT);

        assertThat(sealer.open(sealed, CONTEXT)).isEqualTo(bytes("Antrag auf Wohngeld"));
    }

    @Test
    void writesVersionKeyIdAndRandomIvIntoTheOutput() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();

        byte[] first = sealer.seal(bytes("x"), CONTEXT);
        byte[] second = sealer.seal(bytes("x"), CONTEXT);

        assertThat(first[0]).isEqualTo((byte) 1);
        assertThat(first[1]).isEqualTo((byte) 7);
        assertThat(new String(first, 2, 7, StandardCharsets.US_ASCII)).isEqualTo("2026-11");
        assertThat(first).hasSize(1 + 1 + 7 + 12 + 1 + 16);
        assertThat(Arrays.copyOfRange(first, 9, 21)).isNotEqualTo(Arrays.copyOfRange(second, 9, 21));
    }

    @Test
    void sealsWithTheLastAddedKeyAndOpensWithAll() {
        Sealer before = Sealer.builder().key("2026-11", OLD_KEY).build();
        byte[] sealedWithOld = before.seal(bytes("alt"), CONTEXT);
        Sealer rotated = Sealer.builder().key("2026-11", OLD_KEY).key("2027-01", NEW_KEY).build();

        byte[] sealedWithNew = rotated.seal(bytes("neu"), CONTEXT);

        assertThat(rotated.primaryKeyId()).isEqualTo("2027-01");
        assertThat(Sealer.keyIdOf(sealedWithNew)).isEqualTo("2027-01");
        assertThat(rotated.open(sealedWithOld, CONTEXT)).isEqualTo(bytes("alt"));
        assertThat(rotated.needsResealing(sealedWithOld)).isTrue();
        assertThat(rotated.needsResealing(sealedWithNew)).isFalse();
    }

    @Test
    void explicitPrimaryKeyOverridesTheLastAdded() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).key("2027-01", NEW_KEY).primary("2026-11").build();

        assertThat(Sealer.keyIdOf(sealer.seal(bytes("x"), CONTEXT))).isEqualTo("2026-11");
    }

    @Test
    void unknownKeyIdNamesTheKeyAndTheFix() {
        byte[] sealedWithOld = Sealer.builder().key("2026-11", OLD_KEY).build().seal(bytes("x"), CONTEXT);
        Sealer withoutOldKey = Sealer.builder().key("2027-01", NEW_KEY).build();

        assertThatThrownBy(() -> withoutOldKey.open(sealedWithOld, CONTEXT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-SEAL-203")
                .hasMessageContaining("\"2026-11\"")
                .hasMessageContaining("Add the old key");
    }

    @Test
    void rejectsTamperedCiphertext() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();
        byte[] sealed = sealer.seal(bytes("Betrag 100 EUR"), CONTEXT);
        sealed[sealed.length - 20] ^= 0x01;

        assertThatThrownBy(() -> sealer.open(sealed, CONTEXT))
                .isInstanceOf(SecurityCheckException.class)
                .hasMessageContaining("OZG-SEAL-204");
    }

    @Test
    void sealersWithOtherKeysTakeTurnsOnOneThreadAndAFailedOpenLeavesNothingBehind() {
        Sealer old = Sealer.builder().key("a", OLD_KEY).build();
        Sealer current = Sealer.builder().key("a", NEW_KEY).build();
        byte[] byOld = old.seal(bytes("alt"), CONTEXT);
        byte[] byCurrent = current.seal(bytes("neu"), CONTEXT);
        byte[] tampered = byCurrent.clone();
        tampered[tampered.length - 1] ^= 0x01;

        assertThatThrownBy(() -> current.open(tampered, CONTEXT)).hasMessageContaining("OZG-SEAL-204");
        assertThat(old.open(byOld, CONTEXT)).isEqualTo(bytes("alt"));
        assertThat(current.open(byCurrent, CONTEXT)).isEqualTo(bytes("neu"));
        assertThatThrownBy(() -> current.open(byOld, CONTEXT)).hasMessageContaining("OZG-SEAL-204");
        assertThat(old.open(old.seal(bytes("wieder"), CONTEXT), CONTEXT)).isEqualTo(bytes("wieder"));
    }

    @Test
    void rejectsCiphertextOpenedInAnotherContext() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();
        byte[] sealed = sealer.seal(bytes("x"), CONTEXT);

        assertThatThrownBy(() -> sealer.open(sealed, bytes("draft:4711|tenant-a|user-2")))
                .isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void rejectsSameKeyIdWithDifferentKeyMaterial() {
        byte[] sealed = Sealer.builder().key("2026-11", OLD_KEY).build().seal(bytes("x"), CONTEXT);
        Sealer impostor = Sealer.builder().key("2026-11", NEW_KEY).build();

        assertThatThrownBy(() -> impostor.open(sealed, CONTEXT)).isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void rejectsTruncatedData() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();
        byte[] sealed = sealer.seal(bytes("x"), CONTEXT);

        assertThatThrownBy(() -> sealer.open(Arrays.copyOf(sealed, 20), CONTEXT))
                .isInstanceOf(SecurityCheckException.class)
                .hasMessageContaining("OZG-SEAL-201");
    }

    @Test
    void rejectsUnknownFormatVersion() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();
        byte[] sealed = sealer.seal(bytes("x"), CONTEXT);
        sealed[0] = 2;

        assertThatThrownBy(() -> sealer.open(sealed, CONTEXT))
                .isInstanceOf(SecurityCheckException.class)
                .hasMessageContaining("OZG-SEAL-202");
    }

    @Test
    void acceptsBase64Keys() {
        Sealer sealer = Sealer.builder()
                .keyBase64("2026-11", Base64.getEncoder().encodeToString(OLD_KEY) + "\n").build();
        byte[] sealed = Sealer.builder().key("2026-11", OLD_KEY).build().seal(bytes("x"), CONTEXT);

        assertThat(sealer.open(sealed, CONTEXT)).isEqualTo(bytes("x"));
    }

    @Test
    void rejectsKeysOfWrongLength() {
        assertThatThrownBy(() -> Sealer.builder().key("k", new byte[16]))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-SEAL-102")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void rejectsMalformedBase64Key() {
        assertThatThrownBy(() -> Sealer.builder().keyBase64("k", "not base64!"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-SEAL-103");
    }

    @Test
    void rejectsInvalidAndDuplicateKeyIds() {
        assertThatThrownBy(() -> Sealer.builder().key("key with space", OLD_KEY))
                .hasMessageContaining("OZG-SEAL-101");
        assertThatThrownBy(() -> Sealer.builder().key("k", OLD_KEY).key("k", NEW_KEY))
                .hasMessageContaining("OZG-SEAL-104");
    }

    @Test
    void refusesToBuildWithoutKeysOrWithUnknownPrimary() {
        assertThatThrownBy(() -> Sealer.builder().build()).hasMessageContaining("OZG-SEAL-105");
        assertThatThrownBy(() -> Sealer.builder().key("a", OLD_KEY).primary("b").build())
                .hasMessageContaining("OZG-SEAL-106");
    }

    @Test
    void keepsKeyMaterialOutOfToString() {
        Sealer sealer = Sealer.builder().key("2026-11", OLD_KEY).build();

        assertThat(sealer.toString()).isEqualTo("Sealer[primary=2026-11, keys=[2026-11]]");
    }

    @Test
    void explainsErrorsInGermanAndEnglish() {
        OzgException error = new SecurityCheckException(SealError.SEALED_DATA_TAMPERED, "2026-11");

        assertThat(error.userMessage(Locale.GERMAN)).contains("verändert");
        assertThat(error.userMessage(Locale.ENGLISH)).contains("altered");
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = (byte) (seed * 31);
        return key;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
