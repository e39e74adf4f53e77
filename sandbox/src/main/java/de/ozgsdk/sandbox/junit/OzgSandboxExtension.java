package de.ozgsdk.sandbox.junit;

import de.ozgsdk.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension of the combined {@link Sandbox} (JUnit 5.13 or later). Used through {@link OzgSandbox}, it
 * starts one sandbox per persona file for the whole test run and closes it at the end; registered as a static field
 * ({@code @RegisterExtension static OzgSandboxExtension sandbox = OzgSandboxExtension.perClass(b -> b.personas(…))}),
 * it starts a sandbox of the class's own before all tests and closes it after them. Either way it injects the sandbox
 * into parameters of type {@code Sandbox} and calls {@link Sandbox#reset()} before each test, so faults a test
 * scripts (with the mocks' Java API) and what the mocks recorded do not reach the next test.
 */
public final class OzgSandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            OzgSandboxExtension.class);

    private final UnaryOperator<Sandbox.Builder> settings;
    private Sandbox own;

    /** The extension of {@link OzgSandbox}: a sandbox shared by the test run. */
    public OzgSandboxExtension() {
        this.settings = null;
    }

    private OzgSandboxExtension(UnaryOperator<Sandbox.Builder> settings) {
        this.settings = settings;
    }

    /** An extension with a sandbox of the test class's own, configured by {@code settings} (e.g. a persona file). */
    public static OzgSandboxExtension perClass(UnaryOperator<Sandbox.Builder> settings) {
        return new OzgSandboxExtension(Objects.requireNonNull(settings, "settings"));
    }

    /** An extension with a sandbox of the test class's own, with the default settings. */
    public static OzgSandboxExtension perClass() {
        return perClass(UnaryOperator.identity());
    }

    /** The sandbox of a {@link #perClass} extension (started before all tests of the class). */
    public Sandbox sandbox() {
        if (own == null) {
            throw new IllegalStateException("the sandbox starts before all tests of the class: register the"
                    + " extension on a static field and use it from a test or @BeforeAll");
        }
        return own;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings != null) {
            own = settings.apply(Sandbox.builder()).start();
        } else {
            shared(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandboxOf(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (own != null) {
            own.close();
            own = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandboxOf(context);
    }

    private Sandbox sandboxOf(ExtensionContext context) {
        return own != null ? own : shared(context);
    }

    private static Sandbox shared(ExtensionContext context) {
        String personas = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, OzgSandbox.class))
                .map(OzgSandbox::personas).orElse("");
        // the root store lives for the whole run and closes the AutoCloseable sandbox at its end
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("sandbox:" + personas, key -> {
            Sandbox.Builder builder = Sandbox.builder();
            Optional.of(personas).filter(file -> !file.isEmpty()).map(Path::of).ifPresent(builder::personas);
            return builder.start();
        }, Sandbox.class);
    }
}
