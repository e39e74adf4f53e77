package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeListRegistryTest {

    private static final String EINWILLIGUNG = "urn:de:ozgsdk:test:codeliste:einwilligung";
    private static final ClassLoader LOADER = CodeListRegistryTest.class.getClassLoader();
    private static final String DIALECTS = "de/ozgsdk/forms/codelist/dialects/";

    @TempDir
    static Path directory;

    private static CodeListRegistry fromDirectory;

    @BeforeAll
    static void writeCodeListDirectory() throws IOException {
        Path nested = Files.createDirectories(directory.resolve("fim/nested"));
        copy("default-namespace.gc", directory.resolve("einwilligung.gc"));
        copy("xoev-genericode-3.gc", nested.resolve("waehrung.genericode"));
        copy("non-urn-uri.gc", directory.resolve("fim/zahlungsart.xml"));
        copy("empty-uri.gc", directory.resolve("fim/ohne-kennung.gc"));
        Files.writeString(directory.resolve("fim/S99000001.xml"),
                "<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_2\"/>");
        Files.writeString(directory.resolve("README.txt"), "keine Codeliste");
        fromDirectory = CodeListRegistry.builder().addDirectory(directory).build();
    }

    @Test
    void loadsEveryGenericodeFileOfADirectoryRecursivelyAndSkipsOtherXml() {
        assertThat(fromDirectory.codeLists()).extracting(CodeList::canonicalUri).containsExactlyInAnyOrder(
                EINWILLIGUNG, "urn:xoev-de:ozgsdk:codeliste:waehrung", "Art der Zahlung (kurz)", "");
        assertThat(fromDirectory.locations()).singleElement().asString().startsWith("directory ");
    }

    @Test
    void resolvesByCanonicalUriAndVersion() {
        assertThat(fromDirectory.find(EINWILLIGUNG, "2023-04-01")).hasValueSatisfying(
                list -> assertThat(list.codes()).containsExactly("J", "N"));
    }

    @Test
    void resolvesByCanonicalVersionUri() {
        assertThat(fromDirectory.findByVersionUri("urn:xoev-de:ozgsdk:codeliste:waehrung_3"))
                .map(CodeList::keyColumnId).contains("schluessel");
    }

    @Test
    void resolvesByVersionUriWhenTheVersionDoesNotMatchLiterally() {
        CodeListQuery query = CodeListQuery.of(EINWILLIGUNG, "1", EINWILLIGUNG + "_2023-04-01");

        assertThat(fromDirectory.find(query)).map(CodeList::version).contains(Optional.of("2023-04-01"));
    }

    @Test
    void resolvesAUriThatCarriesTheVersionLikeXdf2References() {
        assertThat(fromDirectory.find(EINWILLIGUNG + "_2023-04-01", null)).map(CodeList::canonicalUri)
                .contains(EINWILLIGUNG);
    }

    @Test
    void resolvesNonUrnUriWithVersion() {
        assertThat(fromDirectory.find("Art der Zahlung (kurz)", "0.1")).map(list -> list.name("02"))
                .contains(Optional.of("Lastschrift"));
    }

    @Test
    void collapsesWhitespaceOfReferencesAsXsTokenDoes() {
        assertThat(fromDirectory.find(" urn:de:ozgsdk:test:codeliste:einwilligung\n        ", "\n2023-04-01 "))
                .isPresent();
        assertThat(fromDirectory.find(CodeListQuery.of(null, "", EINWILLIGUNG + "_2023-04-01\n   "))).isPresent();
    }

    @Test
    void neverSubstitutesAnotherVersionForAPinnedOne() {
        assertThat(fromDirectory.find(EINWILLIGUNG, "2019-01-01")).isEmpty();
    }

    @Test
    void resolvesTheNewestVersionWhenTheReferenceHasNone() {
        CodeListRegistry registry = CodeListRegistry.builder()
                .addClasspathResources(LOADER, "de/ozgsdk/forms/codelist/classpath/sub/einwilligung-2024.gc",
                        "/de/ozgsdk/forms/codelist/classpath/einwilligung-2023.gc")
                .build();

        assertThat(registry.find(EINWILLIGUNG, null)).map(CodeList::version).contains(Optional.of("2024-02-01"));
        assertThat(registry.find(EINWILLIGUNG, "2023-04-01")).map(CodeList::size).contains(2);
    }

    @Test
    void canInsistOnPinnedVersions() {
        CodeListRegistry registry = CodeListRegistry.builder().addDirectory(directory)
                .newestWhenUnversioned(false).build();

        assertThat(registry.find(EINWILLIGUNG, null)).isEmpty();
        assertThat(registry.find(EINWILLIGUNG, "2023-04-01")).isPresent();
    }

    @Test
    void loadsTheListsNamedInAClasspathIndex() {
        CodeListRegistry registry = CodeListRegistry.builder()
                .addClasspathIndex(LOADER, "de/ozgsdk/forms/codelist/classpath/index.txt").build();

        assertThat(registry.codeLists()).extracting(CodeList::canonicalVersionUri).containsExactly(
                Optional.of(EINWILLIGUNG + "_2023-04-01"), Optional.of(EINWILLIGUNG + "_2024-02-01"),
                Optional.of("urn:xoev-de:ozgsdk:codeliste:wochentag_1"));
        assertThat(registry.locations()).contains("classpath:de/ozgsdk/forms/codelist/classpath/sub/"
                + "einwilligung-2024.gc");
    }

    @Test
    void findsAListWithEmptyCanonicalUriOnlyAmongAllLists() {
        assertThat(fromDirectory.codeLists()).anySatisfy(list -> assertThat(list.canonicalUri()).isEmpty());
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> fromDirectory.find("", "1")).code())
                .isEqualTo(CodeListError.QUERY_INVALID);
    }

    @Test
    void reportsAMissingListAsEmpty() {
        assertThat(fromDirectory.find("urn:de:ozgsdk:test:unbekannt", "1")).isEmpty();
    }

    @Test
    void requireNamesUriVersionLocationsAndTheFix() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> fromDirectory.require("urn:de:ozgsdk:test:unbekannt", "2020-01-01"));

        assertThat(e.code()).isEqualTo(CodeListError.CODE_LIST_NOT_FOUND);
        assertThat(e.userMessage(Locale.GERMAN)).contains("urn:de:ozgsdk:test:unbekannt", "Version 2020-01-01",
                directory.toAbsolutePath().normalize().toString(), "Codelisten-Verzeichnis", "Klassenpfad");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("was not found", "classpath");
    }

    @Test
    void requireWithoutVersionSaysSo() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> fromDirectory.require("Halterdaten", null));

        assertThat(e.code()).isEqualTo(CodeListError.CODE_LIST_NOT_FOUND_UNVERSIONED);
        assertThat(e.userMessage(Locale.ENGLISH)).contains("Halterdaten", "in any version");
    }

    @Test
    void rejectsTwoSourcesWithTheSameVersion() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> CodeListRegistry.builder()
                .addDirectory(directory)
                .addClasspathResources(LOADER, "de/ozgsdk/forms/codelist/classpath/einwilligung-2023.gc")
                .build());

        assertThat(e.code()).isEqualTo(CodeListError.DUPLICATE_CODE_LIST);
        assertThat(e.arguments()).contains(EINWILLIGUNG, "2023-04-01",
                "classpath:de/ozgsdk/forms/codelist/classpath/einwilligung-2023.gc");
    }

    @Test
    void rejectsAMissingDirectory() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CodeListRegistry.builder().addDirectory(directory.resolve("gibt-es-nicht")));

        assertThat(e.code()).isEqualTo(CodeListError.DIRECTORY_UNREADABLE);
    }

    @Test
    void rejectsAMissingClasspathResource() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CodeListRegistry.builder().addClasspathResources(LOADER, "codelisten/fehlt.gc"));

        assertThat(e.code()).isEqualTo(CodeListError.RESOURCE_MISSING);
        assertThat(e.arguments()).containsExactly("codelisten/fehlt.gc");
    }

    @Test
    void propagatesABrokenFileInTheDirectory(@TempDir Path broken) throws IOException {
        Files.writeString(broken.resolve("kaputt.gc"), "<CodeList", StandardCharsets.UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CodeListRegistry.builder().addDirectory(broken).build());

        assertThat(e.getMessage()).contains("kaputt.gc");
    }

    @Test
    void holdsListsGivenInCode() {
        CodeList list = CodeList.builder().canonicalUri("urn:test:ampel").version("1")
                .addColumn(new CodeList.Column("code", "", Optional.empty(), "string", CodeList.Use.REQUIRED))
                .keyColumn("code").addRow(Map.of("code", "rot")).build();

        CodeListRegistry registry = CodeListRegistry.builder().add(list).build();

        assertThat(registry.find("urn:test:ampel", "1")).containsSame(list);
        assertThat(registry.locations()).containsExactly("1 code list(s) given in code");
    }

    // ---- remote source ---------------------------------------------------------------------------------------------

    @Test
    void asksTheRemoteSourceOnlyWhenTheOfflineLookupFails() {
        CountingSource remote = new CountingSource(Optional.empty());
        CodeListRegistry registry = CodeListRegistry.builder().addDirectory(directory).remoteSource(remote).build();

        assertThat(registry.find(EINWILLIGUNG, "2023-04-01")).isPresent();
        assertThat(registry.findByVersionUri("urn:xoev-de:ozgsdk:codeliste:waehrung_3")).isPresent();
        assertThat(remote.calls.get()).isZero();

        assertThat(registry.find("urn:de:ozgsdk:test:unbekannt", "1")).isEmpty();
        assertThat(remote.calls.get()).isEqualTo(1);
        assertThat(remote.queries).containsExactly(CodeListQuery.of("urn:de:ozgsdk:test:unbekannt", "1"));
    }

    @Test
    void cachesWhatTheRemoteSourceAnswered() {
        CodeList ampel = CodeList.builder().canonicalUri("urn:test:ampel").version("2")
                .addColumn(new CodeList.Column("code", "", Optional.empty(), "string", CodeList.Use.REQUIRED))
                .keyColumn("code").addRow(Map.of("code", "gelb")).build();
        CountingSource remote = new CountingSource(Optional.of(ampel));
        CodeListRegistry registry = CodeListRegistry.builder().remoteSource(remote).build();

        assertThat(registry.find("urn:test:ampel", "2")).containsSame(ampel);
        assertThat(registry.require("urn:test:ampel", "2")).isSameAs(ampel);
        assertThat(remote.calls.get()).isEqualTo(1);
        assertThat(registry.locations()).containsExactly("remote source counting test source");
    }

    @Test
    void cachesThatTheRemoteSourceDoesNotKnowAList() {
        CountingSource remote = new CountingSource(Optional.empty());
        CodeListRegistry registry = CodeListRegistry.builder().remoteSource(remote).build();

        registry.find("urn:test:unbekannt", null);
        registry.find("urn:test:unbekannt", null);

        assertThat(remote.calls.get()).isEqualTo(1);
    }

    @Test
    void rejectsARemoteAnswerForAnotherList() {
        CodeList other = CodeList.builder().canonicalUri("urn:test:anders").version("2")
                .addColumn(new CodeList.Column("code", "", Optional.empty(), "string", CodeList.Use.REQUIRED))
                .keyColumn("code").build();
        CodeListRegistry registry = CodeListRegistry.builder().remoteSource(new CountingSource(Optional.of(other)))
                .build();

        ProcessingException e = catchThrowableOfType(ProcessingException.class,
                () -> registry.find("urn:test:ampel", "2"));

        assertThat(e.code()).isEqualTo(CodeListError.REMOTE_MISMATCH);
    }

    private static final class CountingSource implements CodeListSource {
        final AtomicInteger calls = new AtomicInteger();
        final List<CodeListQuery> queries = new CopyOnWriteArrayList<>();
        private final Optional<CodeList> answer;

        CountingSource(Optional<CodeList> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<CodeList> fetch(CodeListQuery query) {
            calls.incrementAndGet();
            queries.add(query);
            return answer;
        }

        @Override
        public String description() {
            return "counting test source";
        }
    }

    private static void copy(String fixture, Path target) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(DIALECTS + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            Files.copy(in, target);
        }
    }
}
