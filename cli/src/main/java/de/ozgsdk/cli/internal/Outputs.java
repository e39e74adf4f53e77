package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.FormSchema;
import java.io.PrintWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

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

    /**
     * Prints the text to the command's stdout, or writes it to {@code output} when one is given.
     *
     * @throws InvalidInputException {@link CliError#OUTPUT_UNWRITABLE}
     */
    static void emit(CommandSpec spec, Path output, String text) {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            writeUtf8(output, text);
        }
    }

    /**
     * Prints to stderr how many import warnings the schema had and each note of an export (what the exported
     * format cannot state), as {@code ozg: Hinweis [CODE] message}.
     */
    static <N> void notes(CommandSpec spec, Locale locale, Path schemaFile, FormSchema schema,
                          List<N> notes, Function<N, String> code, Function<N, String> message) {
        PrintWriter err = spec.commandLine().getErr();
        Labels labels = new Labels(locale);
        if (!schema.warnings().isEmpty()) {
            err.println("ozg: " + labels.get("import.warnings", schemaFile, schema.warnings().size()));
        }
        for (N note : notes) {
            err.println("ozg: " + labels.get("note") + " [" + code.apply(note) + "] " + message.apply(note));
        }
        err.flush();
    }
}
