package de.ozgsdk.portal.pkg;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.OnlineService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A service package: an {@link OnlineService} delivered as a directory or a {@code .ozg} zip with a descriptor
 * {@code service.json} (JSON Schema {@value #SCHEMA_RESOURCE}), the FIM file, code lists, rule side files,
 * translations and notification templates. Loading checks everything and reports every problem at once.
 *
 * <pre>{@code
 * try {
 *     ServicePackage pkg = ServicePackage.load(packageFile); // a directory or an .ozg file
 *     OnlineService service = pkg.service();
 *     System.out.println("loaded " + service + " (" + pkg.digest() + ")");
 * } catch (ServicePackageException e) {
 *     e.problems().forEach(p -> System.err.println(p.location() + " " + p.message(Locale.GERMAN)));
 * }
 * }</pre>
 *
 * <p><b>Security.</b> A package is read completely into memory within {@link PackageLimits} (zip bombs), nothing is
 * extracted to disk; zip entries with absolute paths, {@code ..} segments, backslashes or duplicate names and
 * symbolic links out of a package directory are refused; XML is parsed without DTDs and external entities.
 * Immutable and thread-safe.
 */
public final class ServicePackage {

    /** The class path resource of the descriptor's JSON Schema (draft 2020-12). */
    public static final String SCHEMA_RESOURCE = PackageLoader.SCHEMA_RESOURCE;
    /** The name of the descriptor at the root of a package. */
    public static final String DESCRIPTOR = PackageLoader.DESCRIPTOR;
    /** The file name extension of a zipped package. */
    public static final String EXTENSION = ".ozg";

    private static final FileTime ZIP_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, zip's epoch

    private final Path source;
    private final OnlineService service;
    private final String digest;
    private final List<PackageFile> files;

    ServicePackage(Path source, OnlineService service, String digest, List<PackageFile> files) {
        this.source = source;
        this.service = service;
        this.digest = digest;
        this.files = List.copyOf(files);
    }

    /**
     * Loads a package from a directory or a zip file with {@link PackageLimits#DEFAULT}. A file named
     * {@code *.ozg} must be named {@code <id>-<version>.ozg} after its descriptor.
     *
     * @throws ServicePackageException ({@code OZG-PORTAL-110}) with every problem found
     */
    public static ServicePackage load(Path path) {
        return load(path, PackageLimits.DEFAULT);
    }

    /**
     * Loads a package within the given limits.
     *
     * @throws ServicePackageException ({@code OZG-PORTAL-110}) with every problem found
     */
    public static ServicePackage load(Path path, PackageLimits limits) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(limits, "limits");
        return new PackageLoader(path, PackageContent.read(path, limits)).load();
    }

    /**
     * Checks the package directory {@code directory} by loading it, then writes it as {@code <id>-<version>.ozg}
     * into {@code targetDirectory} (hidden files left out, entries in path order with a fixed time, so that the same
     * content gives the same bytes) and returns the written file. The file appears complete or not at all.
     *
     * @throws ServicePackageException when the directory is not a valid package
     * @throws ProcessingException     ({@code OZG-PORTAL-122}) when the file cannot be written
     */
    public static Path pack(Path directory, Path targetDirectory) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(targetDirectory, "targetDirectory");
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(PortalError.PACKAGE_UNREADABLE, directory, "not a directory");
        }
        PackageContent content = PackageContent.read(directory, PackageLimits.DEFAULT);
        ServicePackage checked = new PackageLoader(directory, content).load();
        Path target = targetDirectory.resolve(checked.service.id() + "-" + checked.service.version() + EXTENSION);
        try {
            Files.createDirectories(targetDirectory);
            Path temporary = Files.createTempFile(targetDirectory, ".pack-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    writeZip(content, out);
                }
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ProcessingException(PortalError.PACKAGE_WRITE_FAILED, e, target, e.getClass().getSimpleName());
        }
        return target;
    }

    private static void writeZip(PackageContent content, OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            for (Map.Entry<String, byte[]> file : content.files().entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The JSON Schema of the descriptor, to publish or hand to an editor; the caller closes the stream. */
    public static InputStream descriptorSchema() {
        return ServicePackage.class.getResourceAsStream(SCHEMA_RESOURCE);
    }

    /** Where the package was loaded from. */
    public Path source() {
        return source;
    }

    /** The service the package defines. */
    public OnlineService service() {
        return service;
    }

    /**
     * The digest of the package content, {@code sha256:<hex>} over every file's path, size and bytes in path order:
     * the same for a directory and its packed zip, different after any change.
     */
    public String digest() {
        return digest;
    }

    /** The files of the package in path order (hidden files are not part of it). */
    public List<PackageFile> files() {
        return files;
    }

    /** Id, version and digest. */
    @Override
    public String toString() {
        return "ServicePackage[" + service + ", " + digest + "]";
    }
}
