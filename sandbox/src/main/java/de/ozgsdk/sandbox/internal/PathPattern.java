package de.ozgsdk.sandbox.internal;

import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/** A glob over request paths: {@code *} matches within one segment, {@code **} across segments. */
public final class PathPattern {

    /** Every path. */
    public static final PathPattern ANY = new PathPattern("/**", Pattern.compile(".*"));

    private final String pattern;
    private final Pattern regex;

    private PathPattern(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    /** The glob {@code glob}, which must start with {@code /}. */
    public static PathPattern of(String glob) {
        Objects.requireNonNull(glob, "pathPattern");
        if (!glob.startsWith("/")) {
            throw new InvalidInputException(SandboxError.FAULT_PATH_INVALID, glob);
        }
        if (glob.equals("/**")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (glob.charAt(i) == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                int next = nextStar(glob, i);
                regex.append(Pattern.quote(glob.substring(i, next)));
                i = next;
            }
        }
        return new PathPattern(glob, Pattern.compile(regex.toString()));
    }

    /** The glob as given. */
    public String pattern() {
        return pattern;
    }

    /** Whether {@code path} (without query) matches. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    private static int nextStar(String glob, int from) {
        int star = glob.indexOf('*', from);
        return star < 0 ? glob.length() : star;
    }
}
