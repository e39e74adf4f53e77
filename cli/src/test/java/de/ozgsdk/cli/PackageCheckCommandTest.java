package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ozg package check} and {@code ozg package pack} on the fixture package sperrmuell and broken copies. */
class PackageCheckCommandTest {

    @TempDir
    Path tmp;

    private static String pkg() {
        return Path.of(CliRun.fixture("package/sperrmuell/service.json")).getParent().toString();
    }

    private Path copy() throws IOException {
        Path source = Path.of(pkg());
        Path target = tmp.resolve("sperrmuell");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        return target;
    }

    private static void edit(Path pkg, String from, String to) throws IOException {
        Path file = pkg.resolve("service.json");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aPackageThatRunsFullyOnTheCentralPortalExitsWithZero() {
        CliRun run = CliRun.run("package", "check", pkg(), "--profile", "central", "--locale", "en");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("sperrmuell 2.1.0 on the portal central: runs\n")
                .contains("Blockers (0)").contains("Degradations (0)").contains("sha256:");
    }

    @Test
    void degradationsOnTheLegacyPortalAreListedAndStillExitWithZero() {
        CliRun run = CliRun.run("package", "check", pkg(), "--profile", "legacy");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("sperrmuell 2.1.0 auf dem Portal legacy: läuft, mit Einschränkungen")
                .contains("[OZG-PORTAL-230] notifications: Das Portal legacy hat kein Postfach")
                .contains("[OZG-PORTAL-231] languages:");
        assertThat(CliRun.run("package", "check", pkg(), "--profile", "legacy", "--fail-on-degradation").exitCode())
                .isEqualTo(1);
    }

    @Test
    void blockersExitWithOneAndNameWhatBlocks() throws IOException {
        Path pkg = copy();
        edit(pkg, "\"trustLevel\": \"LOW\"", "\"trustLevel\": \"HIGH\"");

        CliRun run = CliRun.run("package", "check", pkg.toString(), "--profile", "legacy", "--locale", "en");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("does NOT run").contains("Blockers (1):")
                .contains("[OZG-PORTAL-210] trustLevel: The service sperrmuell 2.1.0 needs trust level HIGH, the portal"
                        + " legacy offers at most SUBSTANTIAL.");
    }

    @Test
    void theJsonReportHasTheVerdictAndEveryItem() throws IOException {
        CliRun run = CliRun.run("package", "check", pkg(), "--profile", "legacy", "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.path("service").stringValue()).isEqualTo("sperrmuell");
        assertThat(report.path("runsOnPortal").booleanValue()).isTrue();
        assertThat(report.path("blockers").size()).isZero();
        assertThat(report.path("degradations").findValuesAsString("code"))
                .containsExactly("OZG-PORTAL-230", "OZG-PORTAL-231");
    }

    @Test
    void aBrokenPackagePrintsEveryProblemWithFileAndLineAndExitsWithTwo() throws IOException {
        Path pkg = copy();
        edit(pkg, "\"minApiLevel\": 1", "\"minApiLevel\": 99");
        edit(pkg, "\"trustLevel\": \"LOW\"", "\"trustlevel\": \"LOW\"");
        edit(pkg, "\"G99200002\"]", "\"G99200003\"]");
        Files.writeString(pkg.resolve("form/sperrmuell-xdf2.xml"), Files.readString(pkg.resolve(
                "form/sperrmuell-xdf2.xml")).replace("<xdf:name>Wunschtermin</xdf:name>", "<xdf:name>Wunschtermin"));

        CliRun text = CliRun.run("package", "check", pkg.toString(), "--profile", "central", "--locale", "en");
        CliRun json = CliRun.run("package", "check", pkg.toString(), "--profile", "central", "--format", "json");

        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("[OZG-PORTAL-110]").contains("3 problem(s)")
                .contains("service.json:4:18 (/minApiLevel) [OZG-PORTAL-119]")
                .contains("service.json:13:17 (/trustlevel) [OZG-PORTAL-116] In the descriptor: unknown property"
                        + " \"trustlevel\"")
                .contains("form/sperrmuell-xdf2.xml:127:17 [OZG-FIM-122]");
        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        assertThat(report.path("valid").booleanValue()).isFalse();
        assertThat(report.path("problems").findValuesAsString("code"))
                .containsExactlyInAnyOrder("OZG-PORTAL-119", "OZG-PORTAL-116", "OZG-FIM-122");
        assertThat(report.path("problems").get(0).path("line").isInt()).isTrue();
    }

    @Test
    void anUnknownProfileIsUnusable() {
        CliRun run = CliRun.run("package", "check", pkg(), "--profile", "kommunalportal");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("[OZG-PORTAL-201]").contains("central, legacy");
    }

    @Test
    void aPackedPackageIsCheckedLikeItsDirectory() throws IOException {
        CliRun pack = CliRun.run("package", "pack", pkg(), "--output", tmp.toString());

        assertThat(pack.exitCode()).as(pack.err()).isZero();
        Path ozg = tmp.resolve("sperrmuell-2.1.0.ozg");
        assertThat(ozg).isRegularFile();
        CliRun check = CliRun.run("package", "check", ozg.toString(), "--profile", "central", "--format", "json");
        CliRun direct = CliRun.run("package", "check", pkg(), "--profile", "central", "--format", "json");
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(check.out()).path("digest"))
                .isEqualTo(mapper.readTree(direct.out()).path("digest"));
    }
}
