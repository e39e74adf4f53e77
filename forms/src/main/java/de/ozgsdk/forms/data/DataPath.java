package de.ozgsdk.forms.data;

import de.ozgsdk.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The place of a value in {@link FormData}: element ids from the schema's top level down, each with an optional
 * 0-based index, written {@code G60000086[0].F60000227} (field F60000227 in the first instance of group G60000086)
 * or {@code F60000300[2]} (the third value of a repeated field). The same text names form parameters (see
 * {@link FormBinder}) and Bean Validation property paths.
 *
 * <p>A missing index means index 0 for a group and "the field as a whole" for a field. Ids are letters, digits,
 * {@code -} and {@code _}, starting with a letter (FIM ids such as {@code F60000227}, working copies such as
 * {@code F00-4cb0dd14}).
 */
public final class DataPath {

    /** The largest index a path may carry. */
    public static final int MAX_INDEX = 999_999;
    private static final int MAX_TEXT_LENGTH = 2_000;
    private static final int MAX_SEGMENTS = 64;
    private static final int MAX_ID_LENGTH = 100;

    private final List<Segment> segments;

    private DataPath(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * One step of a path: an element id and, for a group instance or a value of a repeated field, an index.
     *
     * @param id    the element id, e.g. {@code G60000086}
     * @param index the 0-based index, empty when not given
     */
    public record Segment(String id, OptionalInt index) {

        /** Validates the id's characters and the index range. */
        public Segment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(index, "index");
            int bad = firstBadIdCharacter(id);
            if (bad >= 0) {
                throw new InvalidInputException(DataError.PATH_MALFORMED, quote(id), bad + 1,
                        "an id starts with a letter and has only letters, digits, - and _");
            }
            if (index.isPresent() && (index.getAsInt() < 0 || index.getAsInt() > MAX_INDEX)) {
                throw new InvalidInputException(DataError.PATH_MALFORMED, quote(id + "[" + index.getAsInt() + "]"),
                        id.length() + 2, "an index lies between 0 and " + MAX_INDEX);
            }
        }

        /** The index, or 0 when none is given. */
        public int indexOrZero() {
            return index.orElse(0);
        }

        @Override
        public String toString() {
            return index.isPresent() ? id + "[" + index.getAsInt() + "]" : id;
        }
    }

    /** A path of one element without index, e.g. {@code F60000227}. */
    public static DataPath of(String id) {
        return new DataPath(List.of(new Segment(id, OptionalInt.empty())));
    }

    /** A path of one element with index, e.g. {@code G60000086[1]}. */
    public static DataPath of(String id, int index) {
        return new DataPath(List.of(new Segment(id, OptionalInt.of(index))));
    }

    /** A path of the given segments; there must be at least one. */
    public static DataPath of(List<Segment> segments) {
        if (segments.isEmpty()) {
            throw new InvalidInputException(DataError.PATH_MALFORMED, "\"\"", 1, "a path names at least one element");
        }
        return new DataPath(segments);
    }

    /**
     * Parses {@code G60000086[0].F60000227}.
     *
     * @throws InvalidInputException ({@link DataError#PATH_MALFORMED}) naming the position of the first bad
     *                               character, for empty segments, bad ids, unclosed or non-numeric indexes, or more
     *                               than 2,000 characters or 64 segments
     */
    public static DataPath parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(DataError.PATH_MALFORMED, quote(text), 1,
                    "a path has 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (true) {
            int start = pos;
            while (pos < text.length() && isIdChar(text.charAt(pos))) {
                pos++;
            }
            String id = text.substring(start, pos);
            if (id.isEmpty() || !isLetter(id.charAt(0)) || id.length() > MAX_ID_LENGTH) {
                throw malformed(text, start, "expected an element id such as F60000227 (at most " + MAX_ID_LENGTH
                        + " characters, starting with a letter)");
            }
            OptionalInt index = OptionalInt.empty();
            if (pos < text.length() && text.charAt(pos) == '[') {
                int digitsStart = ++pos;
                while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                    pos++;
                }
                int digits = pos - digitsStart;
                if (digits == 0 || digits > 6 || digits > 1 && text.charAt(digitsStart) == '0') {
                    throw malformed(text, digitsStart, "expected an index from 0 to " + MAX_INDEX
                            + " without leading zeros");
                }
                if (pos >= text.length() || text.charAt(pos) != ']') {
                    throw malformed(text, pos, "expected ] after the index");
                }
                index = OptionalInt.of(Integer.parseInt(text, digitsStart, pos, 10));
                pos++;
            }
            segments.add(new Segment(id, index));
            if (segments.size() > MAX_SEGMENTS) {
                throw malformed(text, pos, "a path has at most " + MAX_SEGMENTS + " segments");
            }
            if (pos == text.length()) {
                return new DataPath(segments);
            }
            if (text.charAt(pos) != '.') {
                throw malformed(text, pos, "expected . or [ or the end");
            }
            pos++;
            if (pos == text.length()) {
                throw malformed(text, pos, "expected an element id after .");
            }
        }
    }

    /** The segments from the top level down; never empty. */
    public List<Segment> segments() {
        return segments;
    }

    /** The last segment (the element this path points at). */
    public Segment last() {
        return segments.get(segments.size() - 1);
    }

    /** The id of the element this path points at. */
    public String elementId() {
        return last().id();
    }

    /** The number of segments. */
    public int depth() {
        return segments.size();
    }

    /** This path extended by an element without index. */
    public DataPath child(String id) {
        return append(new Segment(id, OptionalInt.empty()));
    }

    /** This path extended by an element with index. */
    public DataPath child(String id, int index) {
        return append(new Segment(id, OptionalInt.of(index)));
    }

    /** This path with the last segment's index set to {@code index}. */
    public DataPath withIndex(int index) {
        List<Segment> copy = new ArrayList<>(segments);
        copy.set(copy.size() - 1, new Segment(last().id(), OptionalInt.of(index)));
        return new DataPath(copy);
    }

    /** This path with the last segment's index removed. */
    public DataPath withoutIndex() {
        List<Segment> copy = new ArrayList<>(segments);
        copy.set(copy.size() - 1, new Segment(last().id(), OptionalInt.empty()));
        return new DataPath(copy);
    }

    /** Whether {@code other} starts with all segments of this path (a path is a prefix of itself). */
    public boolean isPrefixOf(DataPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size())
                .equals(segments);
    }

    private DataPath append(Segment segment) {
        List<Segment> copy = new ArrayList<>(segments.size() + 1);
        copy.addAll(segments);
        copy.add(segment);
        return new DataPath(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataPath p && segments.equals(p.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** The path in the notation {@link #parse} reads, e.g. {@code G60000086[0].F60000227}. */
    @Override
    public String toString() {
        // written straight into one buffer of about the right size: renderers write a path for every input
        StringBuilder s = new StringBuilder(16 * segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (i > 0) {
                s.append('.');
            }
            s.append(segment.id());
            if (segment.index().isPresent()) {
                s.append('[').append(segment.index().getAsInt()).append(']');
            }
        }
        return s.toString();
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isIdChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private static int firstBadIdCharacter(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !isLetter(id.charAt(0))) {
            return 0;
        }
        for (int i = 1; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidInputException malformed(String text, int position, String hint) {
        return new InvalidInputException(DataError.PATH_MALFORMED, quote(text), position + 1, hint);
    }

    /** Quotes a path for a message: shortened, control characters replaced (paths carry ids, not values). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(80).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        if (text.codePointCount(0, text.length()) > 80) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
