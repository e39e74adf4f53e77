package de.ozgsdk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/** The module rules of DESIGN.md that concern core. */
@AnalyzeClasses(packages = "de.ozgsdk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "de.ozgsdk.forms..", "de.ozgsdk.xoev..", "de.ozgsdk.auth..", "de.ozgsdk.payment..",
                    "de.ozgsdk.postbox..", "de.ozgsdk.portal..", "de.ozgsdk.sandbox..", "de.ozgsdk.cli..",
                    "de.ozgsdk.examples..")
            .because("core is the base every module builds on (DESIGN.md)");

    @ArchTest
    static final ArchRule publicApiDoesNotExposeInternals = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("de.ozgsdk.core.internal..")
            .should(new ArchCondition<JavaMethod>("not take or return types of de.ozgsdk.core.internal") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<JavaClass> signature = new ArrayList<>(method.getRawParameterTypes());
                    signature.add(method.getRawReturnType());
                    signature.stream()
                            .filter(type -> type.getPackageName().startsWith("de.ozgsdk.core.internal"))
                            .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " exposes internal type " + type.getName())));
                }
            })
            .allowEmptyShould(true)
            .because("internal packages are not promised to stay (STYLE.md)");

    @ArchTest
    static final ArchRule coreUsesTheJdksOwnCrypto = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("core loads keys and certificates on the JDK's own crypto (DESIGN.md); Bouncy Castle is "
                    + "ozg-http's, for the RFC 3161 time-stamp client");

    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("the SDK logs through SLF4J only");

    @ArchTest
    static final ArchRule noSystemOut = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("a library logs through SLF4J, never to the console");
}
