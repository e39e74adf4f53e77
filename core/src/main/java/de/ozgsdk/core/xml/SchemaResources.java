package de.ozgsdk.core.xml;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.internal.xml.SchemaDocumentInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * The local schema documents (XSDs) a schema set may load for its {@code xs:import}, {@code xs:include} and
 * {@code xs:redefine}: one directory or one class path folder, plus mappings of namespaces and of given locations
 * (e.g. the {@code http://} location a published XÖV schema imports its base schema from) to documents in it.
 * Nothing is ever loaded from the network or from a file outside the folder: a {@code schemaLocation} that is neither
 * mapped nor a relative path inside the folder ({@code ../} out of it included) fails with
 * {@link XmlError#SCHEMA_RESOURCE_NOT_ALLOWED}.
 *
 * <pre>{@code
 * SchemaResources xsds = SchemaResources.inDirectory(xbauSchemas)
 *         .namespace("http://xoev.de/schemata/basisdatentypen/1_1", "xoev/xoev-basisdatentypen.xsd")
 *         .location("http://xoev.de/schemata/code/1_0/xoev-code.xsd", "xoev/xoev-code.xsd")
 *         .build();
 * Schema schema = SecureXml.defaults().newSchema(xsds, "xbau-nachrichten.xsd");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaResources {

    /** The system ids handed to the schema factory: hierarchical, so relative locations resolve, never fetched. */
    static final String SCHEME = "ozg-schema:/";

    private final Folder folder;
    private final Map<String, String> byNamespace;
    private final Map<String, String> byLocation;

    private SchemaResources(Builder builder) {
        this.folder = builder.folder;
        this.byNamespace = Map.copyOf(builder.byNamespace);
        this.byLocation = Map.copyOf(builder.byLocation);
    }

    /** Schema documents in {@code directory} and its subdirectories. */
    public static Builder inDirectory(Path directory) {
        Path root = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        return new Builder(new Folder.Directory(root));
    }

    /**
     * Schema documents on the class path of {@code loader} under {@code folder} (e.g.
     * {@code "de/ozgsdk/xoev/schema"}), so that a service package ships its XSDs inside its jar.
     */
    public static Builder onClassPath(ClassLoader loader, String folder) {
        Objects.requireNonNull(loader, "loader");
        String prefix = Objects.requireNonNull(folder, "folder").replaceAll("^/+|/+$", "");
        return new Builder(new Folder.ClassPath(loader, prefix.isEmpty() ? "" : prefix + "/"));
    }

    /** The system id of a document of this set, as the schema factory sees it. */
    static String systemId(String location) {
        return SCHEME + location;
    }

    /** Opens a document of the set by its path in the folder, or fails with {@code SCHEMA_RESOURCE_NOT_ALLOWED}. */
    InputStream open(String location, String referencedBy) {
        return open(location, referencedBy, null, location);
    }

    private InputStream open(String location, String referencedBy, String namespace, String asWritten) {
        String path = inside(location).orElseThrow(() -> refused(referencedBy, asWritten, namespace));
        Optional<InputStream> in = folder.open(path);
        return in.orElseThrow(() -> refused(referencedBy, asWritten, namespace));
    }

    /** The resolver for the schema factory: every reference is served from this set or refused. */
    LSResourceResolver resolver() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            String referencedBy = baseUri != null && baseUri.startsWith(SCHEME) ? baseUri.substring(SCHEME.length())
                    : String.valueOf(baseUri);
            String location = location(namespace, systemId, referencedBy);
            InputStream in = open(location, referencedBy, namespace, systemId == null ? location : systemId);
            return new SchemaDocumentInput(in, systemId(location));
        };
    }

    private String location(String namespace, String systemId, String referencedBy) {
        if (systemId != null && byLocation.containsKey(systemId)) {
            return byLocation.get(systemId);
        }
        if (systemId != null && isRelative(systemId)) {
            String base = referencedBy.contains("/") ? referencedBy.substring(0, referencedBy.lastIndexOf('/') + 1)
                    : "";
            return base + systemId;
        }
        if (namespace != null && byNamespace.containsKey(namespace)) {
            return byNamespace.get(namespace);
        }
        throw refused(referencedBy, systemId == null ? "-" : systemId, namespace);
    }

    private static boolean isRelative(String systemId) {
        try {
            URI uri = new URI(systemId);
            return !uri.isAbsolute() && !systemId.startsWith("/") && !systemId.startsWith("\\")
                    && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The normalised path in the folder, or empty if it leaves the folder. */
    private static Optional<String> inside(String location) {
        String path = location.replace('\\', '/');
        if (path.startsWith("/") || path.contains(":")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    private static InvalidInputException refused(String referencedBy, String location, String namespace) {
        return new InvalidInputException(XmlError.SCHEMA_RESOURCE_NOT_ALLOWED, referencedBy, location,
                namespace == null ? "-" : namespace);
    }

    /** Configures {@link SchemaResources}. */
    public static final class Builder {
        private final Folder folder;
        private final Map<String, String> byNamespace = new LinkedHashMap<>();
        private final Map<String, String> byLocation = new LinkedHashMap<>();

        private Builder(Folder folder) {
            this.folder = folder;
        }

        /** Serves {@code xs:import}s of {@code namespace} whose location is not in the folder from {@code location}. */
        public Builder namespace(String namespace, String location) {
            byNamespace.put(Objects.requireNonNull(namespace, "namespace"), checked(location));
            return this;
        }

        /** Serves references to {@code givenLocation} (e.g. an {@code http://} URL) from {@code location}. */
        public Builder location(String givenLocation, String location) {
            byLocation.put(Objects.requireNonNull(givenLocation, "givenLocation"), checked(location));
            return this;
        }

        private static String checked(String location) {
            Objects.requireNonNull(location, "location");
            if (inside(location).isEmpty()) {
                throw new IllegalArgumentException("location must be a relative path inside the folder: " + location);
            }
            return location;
        }

        public SchemaResources build() {
            return new SchemaResources(this);
        }
    }

    /** Where the documents are. */
    private sealed interface Folder {

        Optional<InputStream> open(String path);

        record Directory(Path root) implements Folder {
            @Override
            public Optional<InputStream> open(String path) {
                Path file = root.resolve(path).normalize();
                try {
                    // also refuses a symbolic link that leads out of the folder
                    if (!file.startsWith(root) || !Files.isRegularFile(file)
                            || !file.toRealPath().startsWith(root.toRealPath())) {
                        return Optional.empty();
                    }
                    return Optional.of(Files.newInputStream(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        record ClassPath(ClassLoader loader, String prefix) implements Folder {
            @Override
            public Optional<InputStream> open(String path) {
                return Optional.ofNullable(loader.getResourceAsStream(prefix + path));
            }
        }
    }
}
