package de.ozgsdk.forms.internal.render;

/**
 * Buffers for rendered pages. A {@link StringBuilder} starts with one byte per character and, at the first character
 * beyond Latin-1 (a typographic quote in a label, any Arabic or Ukrainian text), copies everything into a new array
 * of twice the size; nearly every page has such a character, so page buffers start with two bytes per character.
 */
public final class Buffers {

    private Buffers() {
    }

    /** An empty buffer for about {@code capacity} characters of any script. */
    public static StringBuilder forPage(int capacity) {
        StringBuilder buffer = new StringBuilder(1);
        buffer.append('\u0100'); // switches the still tiny buffer to two bytes per character
        buffer.setLength(0);
        buffer.ensureCapacity(capacity);
        return buffer;
    }
}
