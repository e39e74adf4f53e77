package de.ozgsdk.forms.internal.render;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.internal.text.MessageTemplate;
import de.ozgsdk.forms.render.Theme;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The UI texts of one page language (German, English, Turkish, Ukrainian, Arabic; any other locale gets German) and
 * the marking of texts whose language differs from the page's.
 */
public final class UiTexts {

    /** The languages with UI texts. */
    public static final Set<String> LANGUAGES = Set.of("de", "en", "tr", "uk", "ar");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur");
    private static final String BUNDLE = "de.ozgsdk.forms.render.ui";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, UiTexts> BY_LANGUAGE = LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(language -> language, UiTexts::new));

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    /** The bundle's patterns parsed once (a page formats dozens of numbered labels and button texts). */
    private final Map<String, MessageTemplate> templates;
    /** The bundle's texts as they are (without arguments), looked up once: a page asks for some per input. */
    private final Map<String, String> plain;
    private final Map<String, Theme.Text> plainTexts;

    private UiTexts(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        this.templates = bundle.keySet().stream().collect(Collectors.toUnmodifiableMap(key -> key,
                key -> MessageTemplate.of(bundle.getString(key), locale)));
        this.plain = bundle.keySet().stream().collect(Collectors.toUnmodifiableMap(key -> key, bundle::getString));
        this.plainTexts = plain.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Theme.Text.of(e.getValue())));
    }

    /** The texts for a locale: its language if supported, else German. */
    public static UiTexts of(Locale locale) {
        String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "de";
        return BY_LANGUAGE.get(language);
    }

    /** The page language tag ({@code de}, {@code ar}). */
    public String language() {
        return language;
    }

    /** The locale of the page language. */
    public Locale locale() {
        return locale;
    }

    /** {@code rtl} for Arabic, else {@code ltr}. */
    public String direction() {
        return direction(language);
    }

    /** A UI text in the page language; arguments are formatted as given (pass numbers as strings). */
    public String get(String key, Object... arguments) {
        if (arguments.length == 0) {
            String text = plain.get(key);
            return text != null ? text : bundle.getString(key); // the bundle's exception for a missing key
        }
        MessageTemplate template = templates.get(key);
        if (template == null) {
            throw new MissingResourceException("no UI text " + key, BUNDLE, key);
        }
        return template.format(arguments);
    }

    /** A UI text as a view text (always in the page language). */
    public Theme.Text text(String key, Object... arguments) {
        Theme.Text text = arguments.length == 0 ? plainTexts.get(key) : null;
        return text != null ? text : Theme.Text.of(get(key, arguments));
    }

    /** A schema text in the page language if it has one, else German, marked as such. */
    public Theme.Text text(LocalizedText text) {
        Optional<String> translated = text.find(locale);
        return translated.isPresent() ? Theme.Text.of(translated.get()) : inLanguage(text.german(), "de");
    }

    /** A text in the given language, marked when that is not the page language. */
    public Theme.Text inLanguage(String value, String textLanguage) {
        if (textLanguage.equals(language)) {
            return Theme.Text.of(value);
        }
        String textDirection = direction(textLanguage);
        return new Theme.Text(value, Optional.of(textLanguage),
                textDirection.equals(direction()) ? Optional.empty() : Optional.of(textDirection));
    }

    private static String direction(String language) {
        return RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr";
    }
}
