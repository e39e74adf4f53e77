package de.ozgsdk.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module table of DESIGN.md, checked on the compiled classes of every module: a module uses only the modules it
 * may depend on, and never the {@code internal} packages of another module. The examples module sees all modules,
 * so this is the one place where the whole SDK is on the class path.
 */
class ModuleBoundariesTest {

    /** Module → the modules it may depend on (DESIGN.md). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("persistence", Set.of("core")),
            Map.entry("http", Set.of("core")),
            Map.entry("forms", Set.of("core")),
            Map.entry("xoev", Set.of("core", "forms")),
            Map.entry("transfer", Set.of("core", "persistence", "http", "xoev")),
            Map.entry("auth", Set.of("core", "persistence", "http")),
            Map.entry("payment", Set.of("core", "persistence", "http")),
            Map.entry("postbox", Set.of("core", "persistence", "http", "transfer")),
            Map.entry("portal", Set.of("core", "persistence", "http", "forms", "xoev", "transfer", "auth", "payment",
                    "postbox")),
            // the Spring Boot starter (package de.ozgsdk.portal.spring) embeds the portal; the portal never needs it
            Map.entry("portal.spring", Set.of("core", "persistence", "http", "forms", "xoev", "transfer", "auth",
                    "payment", "postbox", "portal")),
            // the mocks speak the wire themselves: built from the clients' code they would only prove that we agree
            // with ourselves (the clients are used in the sandbox's tests only)
            Map.entry("sandbox", Set.of("core")));

    private static final List<String> MODULES = List.of(
            "core", "persistence", "http", "forms", "xoev", "transfer", "auth", "payment", "postbox", "portal", "sandbox",
            "cli", "examples", "portal.spring");

    private static JavaClasses sdk;

    @BeforeAll
    static void importTheSdk() {
        sdk = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.ozgsdk");
        // Guard against a vacuous pass: the rules below allow empty sets of classes.
        assertThat(sdk.containPackage("de.ozgsdk.persistence")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.http.timestamp")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.forms.validation")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.cli")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.transfer")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.sandbox")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.payment")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.postbox")).isTrue();
        assertThat(sdk.containPackage("de.ozgsdk.auth")).isTrue();
    }

    static List<String> restrictedModules() {
        return List.copyOf(new TreeSet<>(ALLOWED.keySet()));
    }

    @ParameterizedTest
    @MethodSource("restrictedModules")
    void moduleDependsOnlyOnTheModulesDesignAllows(String module) {
        String[] forbidden = MODULES.stream()
                .filter(other -> !other.equals(module) && !ALLOWED.get(module).contains(other))
                .map(other -> "de.ozgsdk." + other + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("de.ozgsdk." + module + "..")
                .and().resideOutsideOfPackages(nestedModules(module))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("DESIGN.md lets " + module + " depend on " + ALLOWED.get(module) + " only")
                .allowEmptyShould(true)
                .check(sdk);
    }

    /** The packages of modules that live inside {@code module}'s package (the starter inside portal's). */
    private static String[] nestedModules(String module) {
        return MODULES.stream().filter(other -> other.startsWith(module + "."))
                .map(other -> "de.ozgsdk." + other + "..").toArray(String[]::new);
    }

    @Test
    void onlyTheSpringBootStarterUsesSpring() {
        // guard against a vacuous pass: the starter's classes are on the class path (test dependency)
        assertThat(sdk.containPackage("de.ozgsdk.portal.spring")).isTrue();
        noClasses().that().resideInAPackage("de.ozgsdk..")
                .and().resideOutsideOfPackage("de.ozgsdk.portal.spring..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the portal and every other module run without Spring; only ozg-portal-spring-boot-starter"
                        + " may use it (issue 16, section 6)")
                .check(sdk);
    }

    @ParameterizedTest
    @MethodSource("allModules")
    void noModuleUsesTheInternalsOfAnother(String module) {
        noClasses().that().resideOutsideOfPackage("de.ozgsdk." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("de.ozgsdk." + module + ".internal..")
                .because("internal packages are not promised to stay (STYLE.md)")
                .allowEmptyShould(true)
                .check(sdk);
    }

    static List<String> allModules() {
        return MODULES;
    }
}
