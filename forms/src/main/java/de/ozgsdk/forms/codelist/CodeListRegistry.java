package de.ozgsdk.forms.codelist;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.forms.CodeListAvailability;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.internal.codelist.CodeListIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the code list references of form schemas (canonical URI + version) to {@link CodeList}s, offline, from
 * directories, classpath resources and lists given in code; optionally asks a {@link CodeListSource} (e.g. an
 * XRepository client) when the offline lookup fails, and caches its answers.
 *
 * <p>How a reference is resolved (see {@link #find(CodeListQuery)}): by canonical URI and exact version; else by
 * canonical version URI; else by a canonical URI that is itself a version URI, as XDatenfelder 2 files sometimes give
 * ({@code urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat_2020-05-11}); else, if the reference gives no
 * version at all, the newest version of the URI (configurable). A reference with a version never silently gets
 * another version.
 *
 * <pre>{@code
 * CodeListRegistry registry = CodeListRegistry.builder()
 *         .addDirectory(fim.resolve("codelists"))                    // *.gc, *.genericode, *.xml, recursively
 *         .addClasspathIndex(getClass().getClassLoader(), "de/ozgsdk/forms/codelist/classpath/index.txt")
 *         .build();
 * Optional<CodeList> staat = registry.find("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat",
 *         "2020-05-11");
 * CodeList zustimmung = registry.require(
 *         CodeListQuery.byVersionUri("urn:de:fim:codeliste:zustimmung_2021-01-11"));
 * }</pre>
 *
 * <p>Immutable and thread-safe (the remote cache is internal); build once and share.
 */
public final class CodeListRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CodeListRegistry.class);

    private final CodeListIndex index;
    private final List<String> locations;
    private final boolean newestWhenUnversioned;
    private final Optional<CodeListSource> remoteSource;
    private final ConcurrentMap<CodeListQuery, Optional<CodeList>> remoteCache = new ConcurrentHashMap<>();

    private CodeListRegistry(CodeListIndex index, Builder builder) {
        this.index = index;
        this.locations = List.copyOf(builder.locationDescriptions());
        this.newestWhenUnversioned = builder.newestWhenUnversioned;
        this.remoteSource = builder.remoteSource;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds a code list by canonical URI and version.
     *
     * @param versionOrNull the version; {@code null} or blank if the reference gives none
     * @throws InvalidInputException with {@link CodeListError#QUERY_INVALID} if the URI is blank
     */
    public Optional<CodeList> find(String canonicalUri, String versionOrNull) {
        return find(CodeListQuery.of(Objects.requireNonNull(canonicalUri, "canonicalUri"), versionOrNull));
    }

    /** Finds a code list by its canonical version URI, e.g. {@code urn:de:fim:codeliste:zustimmung_2021-01-11}. */
    public Optional<CodeList> findByVersionUri(String canonicalVersionUri) {
        return find(CodeListQuery.byVersionUri(canonicalVersionUri));
    }

    /**
     * Finds a code list as the class comment describes: offline first, then (only on a miss) the remote source, whose
     * answers, found or not, are cached for the life of the registry.
     *
     * @throws de.ozgsdk.core.RemoteSystemException if the remote source fails (not cached)
     * @throws ProcessingException with {@link CodeListError#REMOTE_MISMATCH} if the remote source returns another list
     */
    public Optional<CodeList> find(CodeListQuery query) {
        Objects.requireNonNull(query, "query");
        Optional<CodeList> offline = index.find(query, newestWhenUnversioned);
        if (offline.isPresent() || remoteSource.isEmpty()) {
            return offline;
        }
        return remoteCache.computeIfAbsent(query, this::fetchRemote);
    }

    /**
     * Finds the code list a form schema's reference names ({@link CodeListQuery#from(CodeListReference)}); empty
     * also when the reference names no canonical URI at all.
     *
     * @throws de.ozgsdk.core.RemoteSystemException if the remote source fails (not cached)
     */
    public Optional<CodeList> find(CodeListReference reference) {
        return CodeListQuery.from(reference).flatMap(this::find);
    }

    /**
     * This registry as the importer's view of which code lists exist, so that a missing list is reported when the
     * schema is loaded: {@code FimImporter.builder().codeLists(registry.availability())} fails a strict import with
     * {@code OZG-FIM-114} and warns in lenient mode. With a remote source, the import may ask it (and fail with
     * its {@link de.ozgsdk.core.RemoteSystemException}).
     */
    public CodeListAvailability availability() {
        return reference -> find(reference).isPresent();
    }

    /**
     * Like {@link #find(String, String)}, but a missing list is an error.
     *
     * @throws NotFoundException with {@link CodeListError#CODE_LIST_NOT_FOUND} (or {@code ..._UNVERSIONED}) naming the
     *                           URI, the version, where the registry looked and how to fix it
     */
    public CodeList require(String canonicalUri, String versionOrNull) {
        return require(CodeListQuery.of(Objects.requireNonNull(canonicalUri, "canonicalUri"), versionOrNull));
    }

    /**
     * Like {@link #find(CodeListQuery)}, but a missing list is an error.
     *
     * @throws NotFoundException with {@link CodeListError#CODE_LIST_NOT_FOUND} (or {@code ..._UNVERSIONED}) naming the
     *                           URI, the version, where the registry looked and how to fix it
     */
    public CodeList require(CodeListQuery query) {
        return find(query).orElseThrow(() -> notFound(query));
    }

    /** The code lists held offline, in the order they were added. */
    public List<CodeList> codeLists() {
        return index.all();
    }

    /** Where the registry looks, in order (directories, classpath resources, lists given in code, remote source). */
    public List<String> locations() {
        return locations;
    }

    private Optional<CodeList> fetchRemote(CodeListQuery query) {
        CodeListSource source = remoteSource.orElseThrow();
        LOG.debug("code list {} not found offline, asking {}", query, source.description());
        Optional<CodeList> fetched = Objects.requireNonNull(source.fetch(query), "CodeListSource.fetch returned null");
        if (fetched.isPresent() && !query.matches(fetched.get())) {
            CodeList list = fetched.get();
            throw new ProcessingException(CodeListError.REMOTE_MISMATCH, source.description(), query,
                    list.canonicalUri() + " " + list.version().orElse("-"));
        }
        return fetched;
    }

    private NotFoundException notFound(CodeListQuery query) {
        String where = locations.isEmpty() ? "-" : String.join("; ", locations);
        String uri = query.canonicalUri().or(query::canonicalVersionUri).orElse("");
        Optional<String> version = query.version().or(() -> query.canonicalUri().isPresent()
                ? query.canonicalVersionUri() : Optional.empty());
        return version.isPresent()
                ? new NotFoundException(CodeListError.CODE_LIST_NOT_FOUND, uri, version.get(), where)
                : new NotFoundException(CodeListError.CODE_LIST_NOT_FOUND_UNVERSIONED, uri, where);
    }

    /**
     * Builds a {@link CodeListRegistry}. Sources are read on {@link #build()}, in the order added. Defaults: no
     * sources, no remote source, newest version for references without version.
     */
    public static final class Builder {

        private static final List<String> SUFFIXES = List.of(".gc", ".genericode", ".xml");

        private final List<Source> sources = new ArrayList<>();
        private GenericodeReader reader = GenericodeReader.create();
        private boolean newestWhenUnversioned = true;
        private Optional<CodeListSource> remoteSource = Optional.empty();

        private Builder() {
        }

        /**
         * Adds every code list under a directory, recursively: files ending in {@code .gc}, {@code .genericode} or
         * {@code .xml}; {@code .xml} files that are not genericode (e.g. XDatenfelder schemas) are skipped.
         *
         * @throws ConfigurationException with {@link CodeListError#DIRECTORY_UNREADABLE} if it is not a readable
         *                                directory
         */
        public Builder addDirectory(Path directory) {
            Objects.requireNonNull(directory, "directory");
            if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
                throw new ConfigurationException(CodeListError.DIRECTORY_UNREADABLE, directory,
                        Files.exists(directory) ? "not a readable directory" : "does not exist");
            }
            sources.add(new DirectorySource(directory));
            return this;
        }

        /**
         * Adds code lists from classpath resources.
         *
         * @param names resource names such as {@code codelisten/staat_2020-05-11.gc} (a leading {@code /} is ignored)
         * @throws ConfigurationException with {@link CodeListError#RESOURCE_MISSING} if a resource does not exist
         */
        public Builder addClasspathResources(ClassLoader loader, String... names) {
            Objects.requireNonNull(loader, "loader");
            for (String name : Objects.requireNonNull(names, "names")) {
                sources.add(new ResourceSource(loader, resourceName(loader, name)));
            }
            return this;
        }

        /**
         * Adds the code lists named in a classpath index file: UTF-8, one resource name per line, relative to the
         * index file's folder unless it starts with {@code /}; blank lines and lines starting with {@code #} are
         * ignored.
         *
         * @throws ConfigurationException with {@link CodeListError#RESOURCE_MISSING} if the index or a listed resource
         *                                does not exist
         */
        public Builder addClasspathIndex(ClassLoader loader, String indexResource) {
            Objects.requireNonNull(loader, "loader");
            String indexName = resourceName(loader, indexResource);
            String folder = indexName.contains("/") ? indexName.substring(0, indexName.lastIndexOf('/') + 1) : "";
            for (String line : readLines(loader, indexName)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    String name = entry.startsWith("/") ? entry.substring(1) : folder + entry;
                    sources.add(new ResourceSource(loader, resourceName(loader, name)));
                }
            }
            return this;
        }

        /** Adds code lists built or read elsewhere. */
        public Builder add(CodeList... codeLists) {
            for (CodeList list : Objects.requireNonNull(codeLists, "codeLists")) {
                sources.add(new GivenSource(Objects.requireNonNull(list, "codeList")));
            }
            return this;
        }

        /** The source asked when the offline lookup fails; default none (purely offline). */
        public Builder remoteSource(CodeListSource source) {
            this.remoteSource = Optional.of(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Whether a reference without any version resolves to the newest version of its canonical URI (true, the
         * default) or to nothing (false, for deployments that insist on pinned versions).
         */
        public Builder newestWhenUnversioned(boolean newest) {
            this.newestWhenUnversioned = newest;
            return this;
        }

        /** The reader for files and resources; default {@link GenericodeReader#create()}. */
        public Builder reader(GenericodeReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Reads all sources and builds the registry.
         *
         * @throws InvalidInputException    if a code list file is not a usable genericode code list
         * @throws ConfigurationException   with {@link CodeListError#DUPLICATE_CODE_LIST} if two sources provide the
         *                                  same version of a list, or if a directory cannot be read
         */
        public CodeListRegistry build() {
            List<CodeListIndex.Entry> entries = new ArrayList<>();
            for (Source source : sources) {
                source.load(reader, entries);
            }
            CodeListIndex index = CodeListIndex.of(entries);
            LOG.info("code list registry: {} code lists from {} sources", entries.size(), sources.size());
            return new CodeListRegistry(index, this);
        }

        private List<String> locationDescriptions() {
            List<String> descriptions = new ArrayList<>();
            long given = sources.stream().filter(GivenSource.class::isInstance).count();
            sources.stream().filter(s -> !(s instanceof GivenSource)).map(Source::description)
                    .forEach(descriptions::add);
            if (given > 0) {
                descriptions.add(given + " code list(s) given in code");
            }
            remoteSource.ifPresent(source -> descriptions.add("remote source " + source.description()));
            return descriptions;
        }

        private static String resourceName(ClassLoader loader, String name) {
            String normalized = Objects.requireNonNull(name, "name").startsWith("/") ? name.substring(1) : name;
            if (loader.getResource(normalized) == null) {
                throw new ConfigurationException(CodeListError.RESOURCE_MISSING, normalized);
            }
            return normalized;
        }

        private static List<String> readLines(ClassLoader loader, String name) {
            try (InputStream in = loader.getResourceAsStream(name);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(
                            Objects.requireNonNull(in, name), StandardCharsets.UTF_8))) {
                return lines.lines().collect(Collectors.toList());
            } catch (IOException | UncheckedIOException e) {
                throw new ConfigurationException(CodeListError.RESOURCE_MISSING, e, name);
            }
        }

        private static boolean hasCodeListSuffix(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return SUFFIXES.stream().anyMatch(name::endsWith);
        }

        /** A place code lists come from. */
        private interface Source {
            void load(GenericodeReader reader, List<CodeListIndex.Entry> into);

            String description();
        }

        private record DirectorySource(Path directory) implements Source {
            @Override
            public void load(GenericodeReader reader, List<CodeListIndex.Entry> into) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(directory)) {
                    files = walk.filter(Files::isRegularFile).filter(Builder::hasCodeListSuffix).sorted().toList();
                } catch (IOException | UncheckedIOException e) {
                    throw new ConfigurationException(CodeListError.DIRECTORY_UNREADABLE, e, directory,
                            e.getClass().getSimpleName());
                }
                for (Path file : files) {
                    try {
                        into.add(new CodeListIndex.Entry(reader.read(file), file.toString()));
                    } catch (InvalidInputException e) {
                        if (!isForeignXml(file, e)) {
                            throw e;
                        }
                        LOG.debug("skipping {}: not a genericode code list", file);
                    }
                }
            }

            private static boolean isForeignXml(Path file, InvalidInputException e) {
                return e.code() == CodeListError.NOT_GENERICODE
                        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
            }

            @Override
            public String description() {
                return "directory " + directory.toAbsolutePath().normalize();
            }
        }

        private record ResourceSource(ClassLoader loader, String name) implements Source {
            @Override
            public void load(GenericodeReader reader, List<CodeListIndex.Entry> into) {
                URL url = loader.getResource(name);
                if (url == null) {
                    throw new ConfigurationException(CodeListError.RESOURCE_MISSING, name);
                }
                try (InputStream in = url.openStream()) {
                    into.add(new CodeListIndex.Entry(reader.read(in, name), "classpath:" + name));
                } catch (IOException e) {
                    throw new InvalidInputException(CodeListError.READ_FAILED, e, name,
                            e.getClass().getSimpleName());
                }
            }

            @Override
            public String description() {
                return "classpath:" + name;
            }
        }

        private record GivenSource(CodeList codeList) implements Source {
            @Override
            public void load(GenericodeReader reader, List<CodeListIndex.Entry> into) {
                into.add(new CodeListIndex.Entry(codeList, "code list given in code " + codeList));
            }

            @Override
            public String description() {
                return "given in code";
            }
        }
    }
}
