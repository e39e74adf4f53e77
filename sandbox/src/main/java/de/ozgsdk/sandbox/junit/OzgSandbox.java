package de.ozgsdk.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the combined {@link de.ozgsdk.sandbox.Sandbox}: started once and shared by every class
 * of the test run with the same {@link #personas()}, injected as a {@code Sandbox} parameter, its faults and records
 * cleared before each test. For a sandbox of the class's own, register {@link OzgSandboxExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OzgSandboxExtension.class)
public @interface OzgSandbox {

    /** A persona file ({@code {"saml": [...], "oidc": [...]}}) added to the shipped personas; empty: none. */
    String personas() default "";
}
