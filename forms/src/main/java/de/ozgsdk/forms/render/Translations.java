package de.ozgsdk.forms.render;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translations of a schema's labels and help texts, from a JSON file next to the schema; they overlay the
 * {@link LocalizedText}s of the schema (which hold the German of the FIM file) when rendering. An entry may also give
 * the {@code autocomplete} token of an input (WCAG 1.3.5), which only the service author can know (whose data a field
 * asks for).
 *
 * <pre class="language-json">{@code
 * {
 *   "F60000227": {"en": {"label": "Surname", "help": "As in your passport"}, "tr": {"label": "Soyadı"},
 *                 "autocomplete": "family-name"},
 *   "F60000228": {"en": {"label": "Consent", "values": {"01": "I agree"}}},
 *   "G60000086": {"en": {"label": "Address"}}
 * }
 * }</pre>
 *
 * <p>Keys are element ids (also the schema's own id, for the form title); languages are BCP 47 tags; per language
 * {@code label}, {@code help} and {@code values} (names of the codes of a select field, from inline values or a
 * code list: {@code "values": {"01": "Yes"}}). Unknown keys,
 * duplicate keys, blank texts and wrong shapes are refused with {@link RenderError#TRANSLATION_MALFORMED} and the JSON
 * pointer.
 */
public final class Translations {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern AUTOCOMPLETE = Pattern.compile("[a-z0-9-]+( [a-z0-9-]+){0,3}");
    private static final int MAX_TEXT = 10_000;

    /** Label, help and value names of one element in one language. */
    private record Entry(Optional<String> label, Optional<String> help, Map<String, String> values) {
    }

    private final Map<String, Map<String, Entry>> byElement;
    private final Map<String, String> autocomplete;

    private Translations(Map<String, Map<String, Entry>> byElement, Map<String, String> autocomplete) {
        this.byElement = byElement;
        this.autocomplete = autocomplete;
    }

    /** No translations. */
    public static Translations empty() {
        return new Translations(Map.of(), Map.of());
    }

    /**
     * Reads a translation file.
     *
     * @throws InvalidInputException ({@link RenderError#TRANSLATION_MALFORMED}, {@link
     *                               RenderError#TRANSLATION_UNREADABLE})
     */
    public static Translations read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidInputException(RenderError.TRANSLATION_UNREADABLE, e, file.getFileName(),
                    e.getClass().getSimpleName());
        }
    }

    /** Reads a translation file from a stream; {@code sourceName} names it in messages. */
    public static Translations read(InputStream in, String sourceName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonIOException e) {
            throw new InvalidInputException(RenderError.TRANSLATION_UNREADABLE, e.getCause(), sourceName,
                    e.getCause().getClass().getSimpleName());
        } catch (JacksonException e) {
            // parser limits (nesting depth, lengths) are reported without a location
            TokenStreamLocation at = e.getLocation();
            throw new InvalidInputException(RenderError.TRANSLATION_MALFORMED, e, sourceName,
                    "line " + (at == null ? "?" : Integer.toString(at.getLineNr())), e.getOriginalMessage());
        }
        return parse(root, sourceName);
    }

    private static Translations parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw malformed(source, "/", "the file must hold one JSON object keyed by element id");
        }
        Map<String, Map<String, Entry>> byElement = new LinkedHashMap<>();
        Map<String, String> autocomplete = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> element : root.properties()) {
            String id = element.getKey();
            String pointer = "/" + id;
            try {
                new DataPath.Segment(id, OptionalInt.empty());
            } catch (InvalidInputException e) {
                throw malformed(source, pointer, "a key is an element id such as F60000227");
            }
            if (!element.getValue().isObject()) {
                throw malformed(source, pointer, "expected an object of languages");
            }
            Map<String, Entry> languages = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> language : element.getValue().properties()) {
                String key = language.getKey();
                if ("autocomplete".equals(key)) {
                    String token = language.getValue().isString() ? language.getValue().stringValue() : "";
                    if (!AUTOCOMPLETE.matcher(token).matches()) {
                        throw malformed(source, pointer + "/autocomplete", "expected an autocomplete token such as "
                                + "family-name");
                    }
                    autocomplete.put(id, token);
                } else {
                    languages.put(languageTag(key, source, pointer + "/" + key),
                            entry(language.getValue(), source, pointer + "/" + key));
                }
            }
            byElement.put(id, Map.copyOf(languages));
        }
        return new Translations(Map.copyOf(byElement), Map.copyOf(autocomplete));
    }

    private static String languageTag(String key, String source, String pointer) {
        Locale locale = Locale.forLanguageTag(key);
        if (locale.getLanguage().length() < 2 || locale.getLanguage().length() > 3
                || !locale.toLanguageTag().equalsIgnoreCase(key)) {
            throw malformed(source, pointer, "expected a language tag such as en, tr, uk, ar or autocomplete");
        }
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.toLanguageTag();
    }

    private static Entry entry(JsonNode node, String source, String pointer) {
        if (!node.isObject()) {
            throw malformed(source, pointer, "expected {\"label\": ..., \"help\": ...}");
        }
        Optional<String> label = Optional.empty();
        Optional<String> help = Optional.empty();
        Map<String, String> values = Map.of();
        for (Map.Entry<String, JsonNode> part : node.properties()) {
            String where = pointer + "/" + part.getKey();
            switch (part.getKey()) {
                case "label" -> label = Optional.of(text(part.getValue(), source, where));
                case "help" -> help = Optional.of(text(part.getValue(), source, where));
                case "values" -> values = values(part.getValue(), source, where);
                default -> throw malformed(source, where, "unknown key; allowed are label, help and values");
            }
        }
        return new Entry(label, help, values);
    }

    private static Map<String, String> values(JsonNode node, String source, String pointer) {
        if (!node.isObject()) {
            throw malformed(source, pointer, "expected {\"<code>\": \"<name>\", ...}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> value : node.properties()) {
            values.put(value.getKey(), text(value.getValue(), source, pointer + "/" + pointerToken(value.getKey())));
        }
        return Map.copyOf(values);
    }

    private static String text(JsonNode value, String source, String pointer) {
        if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > MAX_TEXT) {
            throw malformed(source, pointer, "expected a non-blank text of at most " + MAX_TEXT + " characters");
        }
        return value.stringValue();
    }

    /** Escapes a key for a JSON pointer (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static InvalidInputException malformed(String source, String pointer, String hint) {
        return new InvalidInputException(RenderError.TRANSLATION_MALFORMED, source, pointer, hint);
    }

    /** The element ids that have an entry. */
    public Set<String> elementIds() {
        Set<String> ids = new LinkedHashSet<>(byElement.keySet());
        ids.addAll(autocomplete.keySet());
        return ids;
    }

    /** The element's label with the translations of this file added. */
    public LocalizedText label(String elementId, LocalizedText schemaLabel) {
        return overlay(elementId, schemaLabel, Entry::label);
    }

    /** The element's help text with the translations of this file added (German only when the schema has one). */
    public Optional<LocalizedText> help(String elementId, Optional<LocalizedText> schemaHelp) {
        return schemaHelp.map(help -> overlay(elementId, help, Entry::help));
    }

    /** The name of a value (code) of a select field with the translations of this file added. */
    public LocalizedText valueName(String elementId, String code, LocalizedText schemaName) {
        return overlay(elementId, schemaName, entry -> Optional.ofNullable(entry.values().get(code)));
    }

    /** The {@code autocomplete} token of the element's input, if the file gives one. */
    public Optional<String> autocomplete(String elementId) {
        return Optional.ofNullable(autocomplete.get(elementId));
    }

    /** Checks that every key names an element of the schema (or the schema itself). */
    void checkAgainst(FormSchema schema, String source) {
        for (String id : elementIds()) {
            if (schema.element(id).isEmpty() && !schema.id().id().equals(id)) {
                throw new InvalidInputException(RenderError.TRANSLATION_UNKNOWN_ELEMENT, source, id,
                        schema.id().id());
            }
        }
    }

    private LocalizedText overlay(String elementId, LocalizedText base,
                                  Function<Entry, Optional<String>> part) {
        Map<String, Entry> languages = byElement.get(elementId);
        if (languages == null) {
            return base;
        }
        LocalizedText.Builder builder = null;
        for (Map.Entry<String, Entry> language : languages.entrySet()) {
            Optional<String> text = part.apply(language.getValue());
            if (text.isPresent()) {
                builder = builder == null ? base.toBuilder() : builder;
                builder.put(Locale.forLanguageTag(language.getKey()), text.get());
            }
        }
        return builder == null ? base : builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translations t && byElement.equals(t.byElement) && autocomplete.equals(t.autocomplete);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byElement, autocomplete);
    }

    @Override
    public String toString() {
        return "Translations of " + elementIds().size() + " elements";
    }
}
