package de.ozgsdk.core;

/**
 * A stable error code of the SDK, such as {@code OZG-CORE-101}: callers and support staff key on it, so it never
 * changes once released.
 *
 * <p>Each module declares its codes in an enum that implements this interface. The message templates live in a
 * resource bundle per module (German base file plus {@code _de} and {@code _en}), keyed by the code and formatted with
 * {@link java.text.MessageFormat}.
 */
public interface ErrorCode {

    /** The stable code, e.g. {@code OZG-CORE-101}. */
    String code();

    /** Base name of the resource bundle that holds the German and English message templates for this code. */
    String bundleBaseName();
}
