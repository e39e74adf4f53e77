package de.ozgsdk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.SecurityCheckException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SealerPropertiesTest {

    private final Sealer sealer = Sealer.builder().key("2026-11", SealerTest.key(1)).key("2027-01", SealerTest.key(2))
            .build();

    @Property(tries = 300)
    void opensEverySealedPayload(@ForAll @Size(max = 4096) byte[] payload, @ForAll @Size(max = 64) byte[] context) {
        assertThat(sealer.open(sealer.seal(payload, context), context)).isEqualTo(payload);
    }

    @Property(tries = 300)
    void rejectsEverySingleBitFlip(@ForAll @Size(max = 512) byte[] payload,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position) {
        byte[] sealed = sealer.seal(payload, new byte[0]);
        int bit = position % (sealed.length * 8);
        sealed[bit / 8] ^= (byte) (1 << (bit % 8));

        // A flip in the key id may also name an unknown key (configuration error); every other flip is tampering.
        assertThatThrownBy(() -> sealer.open(sealed, new byte[0]))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(SecurityCheckException.class),
                        e -> assertThat(e).hasMessageContaining("OZG-SEAL-203"));
    }
}
