package de.ozgsdk.portal.pkg;

import static de.ozgsdk.portal.pkg.ServicePackageTest.catchPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import de.ozgsdk.portal.PortalError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zip slip, absolute paths, zip bombs, too many entries, symbolic links out of a package directory. */
class PackageSafetyTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "form/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "form\\..\\evil.txt",
        "\\evil.txt", "form//evil.txt", "./evil.txt"})
    void refusesZipEntriesThatCouldLeaveThePackage(String name) {
        Map<String, byte[]> entries = TestPackages.exampleEntries();
        entries.put(name, TestPackages.utf8("pwned"));
        Path zip = TestPackages.zip(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"), entries);

        List<PackageProblem> problems = catchPackage(zip).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PortalError.PACKAGE_ENTRY_UNSAFE);
            assertThat(p.file()).isEqualTo(name);
        });
        assertThat(tmp.getParent().resolve("evil.txt")).doesNotExist();
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void refusesAZipBombBeyondTheFileLimitWithoutReadingItWhole() {
        Path zip = TestPackages.zipWithLargeEntry(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"),
                TestPackages.exampleEntries(), "templates/bomb.txt", PackageLimits.DEFAULT.maxFileBytes() + 1);

        List<PackageProblem> problems = catchPackage(zip).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PortalError.PACKAGE_TOO_LARGE);
            assertThat(p.message(java.util.Locale.ENGLISH)).contains("templates/bomb.txt")
                    .contains("larger than " + PackageLimits.DEFAULT.maxFileBytes());
        });
    }

    @Test
    void refusesAPackageBeyondTheTotalSize() {
        Map<String, byte[]> entries = TestPackages.exampleEntries();
        for (int i = 0; i < 5; i++) {
            entries.put("templates/filler-" + i + ".txt", new byte[40_000]);
        }
        Path zip = TestPackages.zip(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"), entries);

        List<PackageProblem> problems = catchPackage(zip, new PackageLimits(100, 50_000, 150_000)).problems();

        assertThat(problems).extracting(PackageProblem::code).containsExactly(PortalError.PACKAGE_TOO_LARGE);
        assertThat(problems.get(0).message(java.util.Locale.ENGLISH)).contains("150000 bytes uncompressed in all");
    }

    @Test
    void refusesAPackageWithTooManyEntries() {
        Path zip = TestPackages.zip(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"), TestPackages.exampleEntries());

        assertThat(catchPackage(zip, new PackageLimits(5, 1 << 20, 1 << 22)).problems())
                .extracting(PackageProblem::code).containsExactly(PortalError.PACKAGE_TOO_LARGE);
        assertThat(catchPackage(TestPackages.example(), new PackageLimits(5, 1 << 20, 1 << 22)).problems())
                .as("the same limit for a directory").extracting(PackageProblem::code)
                .containsExactly(PortalError.PACKAGE_TOO_LARGE);
    }

    @Test
    void refusesASymbolicLinkOutOfAPackageDirectory() throws IOException {
        Path pkg = TestPackages.copy(tmp.resolve("pkg"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not part of the package");
        try {
            Files.createSymbolicLink(pkg.resolve("templates/secret.txt"), secret);
        } catch (UnsupportedOperationException | FileSystemException e) {
            assumeThat(false).as("symbolic links are not supported here: " + e).isTrue();
        }

        assertThat(catchPackage(pkg).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PortalError.PACKAGE_ENTRY_UNSAFE);
            assertThat(p.file()).isEqualTo("templates/secret.txt");
        });
    }

    @Test
    void followsASymbolicLinkInsideThePackageDirectory() throws IOException {
        Path pkg = TestPackages.copy(tmp.resolve("pkg"));
        Files.move(pkg.resolve("templates/postbox-text.en.txt"), pkg.resolve("form/postbox-text.en.txt"));
        Files.createSymbolicLink(pkg.resolve("templates/postbox-text.en.txt"),
                pkg.resolve("form/postbox-text.en.txt"));

        assertThat(ServicePackage.load(pkg).service().notifications().postboxText().get(java.util.Locale.ENGLISH))
                .startsWith("Your application");
    }

    @Test
    void hiddenFilesAreNotPartOfAPackage() throws IOException {
        Path pkg = TestPackages.copy(tmp.resolve("pkg"));
        Files.createDirectories(pkg.resolve(".git"));
        Files.writeString(pkg.resolve(".git/HEAD"), "ref: refs/heads/main");
        Files.writeString(pkg.resolve(".DS_Store"), "x");

        assertThat(ServicePackage.load(pkg).digest()).isEqualTo(ServicePackage.load(TestPackages.example()).digest());
    }

    @Test
    void anOzgFileMustBeNamedAfterIdAndVersion() {
        Path zip = TestPackages.zip(tmp.resolve("parken.ozg"), TestPackages.exampleEntries());

        assertThat(catchPackage(zip).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PortalError.PACKAGE_NAME_MISMATCH);
            assertThat(p.message(java.util.Locale.ENGLISH)).contains("anwohnerparkausweis-1.0.0.ozg");
        });
    }

    @Test
    void aFileThatIsNoZipIsUnreadable() throws IOException {
        Path notZip = Files.writeString(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"), "{\"id\": 1}");

        assertThat(catchPackage(notZip).problems()).extracting(PackageProblem::code)
                .containsExactly(PortalError.PACKAGE_UNREADABLE);
        assertThat(catchPackage(tmp.resolve("missing")).problems()).extracting(PackageProblem::code)
                .containsExactly(PortalError.PACKAGE_UNREADABLE);
    }

    @Test
    void duplicateZipEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(TestPackages.exampleEntries());
        entries.put("service.jsoX", TestPackages.utf8("{}"));
        Path zip = TestPackages.zip(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"), entries);
        // ZipOutputStream refuses duplicate names: rename the second entry in place (local header and directory)
        String bytes = new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1);
        Files.write(zip, bytes.replace("service.jsoX", "service.json").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(catchPackage(zip).problems()).extracting(PackageProblem::code, PackageProblem::file)
                .contains(tuple(PortalError.PACKAGE_ENTRY_UNSAFE, "service.json"));
    }

    @Test
    void aZipOfThePackageDirectoryItselfIsRefusedWithAHint() {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        TestPackages.exampleEntries().forEach((name, bytes) -> nested.put("anwohnerparkausweis/" + name, bytes));
        Path zip = TestPackages.zip(tmp.resolve("anwohnerparkausweis-1.0.0.ozg"), nested);

        assertThat(catchPackage(zip).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PortalError.DESCRIPTOR_MISSING);
            assertThat(p.message(java.util.Locale.ENGLISH)).contains("found anwohnerparkausweis/service.json");
        });
    }
}
