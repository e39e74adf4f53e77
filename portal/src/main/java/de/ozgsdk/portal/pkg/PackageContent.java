package de.ozgsdk.portal.pkg;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a service package, read completely into memory from a directory or a {@code .ozg} zip within the
 * {@link PackageLimits}, with the problems found while reading. Nothing is ever extracted to disk, so a zip entry
 * cannot write anywhere; entries with unsafe names are refused all the same, because they show a crafted package.
 * Hidden files and directories (a name starting with {@code .}, e.g. {@code .git}) are not part of a package.
 */
final class PackageContent {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final String source;
    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private final List<PackageProblem> problems = new ArrayList<>();
    private final PackageLimits limits;
    private boolean complete = true;
    private int entries;
    private long total;

    private PackageContent(String source, PackageLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    static PackageContent read(Path path, PackageLimits limits) {
        PackageContent content = new PackageContent(path.getFileName() == null ? path.toString()
                : path.getFileName().toString(), limits);
        if (Files.isDirectory(path)) {
            content.readDirectory(path);
        } else if (Files.isRegularFile(path)) {
            content.readZip(path);
        } else {
            content.fail(PortalError.PACKAGE_UNREADABLE, content.source, content.source,
                    Files.exists(path) ? "neither a directory nor a file" : "it does not exist");
        }
        return content;
    }

    String source() {
        return source;
    }

    /** Whether every entry could be read (no limit hit, no unreadable package); unsafe entries are only skipped. */
    boolean complete() {
        return complete;
    }

    List<PackageProblem> problems() {
        return problems;
    }

    Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    boolean hasFile(String path) {
        return files.containsKey(path);
    }

    boolean hasDirectory(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return files.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    /** The files under a directory of the package, by path. */
    SortedMap<String, byte[]> under(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return Collections.unmodifiableSortedMap(files.subMap(prefix, prefix + Character.MAX_VALUE));
    }

    SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    /** The SHA-256 over every file's path, length and content in path order: equal for equal packages. */
    String digest() {
        MessageDigest sha = sha256();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(file.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    List<PackageFile> listing() {
        return files.entrySet().stream().map(f -> new PackageFile(f.getKey(), f.getValue().length,
                HexFormat.of().formatHex(sha256().digest(f.getValue())))).toList();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    // ---- directory ---------------------------------------------------------------------------------------------

    private void readDirectory(Path directory) {
        try {
            Path root = directory.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && hidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return countEntry() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (hidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!countEntry()) {
                        return FileVisitResult.TERMINATE;
                    }
                    String name = relative(root, file);
                    if (attrs.isSymbolicLink() && !insideRoot(root, file)) {
                        unsafe(name, "a symbolic link to a place outside the package");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!Files.isRegularFile(file)) {
                        unsafe(name, "not a regular file");
                        return FileVisitResult.CONTINUE;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        return add(name, in) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                    }
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    fail(PortalError.PACKAGE_UNREADABLE, relative(root, file), source,
                            relative(root, file) + " cannot be read (" + e.getClass().getSimpleName() + ")");
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            fail(PortalError.PACKAGE_UNREADABLE, source, source, e.getClass().getSimpleName());
        }
    }

    private static boolean insideRoot(Path root, Path link) {
        try {
            return link.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false; // a dangling link points nowhere inside the package
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    // ---- zip ---------------------------------------------------------------------------------------------------

    private void readZip(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!countEntry()) {
                    return;
                }
                String name = entry.getName();
                Optional<String> unsafe = unsafeName(name);
                if (unsafe.isPresent()) {
                    unsafe(name, unsafe.get());
                } else if (!entry.isDirectory() && !hiddenEntry(name)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (!add(name, in)) {
                            return;
                        }
                    }
                }
            }
        } catch (ZipException e) {
            fail(PortalError.PACKAGE_UNREADABLE, source, source, "not a valid zip file (" + e.getMessage() + ")");
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not UTF-8
            fail(PortalError.PACKAGE_UNREADABLE, source, source, "the zip file cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Why a zip entry name is unsafe, or empty when it is a plain relative path. */
    static Optional<String> unsafeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
            return Optional.of("an absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("a backslash in the path (use / as separator)");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("a control character in the path");
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("a path leaving the package (..)");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("an empty or . segment in the path");
            }
        }
        return Optional.empty();
    }

    private static boolean hiddenEntry(String name) {
        for (String segment : name.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    private boolean countEntry() {
        if (++entries > limits.maxEntries()) {
            fail(PortalError.PACKAGE_TOO_LARGE, source, source, "more than " + limits.maxEntries() + " entries",
                    limits.maxEntries() + " entries");
            return false;
        }
        return true;
    }

    /** Reads one file within the limits; false when a limit is hit (reading stops). */
    private boolean add(String name, InputStream in) throws IOException {
        if (files.containsKey(name)) {
            unsafe(name, "the name occurs twice");
            return true;
        }
        long allowed = Math.min(limits.maxFileBytes(), limits.maxTotalBytes() - total);
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, allowed + 1));
        if (content.length > allowed) {
            boolean fileLimit = allowed == limits.maxFileBytes();
            fail(PortalError.PACKAGE_TOO_LARGE, name, source, fileLimit
                    ? name + " is larger than " + limits.maxFileBytes() + " bytes uncompressed"
                    : "more than " + limits.maxTotalBytes() + " bytes uncompressed in all",
                    (fileLimit ? limits.maxFileBytes() : limits.maxTotalBytes()) + " bytes");
            return false;
        }
        total += content.length;
        files.put(name, content);
        return true;
    }

    private void unsafe(String name, String why) {
        problems.add(PackageProblem.of(name, 0, 0, null,
                new InvalidInputException(PortalError.PACKAGE_ENTRY_UNSAFE, source, name, why)));
    }

    private void fail(PortalError code, String file, Object... arguments) {
        complete = false;
        problems.add(PackageProblem.of(file, 0, 0, null, new InvalidInputException(code, arguments)));
    }
}
