package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Präzisierung of a Datenfeld ({@code <xdf:praezisierung>}): further limits of its Datentyp: length, value range,
 * a pattern and, for files, size and media types.
 *
 * <p>XDatenfelder 2 writes it as a JSON-like string ({@code {"minLength":"1","maxLength":"55"}}), XDatenfelder 3
 * as attributes. Real files put descriptions where a pattern belongs ({@code "pattern":"Codeliste
 * Regionalschlüssel"}): {@link #pattern()} keeps the text, {@link #compiledPattern()} is present only when the text is
 * a regular expression. A pattern counts as one when it compiles and uses at least one regex metacharacter: a plain
 * word or phrase is a description, since as a regex it would only accept itself.
 */
public final class Precision {

    /** No Präzisierung. */
    public static final Precision NONE = builder().build();

    private static final String REGEX_METACHARACTERS = "\\[](){}.*+?^$|";

    private final OptionalInt minLength;
    private final OptionalInt maxLength;
    private final Optional<String> minValue;
    private final Optional<String> maxValue;
    private final Optional<String> pattern;
    private final Optional<Pattern> compiledPattern;
    private final OptionalLong maxSize;
    private final List<String> mediaTypes;
    private final Optional<String> text;

    private Precision(Builder b) {
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
        this.minValue = b.minValue;
        this.maxValue = b.maxValue;
        this.pattern = b.pattern;
        this.compiledPattern = b.pattern.flatMap(Precision::compile);
        this.maxSize = b.maxSize;
        this.mediaTypes = List.copyOf(b.mediaTypes);
        this.text = b.text;
    }

    /** Starts an empty Präzisierung. */
    public static Builder builder() {
        return new Builder();
    }

    /** Minimum number of characters. */
    public OptionalInt minLength() {
        return minLength;
    }

    /** Maximum number of characters. */
    public OptionalInt maxLength() {
        return maxLength;
    }

    /** Smallest allowed value (inclusive) as written in the file, a number or a date depending on the Datentyp. */
    public Optional<String> minValue() {
        return minValue;
    }

    /** Largest allowed value (inclusive) as written in the file. */
    public Optional<String> maxValue() {
        return maxValue;
    }

    /** {@link #minValue()} as a number, when it is one. */
    public Optional<BigDecimal> minNumber() {
        return minValue.flatMap(Precision::number);
    }

    /** {@link #maxValue()} as a number, when it is one. */
    public Optional<BigDecimal> maxNumber() {
        return maxValue.flatMap(Precision::number);
    }

    /** {@link #minValue()} as an ISO date ({@code 2024-01-31}), when it is one. */
    public Optional<LocalDate> minDate() {
        return minValue.flatMap(Precision::date);
    }

    /** {@link #maxValue()} as an ISO date, when it is one. */
    public Optional<LocalDate> maxDate() {
        return maxValue.flatMap(Precision::date);
    }

    /** The pattern text as in the file, which may be a description rather than a regular expression. */
    public Optional<String> pattern() {
        return pattern;
    }

    /**
     * The pattern as a Java regular expression to match the whole input, present only when {@link #pattern()} is a
     * regular expression (see the class description).
     */
    public Optional<Pattern> compiledPattern() {
        return compiledPattern;
    }

    /** Maximum size of a file in bytes (XDatenfelder 3 {@code <xdf:maxSize>}). */
    public OptionalLong maxSize() {
        return maxSize;
    }

    /** Allowed media types of a file (XDatenfelder 3 {@code <xdf:mediaType>}), empty for any. */
    public List<String> mediaTypes() {
        return mediaTypes;
    }

    /** The text content of the element as in the file (the XDatenfelder 2 JSON-like string), when not empty. */
    public Optional<String> text() {
        return text;
    }

    /** Whether nothing is limited. */
    public boolean isEmpty() {
        return minLength.isEmpty() && maxLength.isEmpty() && minValue.isEmpty() && maxValue.isEmpty()
                && pattern.isEmpty() && maxSize.isEmpty() && mediaTypes.isEmpty();
    }

    /** Whether a pattern text is a regular expression in the sense of {@link #compiledPattern()}. */
    public static boolean isRegex(String patternText) {
        return compile(patternText).isPresent();
    }

    private static Optional<Pattern> compile(String patternText) {
        if (patternText.chars().noneMatch(c -> REGEX_METACHARACTERS.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(patternText));
        } catch (PatternSyntaxException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A builder seeded with this Präzisierung. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.minLength = minLength;
        b.maxLength = maxLength;
        b.minValue = minValue;
        b.maxValue = maxValue;
        b.pattern = pattern;
        b.maxSize = maxSize;
        b.mediaTypes = mediaTypes;
        b.text = text;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Precision p && minLength.equals(p.minLength) && maxLength.equals(p.maxLength)
                && minValue.equals(p.minValue) && maxValue.equals(p.maxValue) && pattern.equals(p.pattern)
                && maxSize.equals(p.maxSize) && mediaTypes.equals(p.mediaTypes) && text.equals(p.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minLength, maxLength, minValue, maxValue, pattern, maxSize, mediaTypes, text);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Precision{");
        minLength.ifPresent(v -> s.append("minLength=").append(v).append(' '));
        maxLength.ifPresent(v -> s.append("maxLength=").append(v).append(' '));
        minValue.ifPresent(v -> s.append("minValue=").append(v).append(' '));
        maxValue.ifPresent(v -> s.append("maxValue=").append(v).append(' '));
        pattern.ifPresent(v -> s.append("pattern=").append(v).append(' '));
        maxSize.ifPresent(v -> s.append("maxSize=").append(v).append(' '));
        if (!mediaTypes.isEmpty()) {
            s.append("mediaTypes=").append(mediaTypes);
        }
        return s.toString().strip() + "}";
    }

    /** Builds a {@link Precision}; every part is optional and absent by default. */
    public static final class Builder {
        private OptionalInt minLength = OptionalInt.empty();
        private OptionalInt maxLength = OptionalInt.empty();
        private Optional<String> minValue = Optional.empty();
        private Optional<String> maxValue = Optional.empty();
        private Optional<String> pattern = Optional.empty();
        private OptionalLong maxSize = OptionalLong.empty();
        private List<String> mediaTypes = List.of();
        private Optional<String> text = Optional.empty();

        private Builder() {
        }

        /** Minimum length, {@code >= 0}. */
        public Builder minLength(int minLength) {
            this.minLength = OptionalInt.of(nonNegative("minLength", minLength));
            return this;
        }

        /** Maximum length, {@code >= 0}. */
        public Builder maxLength(int maxLength) {
            this.maxLength = OptionalInt.of(nonNegative("maxLength", maxLength));
            return this;
        }

        /** Smallest allowed value as text (number or ISO date). */
        public Builder minValue(String minValue) {
            this.minValue = Optional.of(Objects.requireNonNull(minValue, "minValue"));
            return this;
        }

        /** Largest allowed value as text (number or ISO date). */
        public Builder maxValue(String maxValue) {
            this.maxValue = Optional.of(Objects.requireNonNull(maxValue, "maxValue"));
            return this;
        }

        /** The pattern text (a regular expression or, in real files, sometimes a description). */
        public Builder pattern(String pattern) {
            this.pattern = Optional.of(Objects.requireNonNull(pattern, "pattern"));
            return this;
        }

        /** Maximum file size in bytes, {@code >= 0}. */
        public Builder maxSize(long maxSize) {
            if (maxSize < 0) {
                throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "maxSize", maxSize);
            }
            this.maxSize = OptionalLong.of(maxSize);
            return this;
        }

        /** Allowed media types of a file. */
        public Builder mediaTypes(List<String> mediaTypes) {
            this.mediaTypes = List.copyOf(mediaTypes);
            return this;
        }

        /** The raw text of the element. */
        public Builder text(String text) {
            this.text = Optional.of(Objects.requireNonNull(text, "text"));
            return this;
        }

        public Precision build() {
            return new Precision(this);
        }

        private static int nonNegative(String name, int value) {
            if (value < 0) {
                throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, name, value);
            }
            return value;
        }
    }
}
