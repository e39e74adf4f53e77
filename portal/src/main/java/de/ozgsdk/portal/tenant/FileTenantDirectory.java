package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.portal.PortalError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tenants read from JSON files: one file per tenant ({@code koeln.json}), the logo file beside it. Loading checks
 * every file completely and reports all problems of all files at once, each with file, line, column and JSON pointer
 * ({@link TenantFileException}); the format is published as the JSON Schema
 * {@code de/ozgsdk/portal/tenant/tenant.schema.json}.
 *
 * <pre>{@code
 * TenantDirectory tenants = FileTenantDirectory.load(Path.of("/etc/ozg/tenants")); // every *.json in it
 * PortalTenant koeln = tenants.findByRegionalKey(RegionalKey.parse("053150000000")).orElseThrow();
 * }</pre>
 *
 * <p>The directory is read once; to pick up changes, load it again (or keep tenants in the database with
 * {@link JdbcTenantDirectory}). Immutable and thread-safe.
 */
public final class FileTenantDirectory implements TenantDirectory {

    /** The JSON Schema of a tenant file, as a class-path resource. */
    public static final String SCHEMA_RESOURCE = "/de/ozgsdk/portal/tenant/tenant.schema.json";

    private final TenantDirectory tenants;

    private FileTenantDirectory(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /**
     * Loads one tenant file, or every {@code *.json} file directly in a directory.
     *
     * @throws TenantFileException ({@code OZG-PORTAL-501}) listing every problem of every file, including two files
     *     with the same tenant id or Regionalschlüssel
     * @throws ConfigurationException ({@code OZG-PORTAL-503}) if a file or the directory cannot be read
     */
    public static FileTenantDirectory load(Path fileOrDirectory) {
        Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
        List<Path> files = files(fileOrDirectory);
        List<TenantFileProblem> problems = new ArrayList<>();
        List<PortalTenant> loaded = new ArrayList<>();
        Map<TenantId, String> fileById = new HashMap<>();
        Map<String, String> fileByKey = new HashMap<>();
        for (Path file : files) {
            Optional<PortalTenant> tenant = read(file, problems);
            if (tenant.isEmpty()) {
                continue;
            }
            String name = String.valueOf(file.getFileName());
            String firstById = fileById.putIfAbsent(tenant.get().tenant().id(), name);
            String firstByKey = fileByKey.putIfAbsent(tenant.get().tenant().regionalKey().value(), name);
            if (firstById != null) {
                problems.add(new TenantFileProblem(name, 1, 1, "/id", "the tenant id "
                        + tenant.get().tenant().id() + " is already used by " + firstById));
            } else if (firstByKey != null) {
                problems.add(new TenantFileProblem(name, 1, 1, "/regionalKey", "the Regionalschlüssel "
                        + tenant.get().tenant().regionalKey() + " is already used by " + firstByKey
                        + "; one tenant per municipality"));
            } else {
                loaded.add(tenant.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new TenantFileException(problems);
        }
        return new FileTenantDirectory(TenantDirectory.of(loaded.toArray(PortalTenant[]::new)));
    }

    /**
     * Reads one tenant file.
     *
     * @throws TenantFileException ({@code OZG-PORTAL-501}) listing every problem of the file
     * @throws ConfigurationException ({@code OZG-PORTAL-503}) if it cannot be read
     */
    public static PortalTenant read(Path file) {
        List<TenantFileProblem> problems = new ArrayList<>();
        Optional<PortalTenant> tenant = read(file, problems);
        if (tenant.isEmpty()) {
            throw new TenantFileException(problems);
        }
        return tenant.get();
    }

    /** The JSON of a tenant file for {@code tenant}, naming {@code logoFile} as its logo if it has one. */
    public static String write(PortalTenant tenant, String logoFile) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(logoFile, "logoFile");
        return TenantJson.write(tenant, Optional.of(logoFile));
    }

    @Override
    public Optional<PortalTenant> find(TenantId id) {
        return tenants.find(id);
    }

    @Override
    public List<PortalTenant> all() {
        return tenants.all();
    }

    private static Optional<PortalTenant> read(Path file, List<TenantFileProblem> problems) {
        String name = String.valueOf(file.getFileName());
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException(PortalError.TENANT_FILE_UNREADABLE, e, name, e.getClass().getSimpleName());
        }
        Path directory = file.toAbsolutePath().getParent();
        return TenantJson.read(json, name, logoFile -> logo(directory, logoFile), problems);
    }

    /** The bytes of a logo beside the tenant file; only a plain file name, so a file cannot reach elsewhere. */
    private static byte[] logo(Path directory, Optional<String> logoFile) {
        String name = logoFile.orElseThrow(() -> new IllegalArgumentException(
                "\"file\" is missing: name the logo file beside the tenant file"));
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}") || name.contains("..")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a plain file name beside the tenant file"
                    + " (letters, digits, . _ -, no path)");
        }
        Path path = directory.resolve(name);
        try {
            if (Files.size(path) > TenantJson.MAX_LOGO_BYTES) {
                throw new IllegalArgumentException("the logo file " + name + " is larger than "
                        + TenantJson.MAX_LOGO_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("the logo file " + name + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<Path> files(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            if (!Files.isRegularFile(fileOrDirectory)) {
                throw new ConfigurationException(PortalError.TENANT_FILE_UNREADABLE,
                        String.valueOf(fileOrDirectory.getFileName()), "no such file or directory");
            }
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> entries = Files.list(fileOrDirectory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new ConfigurationException(PortalError.TENANT_FILE_UNREADABLE, e,
                    String.valueOf(fileOrDirectory.getFileName()), e.getClass().getSimpleName());
        }
    }
}
