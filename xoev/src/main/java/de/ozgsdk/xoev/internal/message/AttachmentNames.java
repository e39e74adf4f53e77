package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.message.MessageError;

/**
 * Checks attachment names: they become file names at the receiver, so a path separator or control character would
 * let a message write outside the receiver's directory or garble its logs.
 */
public final class AttachmentNames {

    /** Longest name, in characters; common file systems allow 255. */
    public static final int MAX_LENGTH = 255;

    private AttachmentNames() {
    }

    /**
     * Returns {@code name} if it is acceptable.
     *
     * @param number 1-based number of the attachment in its message for the error, 0 when not yet known
     */
    public static String check(String name, int number) {
        if (name == null) {
            throw new InvalidInputException(MessageError.ATTACHMENT_NAME_INVALID, number, "missing");
        }
        String reason = problem(name);
        if (reason != null) {
            throw new InvalidInputException(MessageError.ATTACHMENT_NAME_INVALID, number, reason);
        }
        return name;
    }

    private static String problem(String name) {
        if (name.isBlank()) {
            return "empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (name.equals(".") || name.equals("..")) {
            return "a directory name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "contains a path separator";
            }
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
        }
        return null;
    }
}
