package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files the commands produce, so that an unwritable output gets a message, not a stack trace. */
final class Outputs {

    private Outputs() {
    }

    /**
     * Writes the text in UTF-8, replacing the file if it exists.
     *
     * @throws InvalidInputException {@link CliError#OUTPUT_UNWRITABLE}
     */
    static void writeUtf8(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(CliError.OUTPUT_UNWRITABLE, e, file, e.getClass().getSimpleName());
        }
    }

    /**
     * Creates the directory (and its parents) unless it exists.
     *
     * @throws InvalidInputException {@link CliError#OUTPUT_UNWRITABLE}
     */
    static Path directory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new InvalidInputException(CliError.OUTPUT_UNWRITABLE, e, directory, e.getClass().getSimpleName());
        }
    }
}
