package example;

import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Draft;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.persistence.DraftStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** A citizen's draft saved encrypted in the embedded H2 database and resumed. */
public final class SaveAndResume {

    public static void main(String[] args) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Sealer sealer = Sealer.builder().key("2026-12", key).build();
        try (Database database = Database.h2InMemory("consumer")) {
            DraftStore drafts = DraftStore.builder(database, sealer).build();
            DraftOwner owner = DraftOwner.of("059130000000", "citizen-4711");
            Draft saved = drafts.save(owner, "S99000001", "{\"F99000003\":\"ja\"}".getBytes(StandardCharsets.UTF_8));
            Draft resumed = drafts.load(saved.id(), owner);
            System.out.println("resumed draft " + resumed.id() + ": "
                    + new String(resumed.payload(), StandardCharsets.UTF_8));
        }
    }
}
