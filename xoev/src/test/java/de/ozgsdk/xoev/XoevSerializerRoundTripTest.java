package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.types.Nachrichtenkopf;
import org.junit.jupiter.api.Test;

class XoevSerializerRoundTripTest {

    private final XoevSerializer<Nachrichtenkopf> serializer = Samples.kopfSerializer();

    @Test
    void readsBackWhatItWrote() {
        Nachrichtenkopf kopf = Samples.kopf();

        byte[] xml = serializer.toBytes(kopf);

        assertThat(serializer.read(xml, "kopf.xml")).isEqualTo(kopf);
    }
}
