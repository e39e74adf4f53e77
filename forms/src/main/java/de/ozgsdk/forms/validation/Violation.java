package de.ozgsdk.forms.validation;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.internal.text.MessageTemplate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One thing wrong with form data: where ({@link #path()}), what ({@link #code()}), which element with which label,
 * the limit that was violated ({@link #arguments()}), and a message for the user in German or English that names the
 * label and the limit ("Bitte geben Sie bei „Familienname“ höchstens 55 Zeichen ein.").
 *
 * <p>A violation caused by an executable rule ({@link de.ozgsdk.forms.rules}) names it in {@link #ruleId()}: a
 * {@link ViolationCode#RULE_VIOLATED} constraint, or a {@link ViolationCode#REQUIRED} element that only a rule made
 * required. Its message is the rule's message where the rule has one.
 *
 * <p>Neither arguments nor {@link #toString()} contain the value entered: violations may be logged.
 */
public final class Violation {

    /** The languages of the SDK's own violation messages (bundles {@code messages_<language>.properties}). */
    private static final Map<String, Locale> MESSAGE_LOCALES = Stream.of("de", "en", "tr", "uk", "ar")
            .collect(Collectors.toUnmodifiableMap(language -> language, Locale::forLanguageTag));
    /** Message patterns by bundle, language and code, parsed once (the set of keys is small and fixed). */
    private static final Map<TemplateKey, Optional<MessageTemplate>> TEMPLATES = new ConcurrentHashMap<>();
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter GERMAN_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private record TemplateKey(ViolationCode code, Locale language) {
    }

    private final DataPath path;
    private final ViolationCode code;
    private final String elementId;
    private final LocalizedText label;
    private final List<Object> arguments;
    private final Optional<String> ruleId;
    private final Optional<LocalizedText> ruleMessage;

    Violation(DataPath path, ViolationCode code, String elementId, LocalizedText label, List<Object> arguments) {
        this(path, code, elementId, label, arguments, Optional.empty(), Optional.empty());
    }

    Violation(DataPath path, ViolationCode code, String elementId, LocalizedText label, List<Object> arguments,
              Optional<String> ruleId, Optional<LocalizedText> ruleMessage) {
        this.path = Objects.requireNonNull(path, "path");
        this.code = Objects.requireNonNull(code, "code");
        this.elementId = Objects.requireNonNull(elementId, "elementId");
        this.label = Objects.requireNonNull(label, "label");
        this.arguments = List.copyOf(arguments);
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.ruleMessage = Objects.requireNonNull(ruleMessage, "ruleMessage");
    }

    /**
     * A violation found by a check outside the form (for example an uploaded document the portal refused), shown
     * like any other: its code is {@link ViolationCode#RULE_VIOLATED}, {@link #ruleId()} names the check (e.g. its
     * error code) and {@code message} is what the user reads. The message must not contain the value entered.
     */
    public static Violation external(DataPath path, String elementId, LocalizedText label, String checkId,
            LocalizedText message) {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(message, "message");
        return new Violation(path, ViolationCode.RULE_VIOLATED, elementId, label, List.of(), Optional.of(checkId),
                Optional.of(message));
    }

    /** Where: the path of the field value, field, group or group instance, e.g. {@code G60000086[0].F60000227}. */
    public DataPath path() {
        return path;
    }

    /** What, as a stable code. */
    public ViolationCode code() {
        return code;
    }

    /** The id of the element concerned (the last segment of the path). */
    public String elementId() {
        return elementId;
    }

    /** The element's label from the schema (the id itself for an element the schema does not know). */
    public LocalizedText label() {
        return label;
    }

    /** The executable rule that caused the violation, e.g. {@code R05000281}; empty for the schema's own checks. */
    public Optional<String> ruleId() {
        return ruleId;
    }

    /**
     * The limits of the violated constraint in canonical form (numbers with a point, ISO dates), e.g. {@code ["55"]}
     * for {@link ViolationCode#TOO_LONG}; empty for codes without a limit.
     */
    public List<String> arguments() {
        return arguments.stream().map(Violation::canonical).toList();
    }

    /**
     * The message for the user in the locale's language where the SDK has it (German, English, Turkish, Ukrainian,
     * Arabic), German otherwise (the language of the administration); {@link #messageLanguage(Locale)} says which.
     * Names the label in that language where the schema has it (else in German), and the limit.
     */
    public String message(Locale locale) {
        Locale language = messageLanguage(locale);
        if (ruleMessage.isPresent()) {
            return ruleMessage.get().get(language);
        }
        boolean english = "en".equals(language.getLanguage());
        Object[] args = new Object[arguments.size() + 1];
        args[0] = label.get(language);
        for (int i = 0; i < arguments.size(); i++) {
            args[i + 1] = display(arguments.get(i), english);
        }
        Optional<MessageTemplate> template = TEMPLATES.computeIfAbsent(new TemplateKey(code, language),
                key -> template(code, language));
        return template.isPresent() ? template.get().format(args) : code.code() + " " + path;
    }

    /** The code's message pattern in the language, parsed once; empty when the bundle lacks it. */
    private static Optional<MessageTemplate> template(ViolationCode code, Locale language) {
        try {
            return Optional.of(MessageTemplate.of(ResourceBundle.getBundle(code.bundleBaseName(), language,
                    NO_FALLBACK).getString(code.code()), language));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /**
     * The language {@link #message(Locale)} answers in for {@code locale}: the locale's language when the SDK's
     * messages (or, for a rule's own message, the schema) have it, German otherwise; so that a page can mark a
     * German message on a Turkish page with {@code lang="de"}.
     */
    public Locale messageLanguage(Locale locale) {
        Locale candidate = MESSAGE_LOCALES.getOrDefault(locale.getLanguage(), Locale.GERMAN);
        if (ruleMessage.isPresent() && ruleMessage.get().find(candidate).isEmpty()) {
            return Locale.GERMAN;
        }
        return candidate;
    }

    private static String canonical(Object argument) {
        return argument instanceof BigDecimal d ? d.toPlainString() : String.valueOf(argument);
    }

    private static String display(Object argument, boolean english) {
        if (english) {
            return canonical(argument);
        }
        if (argument instanceof BigDecimal d) {
            return d.toPlainString().replace('.', ',');
        }
        if (argument instanceof LocalDate date) {
            return GERMAN_DATE.format(date);
        }
        if (argument instanceof LocalDateTime dateTime) {
            return GERMAN_DATE_TIME.format(dateTime);
        }
        return String.valueOf(argument);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation v && path.equals(v.path) && code == v.code && elementId.equals(v.elementId)
                && label.equals(v.label) && arguments.equals(v.arguments) && ruleId.equals(v.ruleId)
                && ruleMessage.equals(v.ruleMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, code, elementId, arguments);
    }

    /** {@code G60000086[0].F60000227 OZG-VAL-111 TOO_LONG [55]} (and the rule id): no value, no personal data. */
    @Override
    public String toString() {
        return path + " " + code.code() + " " + code + " " + arguments() + ruleId.map(r -> " rule " + r).orElse("");
    }
}
