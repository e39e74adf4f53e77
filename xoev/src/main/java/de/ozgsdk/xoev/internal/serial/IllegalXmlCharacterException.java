package de.ozgsdk.xoev.internal.serial;

import java.io.IOException;

/**
 * Raised inside JAXB's output when a value holds a character XML 1.0 does not allow; an {@link IOException} because
 * that is what JAXB lets through its output layer. The serializer turns it into an SDK exception.
 */
public final class IllegalXmlCharacterException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String codeUnit;

    public IllegalXmlCharacterException(String codeUnit) {
        super("character U+" + codeUnit + " is not allowed in XML 1.0");
        this.codeUnit = codeUnit;
    }

    /** The offending UTF-16 code unit as four hex digits. */
    public String codeUnit() {
        return codeUnit;
    }
}
