package de.ozgsdk.forms.render;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.render.FormPages;
import de.ozgsdk.forms.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the steps of a FIM form and its check-answers page as accessible HTML (WCAG 2.1 AA / BITV 2.0) that works
 * without JavaScript: one fieldset per step, a label for every input, required fields marked in text, help texts and
 * errors linked with {@code aria-describedby}, an error summary linking to the inputs, repeatable groups with add and
 * remove buttons that submit the form (handled by {@link de.ozgsdk.forms.data.FormBinder}), UI texts in German,
 * English, Turkish, Ukrainian and Arabic (right to left). Everything from the schema and the data is escaped.
 *
 * <p>Built once per schema (code lists resolved, translations applied); thread-safe.
 *
 * <pre>{@code
 * FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
 * FormRenderer renderer = FormRenderer.builder(schema)   // with a FimForm: form.rendererBuilder()
 *         .codeLists(registry)                        // names of code list values for radios and selects
 *         .translations(Translations.read(dir.resolve("S05000058.translations.json")))
 *         .stepUrl(step -> "/antrag/bewohnerparken?step=" + step)
 *         .build();
 *
 * // GET: show step 1 (0-based) in Arabic, as a whole page
 * String html = renderer.renderStep(1, draft, List.of(), Locale.forLanguageTag("ar")).page();
 *
 * // POST: bind, then show the step again (add/remove pressed or errors) or go on
 * BindResult bound = FormBinder.of(schema).bind(FormBinder.fromArrays(request.getParameterMap()));
 * ValidationResult result = validator.validate(bound.data());
 * RenderRequest again = RenderRequest.builder(bound.data())
 *         .validation(result).locale(locale).hiddenField("_csrf", token).build();
 * String fragment = renderer.renderStep(1, again).fragment();   // embed into the portal's page
 * }</pre>
 *
 * <p>The form posts these parameters besides the fields: {@value #STEP} (the step index, or {@code review}),
 * {@value #NEXT} ({@code next}), {@value #BACK} ({@code back}), {@value #SUBMIT} ({@code submit}, on the
 * check-answers page), and the binder's {@code _add}/{@code _remove}.
 */
public final class FormRenderer {

    /** The hidden parameter with the index of the step submitted ({@code review} on the check-answers page). */
    public static final String STEP = FormPages.STEP;
    /** The parameter of the "continue" button (value {@code next}). */
    public static final String NEXT = FormPages.NEXT;
    /** The parameter of the "back" button (value {@code back}). */
    public static final String BACK = FormPages.BACK;
    /** The parameter of the "submit application" button on the check-answers page (value {@code submit}). */
    public static final String SUBMIT = FormPages.SUBMIT;

    private static final Logger LOG = LoggerFactory.getLogger(FormRenderer.class);

    private final FormSchema schema;
    private final StepPlan plan;
    private final Theme theme;
    private final FormPages pages;

    private FormRenderer(Builder b, StepPlan plan, FormPages pages) {
        this.schema = b.schema;
        this.plan = plan;
        this.theme = b.theme;
        this.pages = pages;
    }

    /** Starts a renderer for this schema; see the builder for the defaults. */
    public static Builder builder(FormSchema schema) {
        return new Builder(Objects.requireNonNull(schema, "schema"));
    }

    /** A renderer with all defaults (steps by top-level groups, standard theme, no code lists, no translations). */
    public static FormRenderer of(FormSchema schema) {
        return builder(schema).build();
    }

    /**
     * Renders a step with these data and violations (of the whole form: the step shows its own, and those of no
     * step) in the locale's language.
     *
     * @param stepIndex 0-based index into {@link #steps()}
     * @throws InvalidInputException ({@link RenderError#STEP_OUT_OF_RANGE}) for an index outside the plan
     */
    public RenderedPage renderStep(int stepIndex, FormData data, List<Violation> violations, Locale locale) {
        return renderStep(stepIndex, RenderRequest.builder(data).violations(violations).locale(locale).build());
    }

    /**
     * Renders a step as the request says (data, violations, hidden elements, locale, extra hidden fields).
     *
     * @throws InvalidInputException ({@link RenderError#STEP_OUT_OF_RANGE}) for an index outside the plan
     */
    public RenderedPage renderStep(int stepIndex, RenderRequest request) {
        plan.step(stepIndex);
        return page(pages.step(stepIndex, Objects.requireNonNull(request, "request")));
    }

    /** Renders the check-answers page: every step's answers with "change" links, and the violations given. */
    public RenderedPage renderReview(FormData data, List<Violation> violations, Locale locale) {
        return renderReview(RenderRequest.builder(data).violations(violations).locale(locale).build());
    }

    /** Renders the check-answers page as the request says. */
    public RenderedPage renderReview(RenderRequest request) {
        return page(pages.review(Objects.requireNonNull(request, "request")));
    }

    /** The steps of the form. */
    public StepPlan steps() {
        return plan;
    }

    /** The schema rendered. */
    public FormSchema schema() {
        return schema;
    }

    /** The theme's style sheet, for a portal that serves it as a file ({@link Builder#stylesheetUrl}). */
    public String css() {
        return theme.css();
    }

    private RenderedPage page(FormPages.Output output) {
        output.shell().complete();
        return new RenderedPage(output.fragment().complete(), theme, output.page(), output.whole());
    }

    @Override
    public String toString() {
        return "FormRenderer " + schema.id() + " (" + plan.size() + " steps)";
    }

    /** Builds a {@link FormRenderer}. */
    public static final class Builder {
        private final FormSchema schema;
        private Optional<StepPlan> plan = Optional.empty();
        private Theme theme = Theme.standard();
        private Translations translations = Translations.empty();
        private Optional<CodeListRegistry> codeLists = Optional.empty();
        private String action = "";
        private Optional<String> stylesheetUrl = Optional.empty();
        private IntFunction<String> stepUrl = step -> "?step=" + step;
        private int maxRadios = 7;

        private Builder(FormSchema schema) {
            this.schema = schema;
        }

        /** The steps; default {@link StepPlan#byTopLevelGroups(FormSchema)}. */
        public Builder steps(StepPlan plan) {
            this.plan = Optional.of(Objects.requireNonNull(plan, "plan"));
            return this;
        }

        /** The markup; default {@link Theme#standard()}. */
        public Builder theme(Theme theme) {
            this.theme = Objects.requireNonNull(theme, "theme");
            return this;
        }

        /** Translations of labels and help texts; default none (labels as in the schema). */
        public Builder translations(Translations translations) {
            this.translations = Objects.requireNonNull(translations, "translations");
            return this;
        }

        /**
         * Where the names of code list values come from; default none: select fields with a code list (and no inline
         * values) are then text inputs for the code.
         */
        public Builder codeLists(CodeListRegistry registry) {
            this.codeLists = Optional.of(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /** The form's {@code action}: a relative or http(s) URL; default empty (post to the same URL). */
        public Builder action(String action) {
            this.action = checkUrl("action", action);
            return this;
        }

        /** Link this style sheet instead of inlining {@link Theme#css()} in full pages; default: inline. */
        public Builder stylesheetUrl(String url) {
            this.stylesheetUrl = Optional.of(checkUrl("stylesheetUrl", url));
            return this;
        }

        /**
         * The URL of a step, for the "change" links of the check-answers page (the field's anchor is appended);
         * default {@code ?step=<index>} (0-based). Checked for every step at {@link #build()}.
         */
        public Builder stepUrl(IntFunction<String> stepUrl) {
            this.stepUrl = Objects.requireNonNull(stepUrl, "stepUrl");
            return this;
        }

        /** Code lists with at most this many values are radios (or checkboxes), longer ones selects; default 7. */
        public Builder maxRadios(int maxRadios) {
            if (maxRadios < 0 || maxRadios > 50) {
                throw new InvalidInputException(RenderError.SETTING_INVALID, "maxRadios", maxRadios,
                        "Use a number from 0 to 50.");
            }
            this.maxRadios = maxRadios;
            return this;
        }

        /**
         * The renderer.
         *
         * @throws InvalidInputException ({@link RenderError}) when the translations name unknown elements or a step
         *                               URL is not relative or http(s)
         */
        public FormRenderer build() {
            StepPlan steps = plan.orElseGet(() -> StepPlan.byTopLevelGroups(schema));
            translations.checkAgainst(schema, "translations");
            for (int i = 0; i < steps.size(); i++) {
                checkUrl("stepUrl(" + i + ")", stepUrl.apply(i));
            }
            Map<String, LocalizedText> labels = new HashMap<>();
            Map<String, LocalizedText> helps = new HashMap<>();
            addTexts(schema.id().id(), schema.metadata().label(), schema.metadata().inputHelp(), labels, helps);
            List<SchemaElement> elements = new ArrayList<>(schema.fields());
            elements.addAll(schema.groups());
            for (SchemaElement element : elements) {
                addTexts(element.id().id(), element.label(), element.metadata().inputHelp(), labels, helps);
            }
            Map<String, String> autocomplete = new HashMap<>();
            translations.elementIds().forEach(id -> translations.autocomplete(id)
                    .ifPresent(token -> autocomplete.put(id, token)));
            FormPages.Settings settings = new FormPages.Settings(schema, steps, theme, Map.copyOf(labels),
                    Map.copyOf(helps), Map.copyOf(autocomplete), choices(), stepUrl, action, stylesheetUrl,
                    maxRadios);
            return new FormRenderer(this, steps, new FormPages(settings));
        }

        private void addTexts(String id, LocalizedText label, Optional<LocalizedText> help,
                              Map<String, LocalizedText> labels, Map<String, LocalizedText> helps) {
            labels.putIfAbsent(id, translations.label(id, label));
            translations.help(id, help).ifPresent(text -> helps.putIfAbsent(id, text));
        }

        private Map<Field, List<FormPages.Choice>> choices() {
            Map<Field, List<FormPages.Choice>> choices = new IdentityHashMap<>();
            for (Field field : schema.fields()) {
                if (!field.values().isEmpty()) {
                    choices.put(field, translated(field, field.values().stream().map(Builder::choice).toList()));
                } else if (field.codeList().isPresent() && codeLists.isPresent()) {
                    Optional<CodeList> list = codeLists.get().find(field.codeList().get());
                    if (list.isPresent()) {
                        choices.put(field, translated(field, choices(field, list.get())));
                    } else {
                        LOG.warn("Code list {} of field {} not found: the field is rendered as a text input",
                                field.codeList().get(), field.id());
                    }
                }
            }
            return choices;
        }

        private List<FormPages.Choice> translated(Field field, List<FormPages.Choice> choices) {
            String id = field.id().id();
            return choices.stream().map(c -> new FormPages.Choice(c.code(),
                    translations.valueName(id, c.code(), c.name()), c.help())).toList();
        }

        private static FormPages.Choice choice(InlineValue value) {
            return new FormPages.Choice(value.code(), LocalizedText.of(value.name().isBlank() ? value.code()
                    : value.name()), value.help().filter(h -> !h.isBlank()).map(LocalizedText::of));
        }

        private static List<FormPages.Choice> choices(Field field, CodeList list) {
            String codeColumn = field.codeListColumns().codeKey().filter(k -> list.column(k).isPresent())
                    .orElse(list.keyColumnId());
            Optional<String> nameColumn = field.codeListColumns().nameKey().filter(k -> list.column(k).isPresent())
                    .or(list::nameColumnId);
            Optional<String> helpColumn = field.codeListColumns().helpKey().filter(k -> list.column(k).isPresent());
            List<FormPages.Choice> result = new ArrayList<>(list.size());
            for (Map<String, String> row : list.rows()) {
                String code = row.get(codeColumn);
                if (code == null || code.isBlank()) {
                    continue;
                }
                String name = nameColumn.map(row::get).filter(n -> !n.isBlank()).orElse(code);
                Optional<LocalizedText> help = helpColumn.map(row::get).filter(h -> !h.isBlank())
                        .map(LocalizedText::of);
                result.add(new FormPages.Choice(code, LocalizedText.of(name), help));
            }
            return List.copyOf(result);
        }

        private static String checkUrl(String setting, String url) {
            Objects.requireNonNull(url, setting);
            int colon = url.indexOf(':');
            int end = firstOf(url, "/?#");
            boolean hasScheme = colon >= 0 && (end < 0 || colon < end);
            String scheme = hasScheme ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            boolean control = url.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
            if (control || hasScheme && !"http".equals(scheme) && !"https".equals(scheme)) {
                throw new InvalidInputException(RenderError.SETTING_INVALID, setting, "scheme " + scheme,
                        "Use a relative URL or an http(s) URL.");
            }
            return url;
        }

        private static int firstOf(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
