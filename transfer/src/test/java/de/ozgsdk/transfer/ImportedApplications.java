package de.ozgsdk.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Fachverfahren importer that follows the contract of {@link FileDropChannel} to the letter: it sees an application
 * only when its done marker exists and the marker's SHA-256 matches the XML, ignores everything else.
 */
public final class ImportedApplications {

    private ImportedApplications() {
    }

    /** The submission ids an importer would take from {@code directory} now, sorted. */
    public static List<String> in(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(FileDropChannel.XML_SUFFIX) && !name.startsWith("."))
                    .filter(name -> complete(directory, name))
                    .map(name -> name.substring(0, name.length() - FileDropChannel.XML_SUFFIX.length()))
                    .sorted()
                    .toList();
        }
    }

    private static boolean complete(Path directory, String name) {
        Path marker = directory.resolve(name + FileDropChannel.DONE_SUFFIX);
        try {
            if (!Files.isRegularFile(marker)) {
                return false;
            }
            String expected = Files.readString(marker).split(" ", 2)[0];
            byte[] xml = Files.readAllBytes(directory.resolve(name));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml)).equals(expected);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
