package de.ozgsdk.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys kept in a data directory: the same key for the same place in the start order, fresh keys elsewhere. */
class KeyPoolTest {

    @TempDir
    Path directory;

    private static List<KeyPair> startOf(KeyPool pool) {
        return pool.during(() -> List.of(KeyPool.rsa(1024), KeyPool.rsa(1024), KeyPool.rsa(2048)));
    }

    @Test
    void aSecondStartWithTheSameDirectoryGetsTheSameKeysInTheSameOrder() {
        List<KeyPair> first = startOf(KeyPool.in(directory));
        List<KeyPair> second = startOf(KeyPool.in(directory));

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).getPublic()).isEqualTo(first.get(i).getPublic());
            assertThat(second.get(i).getPrivate()).isEqualTo(first.get(i).getPrivate());
        }
        assertThat(first.get(0).getPublic()).isNotEqualTo(first.get(1).getPublic());
    }

    @Test
    void keysOutsideAStartAndKeysOfAnotherDirectoryAreFresh() throws Exception {
        KeyPair kept = startOf(KeyPool.in(directory)).get(0);

        KeyPair outside = KeyPool.rsa(1024);
        KeyPair elsewhere = startOf(KeyPool.in(Files.createDirectory(directory.resolve("other")))).get(0);

        assertThat(outside.getPublic()).isNotEqualTo(kept.getPublic());
        assertThat(elsewhere.getPublic()).isNotEqualTo(kept.getPublic());
    }

    @Test
    void keptKeysAreReadableByTheOwnerOnlyAndADamagedFileIsReplaced() throws Exception {
        KeyPair kept = startOf(KeyPool.in(directory)).get(0);
        Path file = directory.resolve("rsa-1024-1.p8");
        String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        Files.writeString(file, "not a key");

        KeyPair replaced = startOf(KeyPool.in(directory)).get(0);

        assertThat(permissions).isEqualTo("rw-------");
        assertThat(replaced.getPublic()).isNotEqualTo(kept.getPublic());
        assertThat(startOf(KeyPool.in(directory)).get(0).getPublic()).isEqualTo(replaced.getPublic());
    }
}
