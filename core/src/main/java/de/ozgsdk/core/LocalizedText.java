package de.ozgsdk.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A text in German (always present, the language of the administration) and optionally in other languages, such as
 * a label, a help text or a message to a citizen.
 *
 * <pre>{@code
 * LocalizedText label = LocalizedText.builder("Familienname")
 *         .put(Locale.ENGLISH, "Surname")
 *         .build();
 * String british = label.get(Locale.forLanguageTag("en-GB")); // "Surname": falls back from en-GB to en
 * String turkish = label.get(Locale.forLanguageTag("tr"));    // "Familienname": falls back to German
 * }</pre>
 */
public final class LocalizedText {

    private final Map<String, String> byLanguageTag;

    private LocalizedText(Map<String, String> byLanguageTag) {
        this.byLanguageTag = Collections.unmodifiableMap(byLanguageTag);
    }

    /** A text that exists in German only. */
    public static LocalizedText of(String german) {
        return builder(german).build();
    }

    /** Starts a text with its German version, which every text must have. */
    public static Builder builder(String german) {
        return new Builder(german);
    }

    /** A builder seeded with this text's translations, to add or replace some. */
    public Builder toBuilder() {
        Builder builder = new Builder(german());
        byLanguageTag.forEach((tag, text) -> builder.put(Locale.forLanguageTag(tag), text));
        return builder;
    }

    /** The German text. */
    public String german() {
        return byLanguageTag.get("de");
    }

    /**
     * The text for a locale, falling back from language-region ({@code de-AT}) to language ({@code de}) to German.
     */
    public String get(Locale locale) {
        return find(locale).orElse(german());
    }

    /** The text for exactly this locale or its language, without falling back to German. */
    public Optional<String> find(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String exact = byLanguageTag.get(locale.toLanguageTag());
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(byLanguageTag.get(locale.getLanguage()));
    }

    /** The locales this text has (German among them). */
    public Set<Locale> locales() {
        Set<Locale> locales = new java.util.LinkedHashSet<>();
        byLanguageTag.keySet().forEach(tag -> locales.add(Locale.forLanguageTag(tag)));
        return Collections.unmodifiableSet(locales);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText other && byLanguageTag.equals(other.byLanguageTag);
    }

    @Override
    public int hashCode() {
        return byLanguageTag.hashCode();
    }

    /** The German text; use {@link #get(Locale)} for display. */
    @Override
    public String toString() {
        return german();
    }

    /** Builds a {@link LocalizedText}; translations are copied on {@link #build()}. */
    public static final class Builder {
        private final Map<String, String> byLanguageTag = new LinkedHashMap<>();

        private Builder(String german) {
            byLanguageTag.put("de", requireText(german, Locale.GERMAN));
        }

        /** Adds or replaces the text for a locale ({@code Locale.ENGLISH}, {@code tr}, {@code ar}, {@code en-GB}). */
        public Builder put(Locale locale, String text) {
            Objects.requireNonNull(locale, "locale");
            if (locale.getLanguage().isEmpty()) {
                throw new InvalidInputException(CoreError.LOCALIZED_TEXT_INVALID, locale.toLanguageTag());
            }
            String tag = locale.getCountry().isEmpty() && locale.getVariant().isEmpty()
                    ? locale.getLanguage() : locale.toLanguageTag();
            byLanguageTag.put(tag, requireText(text, locale));
            return this;
        }

        public LocalizedText build() {
            return new LocalizedText(new LinkedHashMap<>(byLanguageTag));
        }

        private static String requireText(String text, Locale locale) {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException(CoreError.LOCALIZED_TEXT_INVALID, locale.toLanguageTag());
            }
            return text;
        }
    }
}
