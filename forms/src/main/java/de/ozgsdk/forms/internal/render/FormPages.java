package de.ozgsdk.forms.internal.render;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.HtmlWriter;
import de.ozgsdk.forms.render.RenderRequest;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.forms.render.Theme;
import de.ozgsdk.forms.validation.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * Renders steps and the check-answers page of one schema: walks the step's elements with the data, decides input
 * kinds, ids, hints and messages, and hands view records to the theme. Immutable and thread-safe; each call keeps
 * its state in a {@link Call}.
 */
public final class FormPages {

    /** The parameter carrying the step index of a submitted step form. */
    public static final String STEP = "_step";
    /** The parameter of the "continue" button. */
    public static final String NEXT = "_next";
    /** The parameter of the "back" button. */
    public static final String BACK = "_back";
    /** The parameter of the "submit application" button. */
    public static final String SUBMIT = "_submit";
    private static final int TEXTAREA_FROM = 256;
    private static final int MIN_BUFFER = 8192;
    private static final Set<Theme.InputKind> FOCUSABLE = Set.of(Theme.InputKind.TEXT, Theme.InputKind.TEXTAREA,
            Theme.InputKind.SELECT, Theme.InputKind.MULTI_SELECT, Theme.InputKind.FILE);

    /**
     * One allowed value of a select field.
     *
     * @param code the value sent
     * @param name the text shown
     * @param help an explanation, if any
     */
    public record Choice(String code, LocalizedText name, Optional<LocalizedText> help) {
    }

    /**
     * What the renderer was configured with.
     *
     * @param schema        the schema
     * @param plan          the steps
     * @param theme         the markup
     * @param labels        labels by element id, translations applied
     * @param helps         help texts by element id, translations applied
     * @param autocomplete  autocomplete tokens by element id
     * @param choices       allowed values of select fields (by identity), absent when unknown
     * @param stepUrl       the URL of a step, for links of the check-answers page
     * @param action        the form action
     * @param stylesheetUrl the style sheet to link instead of inlining
     * @param maxRadios     the largest number of choices shown as radios
     */
    public record Settings(FormSchema schema, StepPlan plan, Theme theme, Map<String, LocalizedText> labels,
                           Map<String, LocalizedText> helps, Map<String, String> autocomplete,
                           Map<Field, List<Choice>> choices, IntFunction<String> stepUrl, String action,
                           Optional<String> stylesheetUrl, int maxRadios) {
    }

    /**
     * A rendered page.
     *
     * @param fragment the form markup, not written to any more (when {@code whole} is present: with the page around
     *                 it and a gap before, use {@code whole} to read it)
     * @param shell    the writer the theme wrote the form (and the page) around the content with (to check that it
     *                 closed all its elements)
     * @param page     the page shell's view
     * @param whole    the whole page, when the theme wrote it around the content in one go
     */
    public record Output(HtmlWriter fragment, HtmlWriter shell, Theme.Page page, Optional<PageText> whole) {
    }

    /**
     * A whole page in a buffer that is not written to any more.
     *
     * @param text          the buffer
     * @param pageStart     where the page starts (characters before it are unused)
     * @param fragmentStart where the form fragment starts
     * @param fragmentEnd   where the form fragment ends
     */
    public record PageText(StringBuilder text, int pageStart, int fragmentStart, int fragmentEnd) {
    }

    private final Settings settings;
    private final Theme theme;
    private final Map<Field, List<Choice>> choices;
    /**
     * The length of the body last rendered per page (steps, then the check-answers page): only a capacity hint, so
     * that the next rendering of the page writes into a buffer that need not grow (each growth copies the page).
     */
    private final AtomicIntegerArray bodyLengths;
    /** The length of what preceded the body last time per page (page shell, form, progress, error summary). */
    private final AtomicIntegerArray prefixLengths;
    /** The schema's texts per page language, made on first use. */
    private final ConcurrentHashMap<String, SchemaTexts> textsByLanguage = new ConcurrentHashMap<>();

    /**
     * The labels and help texts of the schema's elements by id as view texts in one page language.
     *
     * @param labels labels by element id
     * @param helps  help texts by element id
     */
    private record SchemaTexts(Map<String, Theme.Text> labels, Map<String, Theme.Text> helps) {
    }

    /** Every label and help text as a view text, made once per page language instead of once per input. */
    private static Map<String, Theme.Text> inLanguage(Map<String, LocalizedText> texts, UiTexts ui) {
        Map<String, Theme.Text> result = new HashMap<>(texts.size() * 2);
        texts.forEach((id, text) -> result.put(id, ui.text(text)));
        return Collections.unmodifiableMap(result);
    }

    public FormPages(Settings settings) {
        this.settings = settings;
        this.theme = settings.theme();
        this.choices = Collections.unmodifiableMap(new IdentityHashMap<>(settings.choices()));
        this.bodyLengths = new AtomicIntegerArray(settings.plan().size() + 1);
        this.prefixLengths = new AtomicIntegerArray(settings.plan().size() + 1);
    }

    /** Renders step {@code index} (checked by the caller). */
    public Output step(int index, RenderRequest request) {
        Call call = new Call(request, index);
        StepPlan.Step step = settings.plan().steps().get(index);
        Theme.Text stepTitle = call.stepTitle(step);
        call.step(step, index, stepTitle);
        call.leftoverViolations(OptionalInt.of(index));
        boolean last = index == settings.plan().size() - 1;
        Theme.Button next = new Theme.Button(NEXT, "next",
                call.ui.text(last ? "button.toReview" : "button.next"), true);
        List<Theme.Button> buttons = index > 0
                ? List.of(next, new Theme.Button(BACK, "back", call.ui.text("button.back"), false))
                : List.of(next);
        return call.finish(index, stepTitle, Integer.toString(index), next, buttons);
    }

    /** Renders the check-answers page. */
    public Output review(RenderRequest request) {
        Call call = new Call(request, settings.plan().size());
        List<StepPlan.Step> steps = settings.plan().steps();
        for (int i = 0; i < steps.size(); i++) {
            call.reviewStep(steps.get(i), i);
        }
        for (Violation violation : request.violations()) {
            if (!request.isHidden(violation.path())) {
                call.summary.add(new Theme.ErrorLink(call.anchor(violation.path()), call.message(violation)));
            }
        }
        Theme.Button submit = new Theme.Button(SUBMIT, "submit", call.ui.text("button.submit"), true);
        Theme.Button back = new Theme.Button(BACK, "back", call.ui.text("button.back"), false);
        return call.finish(steps.size(), call.ui.text("review.title"), "review", submit, List.of(submit, back));
    }

    /** The state of one rendering. */
    private final class Call {
        private final RenderRequest request;
        private final UiTexts ui;
        private final SchemaTexts texts;
        private final int page;
        /** The page's buffer: a gap of {@link #bodyStart} characters for what precedes the body, then the body. */
        private final StringBuilder bodyText;
        private final int bodyStart;
        private final HtmlWriter body;
        private final List<Theme.ErrorLink> summary = new ArrayList<>();
        private final Map<String, List<Violation>> violationsByElement = new HashMap<>();
        /** The last ids of the violations' paths: an element whose id is not among them has none. */
        private final Set<String> violatedIds = new HashSet<>();
        private final Set<Violation> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Theme.ReviewRow> pendingRows = new ArrayList<>();
        private boolean multipart;
        private boolean focused;

        Call(RenderRequest request, int page) {
            this.request = request;
            this.page = page;
            int lastPrefix = prefixLengths.get(page);
            this.bodyStart = lastPrefix == 0 ? theme.css().length() + MIN_BUFFER / 2 : lastPrefix + lastPrefix / 4;
            this.bodyText = Buffers.forPage(bodyStart
                    + Math.max(MIN_BUFFER, bodyLengths.get(page) + bodyLengths.get(page) / 8));
            bodyText.setLength(bodyStart);
            this.body = new HtmlWriter(bodyText);
            this.ui = UiTexts.of(request.locale());
            this.texts = textsByLanguage.computeIfAbsent(ui.language(), language -> new SchemaTexts(
                    inLanguage(settings.labels(), ui), inLanguage(settings.helps(), ui)));
            // only this step's elements ask for their violations (the check-answers page none): the others need no
            // key (the summary takes the rest from the request's list). By the step's own top-level ids: an element
            // may be in more than one step of a plan, and StepPlan.stepOf names only the first.
            Set<String> topLevel = new HashSet<>();
            if (page < settings.plan().size()) {
                settings.plan().step(page).elements().forEach(ref -> topLevel.add(ref.id().id()));
            }
            for (Violation violation : request.violations()) {
                if (!topLevel.contains(violation.path().segments().get(0).id())) {
                    continue;
                }
                violatedIds.add(violation.path().last().id());
                violationsByElement.computeIfAbsent(elementKey(violation.path()), k -> new ArrayList<>())
                        .add(violation);
            }
        }

        Output finish(int current, Theme.Text heading, String stepValue, Theme.Button defaultButton,
                      List<Theme.Button> buttons) {
            FormSchema schema = settings.schema();
            Theme.Text formTitle = labelText(schema.id().id(), schema.metadata().label());
            boolean review = current == settings.plan().size();
            Map<String, String> hidden = new LinkedHashMap<>();
            hidden.put(STEP, stepValue);
            hidden.putAll(request.hiddenFields());
            Theme.Progress progress = progress(current);
            Theme.Form form = new Theme.Form(review ? heading : formTitle, settings.action(), multipart, hidden,
                    Optional.of(defaultButton));
            String title = (summary.isEmpty() ? "" : ui.get("title.error") + " ") + heading.value() + " – "
                    + progress.label().value() + " – " + formTitle.value();
            Theme.Page pageView = new Theme.Page(ui.language(), ui.direction(), title, settings.stylesheetUrl(),
                    theme.css());
            Optional<Output> whole = wholePage(form, progress, buttons, pageView);
            return whole.isPresent() ? whole.get() : separately(form, progress, buttons, pageView);
        }

        /**
         * The page written once, in the body's buffer: the theme writes the page shell and the form around the
         * content into a small buffer, whose text up to the content goes into the gap left before the body and the
         * rest after it. The page string is then the only copy of the page. Empty when the theme does not write the
         * content exactly once or fails to write the shell (then {@link #separately}).
         */
        private Optional<Output> wholePage(Theme.Form form, Theme.Progress progress, List<Theme.Button> buttons,
                                           Theme.Page pageView) {
            StringBuilder shellText = new StringBuilder(pageView.css().length() + MIN_BUFFER + 512 * summary.size());
            HtmlWriter shell = new HtmlWriter(shellText);
            // fragment start, body, fragment end, runs of the page's content, runs of the form's content
            int[] marks = {-1, -1, -1, 0, 0};
            try {
                theme.page(shell, pageView, () -> {
                    marks[3]++;
                    shell.trustedMarkup(""); // ends a start tag still open, as appending the fragment does
                    marks[0] = shellText.length();
                    theme.form(shell, form, () -> {
                        marks[4]++;
                        formContent(shell, progress, buttons, () -> {
                            shell.trustedMarkup("");
                            marks[1] = shellText.length();
                        });
                    });
                    marks[2] = shellText.length();
                });
            } catch (RuntimeException e) {
                // a shell the theme cannot write (such as a style sheet it must not inline) is page()'s error, as
                // before: the fragment alone is still rendered, and page() fails when asked for
                return Optional.empty();
            }
            if (marks[3] != 1 || marks[4] != 1 || marks[1] < 0 || !shell.isComplete()) {
                return Optional.empty();
            }
            int gap = bodyStart;
            int prefix = marks[1];
            int pageStart;
            if (prefix <= gap) {
                pageStart = gap - prefix;
                for (int i = 0; i < prefix; i++) {
                    bodyText.setCharAt(pageStart + i, shellText.charAt(i));
                }
            } else {
                bodyText.replace(0, gap, shellText.substring(0, prefix)); // moves the body once
                pageStart = 0;
            }
            int bodyEnd = bodyText.length();
            bodyText.append(shellText, prefix, shellText.length());
            int bodyLength = bodyEnd - pageStart - prefix;
            bodyLengths.set(page, bodyLength + shellText.length() - prefix);
            prefixLengths.set(page, prefix);
            PageText text = new PageText(bodyText, pageStart, pageStart + marks[0],
                    pageStart + marks[2] + bodyLength);
            return Optional.of(new Output(body, shell, pageView, Optional.of(text)));
        }

        /** The form around the body in a buffer of its own, the page shell written when asked for (as before). */
        private Output separately(Theme.Form form, Theme.Progress progress, List<Theme.Button> buttons,
                                  Theme.Page pageView) {
            StringBuilder shellText = new StringBuilder(MIN_BUFFER + 512 * summary.size());
            HtmlWriter shell = new HtmlWriter(shellText);
            int[] bodyAt = {-1};
            theme.form(shell, form, () -> formContent(shell, progress, buttons, () -> {
                if (bodyAt[0] < 0) {
                    shell.trustedMarkup(""); // ends a start tag still open, as appending the body does
                    bodyAt[0] = shellText.length();
                } else {
                    shell.trustedMarkup(bodyWithoutGap()); // a theme that writes the content twice
                }
            }));
            HtmlWriter fragment;
            if (bodyAt[0] < 0) {
                fragment = shell;
            } else {
                bodyText.replace(0, bodyStart, shellText.substring(0, bodyAt[0]))
                        .append(shellText, bodyAt[0], shellText.length());
                fragment = body;
            }
            return new Output(fragment, shell, pageView, Optional.empty());
        }

        private void formContent(HtmlWriter shell, Theme.Progress progress, List<Theme.Button> buttons,
                                 Runnable bodyPlace) {
            theme.progress(shell, progress);
            if (!summary.isEmpty()) {
                theme.errorSummary(shell, new Theme.ErrorSummary("ozg-error-summary",
                        ui.text("errorSummary.heading"), List.copyOf(summary)));
            }
            bodyPlace.run();
            theme.navigation(shell, buttons);
        }

        /** The body's markup, checked to be complete, without the gap before it. */
        private String bodyWithoutGap() {
            return body.toHtml().substring(bodyStart);
        }

        private Theme.Progress progress(int current) {
            List<Theme.Text> titles = new ArrayList<>();
            settings.plan().steps().forEach(s -> titles.add(stepTitle(s)));
            titles.add(ui.text("review.title"));
            return new Theme.Progress(ui.text("progress.label", Integer.toString(current + 1),
                    Integer.toString(titles.size())), ui.text("progress.name"), titles, current);
        }

        Theme.Text stepTitle(StepPlan.Step step) {
            if (step.elements().size() == 1 && step.elements().get(0).element().label().equals(step.title())) {
                SchemaElement element = step.elements().get(0).element();
                return labelText(element.id().id(), element.label());
            }
            return ui.text(step.title());
        }

        // ---- steps -------------------------------------------------------------------------------------------

        void step(StepPlan.Step step, int index, Theme.Text title) {
            List<ElementRef> elements = step.elements();
            if (elements.size() == 1 && elements.get(0).element() instanceof FieldGroup group
                    && !request.isHidden(DataPath.of(group.id().id()))) {
                group(elements.get(0), group, DataPath.of(group.id().id()),
                        request.data().groups(group.id().id()), 0, Optional.of(title));
                return;
            }
            Theme.Fieldset fieldset = new Theme.Fieldset("step-" + index, title, Optional.empty(), Optional.empty(),
                    Optional.empty(), "", 0);
            theme.fieldset(body, fieldset, () -> children(elements, Optional.empty(), request.data(), 1));
        }

        private void children(List<ElementRef> refs, Optional<DataPath> prefix, FormData data, int depth) {
            for (ElementRef ref : refs) {
                String id = ref.id().id();
                DataPath path = prefix.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
                if (request.isHidden(path)) {
                    continue;
                }
                if (ref.element() instanceof Field field) {
                    field(ref, field, path, data.values(id));
                } else if (ref.element() instanceof FieldGroup group) {
                    group(ref, group, path, data.groups(id), depth, Optional.empty());
                }
            }
        }

        private void group(ElementRef ref, FieldGroup group, DataPath path, List<FormData> instances, int depth,
                           Optional<Theme.Text> stepTitle) {
            Multiplicity multiplicity = ref.multiplicity();
            Theme.Text label = labelText(group.id().id(), group.label());
            Theme.Text legend = stepTitle.orElse(label);
            List<Theme.Text> hints = new ArrayList<>();
            help(group.id().id()).ifPresent(hints::add);
            if (group.isChoice()) {
                hints.add(ui.text("hint.choice"));
            }
            List<Violation> violations = violationsAt(path);
            if (!multiplicity.isRepeatable()) {
                DataPath instancePath = path.withIndex(0);
                FormData data = instances.isEmpty() ? FormData.empty() : instances.get(0);
                String id = Ids.group(instancePath);
                List<Violation> own = violations.stream()
                        .filter(v -> v.path().last().indexOrZero() == 0 && isElementLevel(v, group)).toList();
                theme.fieldset(body, fieldset(id, legend, hints, own, depth),
                        () -> children(group.children(), Optional.of(instancePath), data, depth + 1));
                return;
            }
            int minimum = Math.max(1, multiplicity.min());
            int shownMinimum = multiplicity.max().isPresent()
                    ? Math.min(minimum, multiplicity.max().getAsInt()) : minimum;
            int count = Math.max(instances.size(), shownMinimum);
            String containerId = Ids.group(path);
            List<Violation> containerViolations = violations.stream()
                    .filter(v -> v.path().last().index().isEmpty() && isElementLevel(v, group)).toList();
            theme.fieldset(body, fieldset(containerId, legend, hints, containerViolations, depth), () -> {
                for (int i = 0; i < count; i++) {
                    DataPath instancePath = path.withIndex(i);
                    if (request.isHidden(instancePath)) {
                        continue;
                    }
                    int index = i;
                    FormData data = i < instances.size() ? instances.get(i) : FormData.empty();
                    List<Violation> own = violations.stream().filter(v -> v.path().last().index().isPresent()
                            && v.path().last().indexOrZero() == index && isElementLevel(v, group)).toList();
                    Theme.Text instanceLegend = composed(label, ui.get("instance", label.value(),
                            Integer.toString(i + 1)));
                    theme.fieldset(body, fieldset(Ids.group(instancePath), instanceLegend, List.of(), own,
                            depth + 1), () -> {
                                children(group.children(), Optional.of(instancePath), data, depth + 2);
                                if (count > minimum) {
                                    theme.repeatButton(body, new Theme.Button(FormBinder.REMOVE,
                                            instancePath.toString(), Theme.Text.of(ui.get("button.remove",
                                            label.value(), Integer.toString(index + 1))), false));
                                }
                            });
                }
                if (multiplicity.max().isEmpty() || count < multiplicity.max().getAsInt()) {
                    theme.repeatButton(body, new Theme.Button(FormBinder.ADD, path.toString(),
                            Theme.Text.of(ui.get("button.add", label.value())), false));
                }
            });
        }

        /** The violations of the element at the path (most elements have none: then no key is built). */
        private List<Violation> violationsAt(DataPath path) {
            return violatedIds.contains(path.last().id())
                    ? violationsByElement.getOrDefault(elementKey(path), List.of()) : List.of();
        }

        /** As {@link #violationsAt(DataPath)}, for a field whose path written out ({@code name}) is mostly its key. */
        private List<Violation> violationsAt(DataPath path, String name) {
            if (!violatedIds.contains(path.last().id())) {
                return List.of();
            }
            return violationsByElement.getOrDefault(isElementKey(path) ? name : elementKey(path), List.of());
        }

        /** A violation about the group itself, not about a field of the same id deeper down. */
        private boolean isElementLevel(Violation violation, FieldGroup group) {
            return violation.elementId().equals(group.id().id());
        }

        private Theme.Fieldset fieldset(String id, Theme.Text legend, List<Theme.Text> hints,
                                        List<Violation> violations, int depth) {
            Optional<Theme.Hint> hint = hints.isEmpty() ? Optional.empty()
                    : Optional.of(new Theme.Hint(Ids.hint(id), List.copyOf(hints)));
            Optional<Theme.FieldError> error = fieldError(id, violations);
            return new Theme.Fieldset(id, legend, Optional.empty(), hint, error, describedBy(hint, error), depth);
        }

        private void field(ElementRef ref, Field field, DataPath path, List<String> values) {
            Multiplicity multiplicity = ref.multiplicity();
            String name = path.toString();
            List<Violation> atPath = violationsAt(path, name);
            List<Violation> violations = atPath.isEmpty() ? atPath
                    : atPath.stream().filter(v -> v.elementId().equals(field.id().id())).toList();
            Theme.InputKind kind = kindOf(field, multiplicity);
            if (kind == Theme.InputKind.FILE) {
                multipart = true;
            }
            boolean repeatedTexts = multiplicity.isRepeatable()
                    && (kind == Theme.InputKind.TEXT || kind == Theme.InputKind.TEXTAREA);
            if (!repeatedTexts) {
                theme.field(body, input(kind, field, multiplicity, path, Ids.input(path), name, values,
                        violations, label(field)));
                return;
            }
            int maximum = multiplicity.max().orElse(Integer.MAX_VALUE);
            int count = Math.min(Math.max(values.size() + 1, Math.max(1, multiplicity.min())), maximum);
            count = Math.max(count, values.size());
            List<Violation> whole = violations.stream().filter(v -> v.path().last().index().isEmpty()).toList();
            String id = Ids.group(path);
            Theme.Text label = label(field);
            int inputs = count;
            Theme.Fieldset fieldset = fieldset(id, label, helpLines(field, kind), whole, 3);
            theme.fieldset(body, new Theme.Fieldset(fieldset.id(), fieldset.legend(),
                    required(field, multiplicity, path), fieldset.hint(), fieldset.error(),
                    fieldset.describedBy(), fieldset.depth()), () -> {
                        for (int i = 0; i < inputs; i++) {
                            int index = i;
                            DataPath valuePath = path.withIndex(i);
                            List<Violation> own = violations.stream().filter(v -> v.path().last().index().isPresent()
                                    && v.path().last().indexOrZero() == index).toList();
                            Theme.Input input = input(kind, field, Multiplicity.OPTIONAL, valuePath,
                                    i == 0 ? Ids.input(path) : Ids.input(valuePath), valuePath.toString(),
                                    i < values.size() ? List.of(values.get(i)) : List.of(), own,
                                    composed(label, ui.get("instance", label.value(), Integer.toString(i + 1))));
                            theme.field(body, new Theme.Input(input.kind(), input.id(), input.name(), input.label(),
                                    Optional.empty(), Optional.empty(), input.error(),
                                    input.error().map(e -> e.id()).orElse(""), input.values(), input.options(),
                                    input.attributes(), input.placeholder(), input.lockedDisplay()));
                        }
                    });
        }

        private Theme.Input input(Theme.InputKind kind, Field field, Multiplicity multiplicity, DataPath path,
                                  String id, String name, List<String> values, List<Violation> violations,
                                  Theme.Text label) {
            List<Theme.Text> hintLines = helpLines(field, kind);
            boolean prefilled = request.isPrefilled(path);
            if (prefilled) {
                hintLines.add(ui.text("prefilled"));
            }
            Optional<Theme.Hint> hint = hintLines.isEmpty() || kind == Theme.InputKind.NOTE
                    || kind == Theme.InputKind.HIDDEN ? Optional.empty()
                    : Optional.of(new Theme.Hint(Ids.hint(id), hintLines));
            Optional<Theme.FieldError> error = kind == Theme.InputKind.HIDDEN ? Optional.empty()
                    : fieldError(id, violations);
            List<Theme.Option> options = options(field, kind, path, id, values);
            Optional<Theme.Text> lockedDisplay = Optional.empty();
            Theme.InputKind shownKind = kind;
            if (field.kind() == FieldKind.LOCKED && (kind == Theme.InputKind.RADIOS || kind == Theme.InputKind.SELECT
                    || kind == Theme.InputKind.CHECKBOXES || kind == Theme.InputKind.MULTI_SELECT
                    || kind == Theme.InputKind.FILE)) {
                shownKind = Theme.InputKind.TEXT;
                lockedDisplay = Optional.of(Theme.Text.of(String.join(", ", displayValues(field, values).stream()
                        .map(Theme.Text::value).toList())));
            }
            Map<String, String> attributes = attributes(field, shownKind, multiplicity, options.size());
            if (prefilled && request.isReadOnly(path) && (shownKind == Theme.InputKind.TEXT
                    || shownKind == Theme.InputKind.TEXTAREA)) {
                attributes.put("readonly", "");
            }
            if (!focused && request.focus().filter(f -> f.isPrefixOf(path)).isPresent()
                    && FOCUSABLE.contains(shownKind) && field.kind() != FieldKind.LOCKED) {
                attributes.put("autofocus", "");
                focused = true;
            }
            return new Theme.Input(shownKind, id, name, label,
                    shownKind == Theme.InputKind.NOTE ? Optional.empty() : required(field, multiplicity, path),
                    hint, error, describedBy(hint, error), values, options, attributes,
                    ui.text(kind == Theme.InputKind.FILE ? "file.current" : "select.placeholder"), lockedDisplay);
        }

        private Optional<Theme.Text> required(Field field, Multiplicity multiplicity, DataPath path) {
            boolean required = field.kind().takesInput()
                    && (multiplicity.isRequired() || request.isRequiredByRule(path));
            return required ? Optional.of(ui.text("required")) : Optional.empty();
        }

        private Theme.Text label(Field field) {
            if (field.kind() == FieldKind.LABEL) {
                LocalizedText label = label(field.id().id(), field.label());
                Optional<String> translated = label.find(ui.locale());
                if (translated.isPresent() && !"de".equals(ui.language())) {
                    return Theme.Text.of(translated.get());
                }
                return field.content().filter(c -> !c.isBlank()).map(c -> ui.inLanguage(c, "de"))
                        .orElseGet(() -> ui.text(label));
            }
            return labelText(field.id().id(), field.label());
        }

        private List<Theme.Text> helpLines(Field field, Theme.InputKind kind) {
            List<Theme.Text> lines = new ArrayList<>(2);
            help(field.id().id()).ifPresent(lines::add);
            if (field.kind() == FieldKind.LOCKED || kind != Theme.InputKind.TEXT && kind != Theme.InputKind.FILE) {
                return lines;
            }
            switch (field.dataType()) {
                case DATE -> lines.add(ui.text("hint.date"));
                case TIME -> lines.add(ui.text("hint.time"));
                case DATETIME -> lines.add(ui.text("hint.datetime"));
                case NUM -> lines.add(ui.text("hint.number"));
                case NUM_INT -> lines.add(ui.text("hint.integer"));
                case NUM_CURRENCY -> lines.add(ui.text("hint.currency"));
                case FILE, OBJ -> {
                    if (!field.precision().mediaTypes().isEmpty()) {
                        lines.add(ui.text("hint.fileTypes", String.join(", ", field.precision().mediaTypes())));
                    }
                    field.precision().maxSize().ifPresent(size -> lines.add(ui.text("hint.fileSize", size(size))));
                }
                default -> {
                }
            }
            return lines;
        }

        private String size(long bytes) {
            String unit = bytes >= 1_000_000 ? "MB" : bytes >= 1_000 ? "kB" : "B";
            long divisor = bytes >= 1_000_000 ? 1_000_000 : bytes >= 1_000 ? 1_000 : 1;
            String number = new BigDecimal(bytes).divide(BigDecimal.valueOf(divisor))
                    .setScale(1, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
            return ("en".equals(ui.language()) ? number : number.replace('.', ',')) + " " + unit;
        }

        private Optional<Theme.Text> help(String elementId) {
            Theme.Text help = texts.helps().get(elementId);
            return help == null ? Optional.empty() : Optional.of(help);
        }

        /** The label in the page language, as {@code ui.text(label(id, schemaLabel))}. */
        private Theme.Text labelText(String id, LocalizedText schemaLabel) {
            Theme.Text label = texts.labels().get(id);
            return label != null ? label : ui.text(schemaLabel);
        }

        private Map<String, String> attributes(Field field, Theme.InputKind kind, Multiplicity multiplicity,
                                               int optionCount) {
            Map<String, String> attributes = new LinkedHashMap<>();
            boolean locked = field.kind() == FieldKind.LOCKED;
            switch (kind) {
                case TEXT, TEXTAREA -> {
                    if (kind == Theme.InputKind.TEXTAREA) {
                        attributes.put("rows", "5");
                    }
                    if (field.dataType().isText()) {
                        field.precision().maxLength().ifPresent(max -> attributes.put("maxlength",
                                Integer.toString(max)));
                    }
                    if (field.dataType() == DataType.NUM_INT) {
                        attributes.put("inputmode", "numeric");
                    } else if (field.dataType() == DataType.NUM || field.dataType() == DataType.NUM_CURRENCY) {
                        attributes.put("inputmode", "decimal");
                    }
                    String autocomplete = settings.autocomplete().get(field.id().id());
                    if (autocomplete != null && !locked) {
                        attributes.put("autocomplete", autocomplete);
                    }
                    if (locked) {
                        attributes.put("readonly", "");
                    }
                }
                case CHECKBOX -> {
                    if (locked) {
                        attributes.put("readonly", "");
                    }
                }
                case FILE -> {
                    if (!field.precision().mediaTypes().isEmpty()) {
                        attributes.put("accept", String.join(",", field.precision().mediaTypes()));
                    }
                    if (multiplicity.isRepeatable()) {
                        attributes.put("multiple", "");
                    }
                }
                case MULTI_SELECT -> {
                    attributes.put("multiple", "");
                    attributes.put("size", Integer.toString(Math.min(8, Math.max(2, optionCount))));
                }
                default -> {
                }
            }
            return attributes;
        }

        private Theme.InputKind kindOf(Field field, Multiplicity multiplicity) {
            if (field.kind() == FieldKind.LABEL) {
                return Theme.InputKind.NOTE;
            }
            if (field.kind() == FieldKind.HIDDEN) {
                return Theme.InputKind.HIDDEN;
            }
            if (field.dataType() == DataType.BOOL) {
                return Theme.InputKind.CHECKBOX;
            }
            List<Choice> fieldChoices = choices.get(field);
            if (fieldChoices != null && !fieldChoices.isEmpty()) {
                boolean few = fieldChoices.size() <= settings.maxRadios();
                if (multiplicity.isRepeatable()) {
                    return few ? Theme.InputKind.CHECKBOXES : Theme.InputKind.MULTI_SELECT;
                }
                return few ? Theme.InputKind.RADIOS : Theme.InputKind.SELECT;
            }
            if (field.dataType() == DataType.FILE || field.dataType() == DataType.OBJ) {
                return Theme.InputKind.FILE;
            }
            if (field.dataType().isText() && field.precision().maxLength().orElse(0) >= TEXTAREA_FROM) {
                return Theme.InputKind.TEXTAREA;
            }
            return Theme.InputKind.TEXT;
        }

        private List<Theme.Option> options(Field field, Theme.InputKind kind, DataPath path, String inputId,
                                           List<String> values) {
            List<Choice> fieldChoices = choices.get(field);
            if (fieldChoices == null || kind == Theme.InputKind.TEXT || kind == Theme.InputKind.NOTE
                    || kind == Theme.InputKind.HIDDEN) {
                return List.of();
            }
            List<Theme.Option> options = new ArrayList<>(fieldChoices.size());
            for (int i = 0; i < fieldChoices.size(); i++) {
                Choice choice = fieldChoices.get(i);
                options.add(new Theme.Option(i == 0 ? inputId : Ids.option(path, i), choice.code(),
                        ui.text(choice.name()), values.contains(choice.code()), choice.help().map(ui::text),
                        Ids.optionHint(path, i)));
            }
            return options;
        }

        private Optional<Theme.FieldError> fieldError(String id, List<Violation> violations) {
            if (violations.isEmpty()) {
                return Optional.empty();
            }
            List<Theme.Text> messages = new ArrayList<>(violations.size());
            for (Violation violation : violations) {
                Theme.Text message = message(violation);
                messages.add(message);
                if (shown.add(violation)) {
                    summary.add(new Theme.ErrorLink(Optional.of("#" + id), message));
                }
            }
            return Optional.of(new Theme.FieldError(Ids.error(id), ui.text("error.prefix"), messages));
        }

        Theme.Text message(Violation violation) {
            return ui.inLanguage(violation.message(ui.locale()),
                    violation.messageLanguage(ui.locale()).getLanguage());
        }

        /** Violations not shown at an input but belonging to this step or to no step: in the summary, unlinked. */
        void leftoverViolations(OptionalInt step) {
            for (Violation violation : request.violations()) {
                if (shown.contains(violation) || request.isHidden(violation.path())) {
                    continue;
                }
                OptionalInt owner = settings.plan().stepOf(violation.path().segments().get(0).id());
                if (owner.isEmpty() || owner.equals(step)) {
                    shown.add(violation);
                    summary.add(new Theme.ErrorLink(Optional.empty(), message(violation)));
                }
            }
        }

        // ---- check-answers page ------------------------------------------------------------------------------

        void reviewStep(StepPlan.Step step, int index) {
            Theme.Text title = stepTitle(step);
            String stepUrl = settings.stepUrl().apply(index);
            theme.reviewHeading(body, new Theme.ReviewHeading(title, 2, Optional.of(new Theme.Link(stepUrl,
                    ui.text("review.change"), title))));
            List<ElementRef> elements = step.elements();
            if (elements.size() == 1 && elements.get(0).element() instanceof FieldGroup group
                    && !elements.get(0).multiplicity().isRepeatable()) {
                DataPath path = DataPath.of(group.id().id());
                if (!request.isHidden(path)) {
                    List<FormData> instances = request.data().groups(group.id().id());
                    reviewChildren(group.children(), Optional.of(path.withIndex(0)),
                            instances.isEmpty() ? FormData.empty() : instances.get(0), 3, stepUrl);
                }
            } else {
                reviewChildren(elements, Optional.empty(), request.data(), 3, stepUrl);
            }
            flushRows();
        }

        private void reviewChildren(List<ElementRef> refs, Optional<DataPath> prefix, FormData data, int level,
                                    String stepUrl) {
            for (ElementRef ref : refs) {
                String id = ref.id().id();
                DataPath path = prefix.map(p -> p.child(id)).orElseGet(() -> DataPath.of(id));
                if (request.isHidden(path)) {
                    continue;
                }
                if (ref.element() instanceof Field field) {
                    if (field.kind() == FieldKind.LABEL || field.kind() == FieldKind.HIDDEN) {
                        continue;
                    }
                    List<Theme.Text> values = displayValues(field, data.values(id));
                    pendingRows.add(new Theme.ReviewRow(label(field),
                            values.isEmpty() ? List.of(ui.text("review.notGiven")) : values,
                            new Theme.Link(stepUrl + "#" + Ids.input(path), ui.text("review.change"),
                                    label(field))));
                } else if (ref.element() instanceof FieldGroup group) {
                    reviewGroup(ref, group, path, data.groups(id), level, stepUrl);
                }
            }
        }

        private void reviewGroup(ElementRef ref, FieldGroup group, DataPath path, List<FormData> instances,
                                 int level, String stepUrl) {
            Theme.Text label = labelText(group.id().id(), group.label());
            boolean repeatable = ref.multiplicity().isRepeatable();
            if (repeatable && instances.stream().allMatch(FormData::isBlank)) {
                pendingRows.add(new Theme.ReviewRow(label, List.of(ui.text("review.notGiven")),
                        new Theme.Link(stepUrl + "#" + Ids.group(path), ui.text("review.change"), label)));
                return;
            }
            int count = repeatable ? instances.size() : 1;
            for (int i = 0; i < count; i++) {
                DataPath instancePath = path.withIndex(i);
                FormData data = i < instances.size() ? instances.get(i) : FormData.empty();
                if (request.isHidden(instancePath) || repeatable && data.isBlank()) {
                    continue;
                }
                flushRows();
                Theme.Text title = repeatable ? composed(label, ui.get("instance", label.value(),
                        Integer.toString(i + 1))) : label;
                theme.reviewHeading(body, new Theme.ReviewHeading(title, Math.min(level, 6), Optional.empty()));
                reviewChildren(group.children(), Optional.of(instancePath), data, level + 1, stepUrl);
                flushRows();
            }
        }

        private void flushRows() {
            if (!pendingRows.isEmpty()) {
                theme.reviewRows(body, List.copyOf(pendingRows));
                pendingRows.clear();
            }
        }

        private List<Theme.Text> displayValues(Field field, List<String> values) {
            List<Theme.Text> shownValues = new ArrayList<>(values.size());
            List<Choice> fieldChoices = choices.getOrDefault(field, List.of());
            for (String value : values) {
                if (value.isBlank()) {
                    continue;
                }
                if (field.dataType() == DataType.BOOL && ("true".equals(value) || "false".equals(value))) {
                    shownValues.add(ui.text("true".equals(value) ? "bool.yes" : "bool.no"));
                    continue;
                }
                Optional<Choice> choice = fieldChoices.stream().filter(c -> c.code().equals(value)).findFirst();
                shownValues.add(choice.map(c -> ui.text(c.name())).orElseGet(() -> Theme.Text.of(value)));
            }
            return shownValues;
        }

        /** The anchor of a violation's element on its step page, for links from the check-answers page. */
        Optional<String> anchor(DataPath violationPath) {
            OptionalInt step = settings.plan().stepOf(violationPath.segments().get(0).id());
            if (step.isEmpty()) {
                return Optional.empty();
            }
            List<ElementRef> level = settings.schema().children();
            List<DataPath.Segment> segments = violationPath.segments();
            List<DataPath.Segment> normalized = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                DataPath.Segment segment = segments.get(i);
                Optional<ElementRef> ref = level.stream().filter(r -> r.id().id().equals(segment.id())).findFirst();
                if (ref.isEmpty()) {
                    return Optional.empty();
                }
                boolean last = i == segments.size() - 1;
                if (ref.get().element() instanceof Field field) {
                    if (!last || field.kind() == FieldKind.HIDDEN || field.kind() == FieldKind.LABEL) {
                        return Optional.empty();
                    }
                    normalized.add(new DataPath.Segment(segment.id(), OptionalInt.empty()));
                    DataPath path = DataPath.of(normalized);
                    boolean perValue = segment.indexOrZero() > 0 && ref.get().multiplicity().isRepeatable();
                    return Optional.of(settings.stepUrl().apply(step.getAsInt()) + "#"
                            + Ids.input(perValue ? path.withIndex(segment.indexOrZero()) : path));
                }
                FieldGroup group = (FieldGroup) ref.get().element();
                boolean repeatable = ref.get().multiplicity().isRepeatable();
                if (last) {
                    normalized.add(repeatable ? segment : new DataPath.Segment(segment.id(), OptionalInt.of(0)));
                    return Optional.of(settings.stepUrl().apply(step.getAsInt()) + "#"
                            + Ids.group(DataPath.of(normalized)));
                }
                normalized.add(new DataPath.Segment(segment.id(), OptionalInt.of(segment.indexOrZero())));
                level = group.children();
            }
            return Optional.empty();
        }

        // ---- shared ------------------------------------------------------------------------------------------

        private LocalizedText label(String id, LocalizedText schemaLabel) {
            return settings.labels().getOrDefault(id, schemaLabel);
        }

        /** A numbered label ("Anschrift 2"): it takes the label's language marking. */
        private Theme.Text composed(Theme.Text label, String value) {
            return new Theme.Text(value, label.language(), label.direction());
        }

        private String describedBy(Optional<Theme.Hint> hint, Optional<Theme.FieldError> error) {
            if (hint.isEmpty()) {
                return error.map(Theme.FieldError::id).orElse("");
            }
            return error.isEmpty() ? hint.get().id() : hint.get().id() + " " + error.get().id();
        }
    }

    /** Whether the path is written as its element's key: every segment but the last with an index. */
    static boolean isElementKey(DataPath path) {
        List<DataPath.Segment> segments = path.segments();
        int last = segments.size() - 1;
        for (int i = 0; i < last; i++) {
            if (segments.get(i).index().isEmpty()) {
                return false;
            }
        }
        return segments.get(last).index().isEmpty();
    }

    /** The key of a path's element: middle segments with index (0 when absent), the last one without. */
    static String elementKey(DataPath path) {
        List<DataPath.Segment> segments = path.segments();
        StringBuilder key = new StringBuilder(16 * segments.size());
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                key.append('.');
            }
            key.append(segments.get(i).id());
            if (i < segments.size() - 1) {
                key.append('[').append(segments.get(i).indexOrZero()).append(']');
            }
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return "FormPages " + Objects.toString(settings.schema().id());
    }
}
