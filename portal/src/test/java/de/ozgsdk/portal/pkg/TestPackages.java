package de.ozgsdk.portal.pkg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The example package of the tests (src/test/resources/de/ozgsdk/portal/pkg/anwohnerparkausweis) and its variants. */
final class TestPackages {

    private TestPackages() {
    }

    /** The example package directory as shipped with the tests. */
    static Path example() {
        try {
            return Path.of(TestPackages.class.getResource("/de/ozgsdk/portal/pkg/anwohnerparkausweis/service.json")
                    .toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the example package in {@code target}. */
    static Path copy(Path target) {
        Path source = example();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in a file of a package copy; the text must occur. */
    static void edit(Path pkg, String file, String from, String to) {
        try {
            Path path = pkg.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip with exactly these entries (name to content), in the order given. */
    static Path zip(Path file, Map<String, byte[]> entries) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of the example package, by path, for hand-made zips. */
    static Map<String, byte[]> exampleEntries() {
        Path source = example();
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(source.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code size} zero bytes into one zip entry without holding them in memory (a zip bomb). */
    static Path zipWithLargeEntry(Path file, Map<String, byte[]> entries, String name, long size) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            writeZeros(zip, size);
            zip.closeEntry();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeZeros(OutputStream out, long size) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (long left = size; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
