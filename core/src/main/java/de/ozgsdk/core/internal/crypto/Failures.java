package de.ozgsdk.core.internal.crypto;

/** Short technical descriptions of underlying exceptions for message arguments (never content, never passwords). */
public final class Failures {

    private static final int MAX_DETAIL = 160;

    private Failures() {
    }

    /** Class name and shortened message of {@code failure}, e.g. {@code "IOException: DerInputStream.getLength()"}. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
