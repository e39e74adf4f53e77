package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads key and certificate files, turning I/O failures into a {@link ConfigurationException} naming the file. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** The whole content of {@code file}. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(KeyError.FILE_UNREADABLE, e, file, Failures.describe(e));
        }
    }
}
