package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Output is deterministic, carries the configured prefixes and is the same from many threads. */
class XoevSerializerOutputTest {

    @Test
    void equalObjectsGiveIdenticalBytes() {
        XoevSerializer<Nachrichtenkopf> first = Samples.kopfSerializer();
        XoevSerializer<Nachrichtenkopf> second = Samples.kopfSerializer();

        assertThat(first.toBytes(Samples.kopf())).isEqualTo(second.toBytes(Samples.kopf()));
    }

    @Test
    void writesTheBasisPrefixByDefault() {
        String xml = new String(Samples.kopfSerializer().toBytes(Samples.kopf()), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\"><nachrichtenUUID>");
    }

    @Test
    void writesConfiguredPrefixesForEveryNamespaceOnTheRoot() {
        XoevSerializer<Meldung> meldungen = XoevSerializer.builder(Meldung.class)
                .schemaSet(Samples.meldungSchemas())
                .prefix(Meldung.NAMESPACE, "ml")
                .prefix(XoevSchemaSet.BASIS_NAMESPACE, "xb")
                .build();

        String xml = new String(meldungen.toBytes(Samples.meldung()), StandardCharsets.UTF_8);

        assertThat(xml).contains("<ml:meldung xmlns:xb=\"urn:ozgsdk:xoev:basis:1.0\""
                        + " xmlns:ml=\"urn:ozgsdk:test:meldung:1.0\" aktenzeichen=\"AZ-2024-0815\">")
                .contains("<ml:person><titel>Dr.</titel>")
                .doesNotContain("ns2", "ns1", "xmlns:basis");
    }

    @Test
    void prettyPrintIndentsAndReadsBackEqual() {
        XoevSerializer<Nachrichtenkopf> pretty = XoevSerializer.builder(Nachrichtenkopf.class)
                .schemaSet(XoevSchemaSet.basis()).prettyPrint(true).build();

        String xml = new String(pretty.toBytes(Samples.kopf()), StandardCharsets.UTF_8);

        assertThat(xml).contains("\n    <nachrichtenUUID>", "\n        <behoerdenkennung>");
        assertThat(pretty.read(xml.getBytes(StandardCharsets.UTF_8), "k.xml")).isEqualTo(Samples.kopf());
    }

    @Test
    void withoutPrettyPrintTheDocumentIsOneLine() {
        String xml = new String(Samples.kopfSerializer().toBytes(Samples.kopf()), StandardCharsets.UTF_8);

        assertThat(xml).doesNotContain("\n");
    }

    @Test
    void eightThreadsWriteIdenticalBytes() throws Exception {
        XoevSerializer<Meldung> shared = Samples.meldungSerializer();
        byte[] expected = shared.toBytes(Samples.meldung());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<byte[]>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    List<byte[]> results = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        byte[] written = shared.toBytes(Samples.meldung());
                        assertThat(shared.read(written, "m.xml")).isEqualTo(Samples.meldung());
                        results.add(written);
                    }
                    return results;
                });
            }
            for (Future<List<byte[]>> future : pool.invokeAll(tasks)) {
                assertThat(future.get()).hasSize(50).allSatisfy(bytes -> assertThat(bytes).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
