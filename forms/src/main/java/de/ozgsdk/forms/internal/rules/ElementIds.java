package de.ozgsdk.forms.internal.rules;

import java.util.regex.Pattern;

/** The shape of element ids in the rule language, shared by the lexer's rule and the checks of rule targets. */
public final class ElementIds {

    /**
     * An upper-case letter, then letters, digits and underscores, optionally in hyphen-joined parts: covers XDF2 ids
     * ({@code F05001047}), XDF3 ids ({@code F60000000227}) and working copies ({@code F00-4cb0dd14-629c-...}).
     */
    public static final Pattern PATTERN = Pattern.compile("[A-Z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*");

    private static final int MAX_LENGTH = 100;

    private ElementIds() {
    }

    public static boolean isValid(String id) {
        return id.length() <= MAX_LENGTH && PATTERN.matcher(id).matches();
    }
}
