package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks and reads the files named on the command line, so that a wrong path gets a message, not a stack trace. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Checks that the path names an existing, regular, readable file.
     *
     * @throws InvalidInputException {@link CliError#FILE_NOT_FOUND}, {@link CliError#NOT_A_FILE} or
     *                               {@link CliError#FILE_UNREADABLE}
     */
    static Path requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(CliError.FILE_NOT_FOUND, file,
                    Path.of("").toAbsolutePath().normalize());
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(CliError.NOT_A_FILE, file);
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(CliError.FILE_UNREADABLE, file, "no read permission");
        }
        return file;
    }

    /**
     * Reads a UTF-8 text file of at most {@code maxBytes} bytes; a leading byte order mark is dropped.
     *
     * @throws InvalidInputException {@link CliError#FILE_TOO_LARGE}, {@link CliError#FILE_NOT_UTF8} or one of
     *                               {@link #requireReadableFile(Path)}
     */
    static String readUtf8(Path file, long maxBytes) {
        requireReadableFile(file);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InvalidInputException(CliError.FILE_TOO_LARGE, file, size, maxBytes);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(CliError.FILE_UNREADABLE, e, file, e.getClass().getSimpleName());
        }
        String text = decode(file, bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidInputException(CliError.FILE_NOT_UTF8, file, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
