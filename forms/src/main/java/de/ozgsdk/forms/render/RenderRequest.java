package de.ozgsdk.forms.render;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What to render on one page: the data as entered, the violations to show, which elements rules hide, the language,
 * and extra hidden fields of the portal (a CSRF token).
 *
 * <pre>{@code
 * ValidationResult result = form.validate(data);
 * RenderRequest request = RenderRequest.builder(data)
 *         .validation(result)                 // violations and the elements rules hide
 *         .locale(Locale.forLanguageTag("ar"))
 *         .hiddenField("_csrf", csrfToken)
 *         .build();
 * }</pre>
 */
public final class RenderRequest {

    private final FormData data;
    private final List<Violation> violations;
    private final Predicate<DataPath> hidden;
    private final Predicate<DataPath> requiredByRule;
    private final Locale locale;
    private final Map<String, String> hiddenFields;
    private final Optional<DataPath> focus;
    private final Set<String> prefilled;
    private final Set<String> readOnly;

    private RenderRequest(Builder b) {
        this.data = b.data;
        this.violations = b.violations;
        this.hidden = b.hidden;
        this.requiredByRule = b.requiredByRule;
        this.locale = b.locale;
        this.hiddenFields = Map.copyOf(b.hiddenFields);
        this.focus = b.focus;
        this.prefilled = b.prefilled;
        this.readOnly = b.readOnly;
    }

    /** A request for these data in German, without violations. */
    public static RenderRequest of(FormData data) {
        return builder(data).build();
    }

    /** Starts a request for these data; see the builder's defaults. */
    public static Builder builder(FormData data) {
        return new Builder(data);
    }

    /** The data as entered. */
    public FormData data() {
        return data;
    }

    /** The violations to show (of the whole form; each page shows those of its elements). */
    public List<Violation> violations() {
        return violations;
    }

    /** Whether a rule hides the element at this path. */
    public boolean isHidden(DataPath path) {
        return hidden.test(path);
    }

    /**
     * Whether the field at this path was filled from the citizen's account (once-only); it is then marked so on the
     * page. Indexes count as in {@link DataPath}, a missing index as 0.
     */
    public boolean isPrefilled(DataPath path) {
        return !prefilled.isEmpty() && prefilled.contains(key(path));
    }

    /** Whether the prefilled field at this path may not be changed (it is then shown read-only). */
    public boolean isReadOnly(DataPath path) {
        return !readOnly.isEmpty() && readOnly.contains(key(path));
    }

    /** The path with every index written out, so that {@code G1.F1} and {@code G1[0].F1} compare equal. */
    private static String key(DataPath path) {
        StringBuilder key = new StringBuilder();
        for (DataPath.Segment segment : path.segments()) {
            key.append(segment.id()).append('[').append(segment.indexOrZero()).append(']');
        }
        return key.toString();
    }

    /** Whether a rule makes the element at this path required (it is then marked as required). */
    public boolean isRequiredByRule(DataPath path) {
        return requiredByRule.test(path);
    }

    /** The language of the page. */
    public Locale locale() {
        return locale;
    }

    /** Extra hidden inputs of the portal (names start with {@code _}). */
    public Map<String, String> hiddenFields() {
        return hiddenFields;
    }

    /** The element whose first input gets the focus when the page loads (unless an error summary is shown). */
    public Optional<DataPath> focus() {
        return focus;
    }

    /** Builds a {@link RenderRequest}. */
    public static final class Builder {
        private final FormData data;
        private List<Violation> violations = List.of();
        private Predicate<DataPath> hidden = path -> false;
        private Predicate<DataPath> requiredByRule = path -> false;
        private Locale locale = Locale.GERMAN;
        private final Map<String, String> hiddenFields = new LinkedHashMap<>();
        private Optional<DataPath> focus = Optional.empty();
        private Set<String> prefilled = Set.of();
        private Set<String> readOnly = Set.of();

        private Builder(FormData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        /** The violations to show; default none. */
        public Builder violations(List<Violation> violations) {
            this.violations = List.copyOf(violations);
            return this;
        }

        /**
         * Takes violations, hidden elements and elements required by rules from a validation of the data (replacing
         * {@link #violations}); by default nothing is hidden.
         */
        public Builder validation(ValidationResult result) {
            Objects.requireNonNull(result, "result");
            this.violations = result.violations();
            this.hidden = result::isHidden;
            Set<DataPath> required = result.requiredByRule();
            this.requiredByRule = required.isEmpty() ? path -> false
                    : path -> required.contains(path) || required.contains(path.withoutIndex());
            return this;
        }

        /**
         * The page language; default German. German, English, Turkish, Ukrainian and Arabic have UI texts, other
         * languages get German.
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Adds a hidden input to the form, such as a CSRF token. The name must start with {@code _} (the
         * {@link de.ozgsdk.forms.data.FormBinder} ignores such names) and must not be {@code _step}.
         */
        public Builder hiddenField(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!name.startsWith("_") || name.length() < 2 || FormRenderer.STEP.equals(name)
                    || !name.chars().allMatch(c -> c < 0x7F && c > 0x20 && c != '"' && c != '\'' && c != '<'
                    && c != '>' && c != '&')) {
                throw new InvalidInputException(RenderError.SETTING_INVALID, "hiddenField", name,
                        "Use a name starting with _ (not _step) without quotes, brackets or spaces, e.g. _csrf.");
            }
            hiddenFields.put(name, value);
            return this;
        }

        /**
         * Puts the focus on the first text input or select inside this element when the page loads, e.g. the group
         * instance just added ({@code BindResult.added()}); default none. An error summary takes precedence.
         */
        public Builder focus(DataPath element) {
            this.focus = Optional.of(Objects.requireNonNull(element, "element"));
            return this;
        }

        /**
         * The fields filled from the citizen's account (once-only, e.g. name and address from the Servicekonto):
         * each gets the hint that it was taken over; those in {@code readOnly} are also shown read-only. Default
         * none.
         */
        public Builder prefilled(Set<DataPath> prefilled, Set<DataPath> readOnly) {
            this.prefilled = prefilled.stream().map(RenderRequest::key).collect(Collectors.toUnmodifiableSet());
            this.readOnly = readOnly.stream().map(RenderRequest::key).collect(Collectors.toUnmodifiableSet());
            return this;
        }

        public RenderRequest build() {
            return new RenderRequest(this);
        }
    }
}
