package de.ozgsdk.forms.render;

import de.ozgsdk.forms.internal.render.DefaultStyles;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The markup of every component of a rendered form (page shell, progress, error summary, fieldsets, each kind of
 * input, repeat buttons, navigation, check-answers summary), as methods a portal overrides one at a time.
 *
 * <p>The renderer decides what to show (ids, names, labels, which input kind, which messages, which
 * {@code aria-describedby}); it hands each component a small view record and an {@link HtmlWriter}. Every method has
 * a default that writes accessible markup (WCAG 2.1 AA) styled by {@link #css()}; a portal changes a single
 * component by overriding that method only:
 *
 * <pre>{@code
 * Theme portalTheme = new Theme() {
 *     @Override
 *     public void errorSummary(HtmlWriter out, ErrorSummary summary) {
 *         out.open("div").attr("class", "portal-alert").attr("role", "alert");
 *         Theme.super.errorSummary(out, summary);    // or write it completely anew
 *         out.close("div");
 *     }
 * };
 * FormRenderer renderer = FormRenderer.builder(schema).theme(portalTheme).build();
 * }</pre>
 *
 * <p>Everything written through {@link HtmlWriter#text} and {@link HtmlWriter#attr} is escaped, so an override
 * stays free of injection as long as it does not pass view content to {@link HtmlWriter#trustedMarkup}.
 */
public interface Theme {

    /** The default theme: all components as documented here. */
    static Theme standard() {
        return new Theme() {
        };
    }

    /**
     * A text with its language when it differs from the page's (a German label on an Arabic page): the writer wraps
     * it in {@code <span lang="de" dir="ltr">} (WCAG 3.1.2).
     *
     * @param value     the text
     * @param language  its BCP 47 language tag when it differs from the page language
     * @param direction {@code ltr} or {@code rtl} when it differs from the page direction
     */
    record Text(String value, Optional<String> language, Optional<String> direction) {
        public Text {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(direction, "direction");
        }

        /** A text in the page's language. */
        public static Text of(String value) {
            return new Text(value, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The page shell.
     *
     * @param language      the page language ({@code lang})
     * @param direction     {@code ltr} or {@code rtl} ({@code dir})
     * @param title         the document title ({@code <title>}), errors first
     * @param stylesheetUrl the style sheet to link; empty: {@link #css()} is inlined
     * @param css           the theme's style sheet text, to inline
     */
    record Page(String language, String direction, String title, Optional<String> stylesheetUrl, String css) {
    }

    /**
     * The {@code <form>} element of a step or the review page.
     *
     * @param title        the heading of the page ({@code h1}): the form's label
     * @param action       the form's {@code action} (empty: the same URL)
     * @param multipart    whether the step has a file input ({@code enctype="multipart/form-data"})
     * @param hiddenFields  hidden inputs such as {@code _step} and a portal's CSRF token
     * @param defaultButton the button that pressing Enter in a text input triggers (written first, hidden), so
     *                      that Enter does not press the first "remove" button of the page
     */
    record Form(Text title, String action, boolean multipart, Map<String, String> hiddenFields,
                Optional<Button> defaultButton) {
    }

    /**
     * The progress indicator.
     *
     * @param label   "Schritt 2 von 5"
     * @param name    the accessible name of the step list ("Fortschritt")
     * @param steps   the titles of all steps (the last one is the check-answers page)
     * @param current the 0-based index of the current step
     */
    record Progress(Text label, Text name, List<Text> steps, int current) {
    }

    /**
     * The error summary at the top of a page.
     *
     * @param id      the id of the summary element
     * @param heading "Es gibt ein Problem" / "There is a problem"
     * @param errors  the messages in page order
     */
    record ErrorSummary(String id, Text heading, List<ErrorLink> errors) {
    }

    /**
     * One entry of the error summary.
     *
     * @param href    the link to the input ({@code #f-F1}), empty when the error has no input on this page
     * @param message the violation's message
     */
    record ErrorLink(Optional<String> href, Text message) {
    }

    /**
     * Help texts and format hints of an input or group, referenced by {@code aria-describedby}.
     *
     * @param id    the element id
     * @param lines the hints, one paragraph each
     */
    record Hint(String id, List<Text> lines) {
    }

    /**
     * The inline error messages of an input or group, referenced by {@code aria-describedby}.
     *
     * @param id       the element id
     * @param prefix   the visually hidden "Fehler:" / "Error:"
     * @param messages the messages
     */
    record FieldError(String id, Text prefix, List<Text> messages) {
    }

    /**
     * A fieldset: a step, a group, one instance of a repeatable group, or the container of a repeatable group.
     *
     * @param id             the fieldset's id (link target of group errors)
     * @param legend         the legend
     * @param requiredMarker "(Pflichtfeld)" when the group is required, else empty
     * @param hint           the group's help text
     * @param error          messages about the group as a whole
     * @param describedBy    the ids of hint and error, space-separated (may be empty)
     * @param depth          0 for a step, 1 for its groups, and so on
     */
    record Fieldset(String id, Text legend, Optional<Text> requiredMarker, Optional<Hint> hint,
                    Optional<FieldError> error, String describedBy, int depth) {
    }

    /** How a field is rendered. */
    enum InputKind {
        /** {@code <input type="text">} (text, numbers, dates, times; with {@code inputmode} where fitting). */
        TEXT,
        /** {@code <textarea>} for long texts. */
        TEXTAREA,
        /** A single checkbox with a hidden {@code false} before it ({@code bool}). */
        CHECKBOX,
        /** Radio buttons in a fieldset (short code lists). */
        RADIOS,
        /** Checkboxes in a fieldset (short code lists, several values). */
        CHECKBOXES,
        /** {@code <select>} (long code lists). */
        SELECT,
        /** {@code <select multiple>} (long code lists, several values). */
        MULTI_SELECT,
        /** {@code <input type="file">}. */
        FILE,
        /** {@code <input type="hidden">} (Feldart hidden). */
        HIDDEN,
        /** Static text (Feldart label). */
        NOTE
    }

    /**
     * One field.
     *
     * @param kind           how to render it
     * @param id             the id of the input (of the first radio/checkbox of a group)
     * @param name           the form parameter name, a data path such as {@code G60000086[0].F60000227}
     * @param label          the label (legend for radios and checkboxes)
     * @param requiredMarker "(Pflichtfeld)" when required, else empty
     * @param hint           help text and format hint
     * @param error          inline error messages
     * @param describedBy    ids of hint and error, space-separated (may be empty)
     * @param values         the current values as entered (raw strings)
     * @param options        the choices of radios, checkboxes and selects
     * @param attributes     further attributes of the input in order ({@code maxlength}, {@code inputmode},
     *                       {@code autocomplete}, {@code accept}, {@code readonly}, {@code rows}, {@code multiple},
     *                       {@code autofocus}; the last three are boolean attributes)
     * @param placeholder    the text of the empty first option of a select ("Bitte auswählen"); for a file input
     *                       the text before the name of a file already uploaded ("Hochgeladene Datei:")
     * @param lockedDisplay  for a locked choice: the display text of the chosen value (shown read-only, the code
     *                       travels in a hidden input)
     */
    record Input(InputKind kind, String id, String name, Text label, Optional<Text> requiredMarker,
                 Optional<Hint> hint, Optional<FieldError> error, String describedBy, List<String> values,
                 List<Option> options, Map<String, String> attributes, Text placeholder,
                 Optional<Text> lockedDisplay) {

        /** The first value, or the empty string. */
        public String value() {
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    /**
     * One choice of a radio group, checkbox group or select.
     *
     * @param id       the input's id (radios and checkboxes)
     * @param value    the code sent
     * @param label    the text shown
     * @param selected whether the current data hold this code
     * @param hint     an explanation of the choice, if any
     * @param hintId   the id of the explanation's element
     */
    record Option(String id, String value, Text label, boolean selected, Optional<Text> hint, String hintId) {
    }

    /**
     * A submit button: navigation ({@code _next}, {@code _back}) or repeat ({@code _add}, {@code _remove}).
     *
     * @param name    the parameter name
     * @param value   the parameter value
     * @param label   the visible text
     * @param primary whether it is the main action of the page
     */
    record Button(String name, String value, Text label, boolean primary) {
    }

    /**
     * A link of the check-answers page.
     *
     * @param href    where it leads (the step and the field anchor)
     * @param label   the visible text ("Ändern")
     * @param context visually hidden text completing the link's purpose (the field's label)
     */
    record Link(String href, Text label, Text context) {
    }

    /**
     * A heading of the check-answers page: a step (level 2) or a group instance within it (level 3 and deeper).
     *
     * @param title  the heading text
     * @param level  the heading level, 2 to 6
     * @param change the link to the step, for step headings
     */
    record ReviewHeading(Text title, int level, Optional<Link> change) {
    }

    /**
     * One answer of the check-answers page.
     *
     * @param label  the question (the field's label)
     * @param values the answer as shown (code names, Ja/Nein), or the "not given" text
     * @param change the link to the field
     */
    record ReviewRow(Text label, List<Text> values, Link change) {
    }

    /** The style sheet of the theme (default: the SDK's mobile-first style sheet, {@code ozg-forms.css}). */
    default String css() {
        return DefaultStyles.CSS;
    }

    /** The whole document: doctype, {@code html} with {@code lang} and {@code dir}, head, and a {@code main}. */
    default void page(HtmlWriter out, Page page, Runnable content) {
        out.trustedMarkup("<!DOCTYPE html>\n");
        out.open("html").attr("lang", page.language()).attr("dir", page.direction());
        out.open("head");
        out.open("meta").attr("charset", "utf-8").end();
        out.open("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1").end();
        out.open("title").text(page.title()).close("title");
        if (page.stylesheetUrl().isPresent()) {
            out.open("link").attr("rel", "stylesheet").attr("href", page.stylesheetUrl().get()).end();
        } else {
            out.open("style").trustedMarkup(DefaultStyles.checkedCss(page.css())).close("style");
        }
        out.close("head");
        out.open("body").attr("class", "ozg-body");
        out.open("main").attr("id", "main").attr("class", "ozg-main");
        content.run();
        out.close("main");
        out.close("body");
        out.close("html");
    }

    /** The form: heading, then the content, inside {@code <form method="post" novalidate>}. */
    default void form(HtmlWriter out, Form form, Runnable content) {
        out.open("div").attr("class", "ozg-form");
        out.open("h1").attr("class", "ozg-title").text(form.title()).close("h1");
        out.open("form").attr("method", "post").attr("action", form.action()).attr("novalidate", true);
        if (form.multipart()) {
            out.attr("enctype", "multipart/form-data");
        }
        form.defaultButton().ifPresent(b -> out.open("button").attr("type", "submit").attr("name", b.name())
                .attr("value", b.value()).attr("hidden", true).attr("tabindex", "-1").text(b.label()).close("button"));
        form.hiddenFields().forEach((name, value) ->
                out.open("input").attr("type", "hidden").attr("name", name).attr("value", value).end());
        content.run();
        out.close("form");
        out.close("div");
    }

    /** "Schritt 2 von 5" as text, and the list of steps with {@code aria-current="step"}. */
    default void progress(HtmlWriter out, Progress progress) {
        out.open("nav").attr("class", "ozg-progress").attr("aria-label", progress.name().value());
        out.open("p").attr("class", "ozg-progress-label").text(progress.label()).close("p");
        out.open("ol").attr("class", "ozg-progress-steps");
        for (int i = 0; i < progress.steps().size(); i++) {
            out.open("li");
            if (i == progress.current()) {
                out.attr("aria-current", "step").attr("class", "ozg-progress-current");
            } else if (i < progress.current()) {
                out.attr("class", "ozg-progress-done");
            }
            out.text(progress.steps().get(i)).close("li");
        }
        out.close("ol");
        out.close("nav");
    }

    /** GOV.UK-style summary: a focused box with a heading and links to the inputs. */
    default void errorSummary(HtmlWriter out, ErrorSummary summary) {
        String headingId = summary.id() + "-title";
        out.open("div").attr("class", "ozg-error-summary").attr("id", summary.id())
                .attr("role", "alert").attr("aria-labelledby", headingId).attr("tabindex", "-1")
                .attr("autofocus", true);
        out.open("h2").attr("id", headingId).attr("class", "ozg-error-summary-title").text(summary.heading())
                .close("h2");
        out.open("ul").attr("class", "ozg-error-summary-list");
        for (ErrorLink error : summary.errors()) {
            out.open("li");
            if (error.href().isPresent()) {
                out.open("a").attr("href", error.href().get()).text(error.message()).close("a");
            } else {
                out.text(error.message());
            }
            out.close("li");
        }
        out.close("ul");
        out.close("div");
    }

    /** A fieldset with legend, hint and group-level errors; the content follows. */
    default void fieldset(HtmlWriter out, Fieldset fieldset, Runnable content) {
        String kind = fieldset.depth() == 0 ? "ozg-step" : "ozg-group ozg-depth-" + Math.min(fieldset.depth(), 4);
        out.open("fieldset").attr("id", fieldset.id()).attr("class", kind)
                .attrIfNotEmpty("aria-describedby", fieldset.describedBy());
        out.open("legend").attr("class", fieldset.depth() == 0 ? "ozg-step-legend" : "ozg-group-legend")
                .text(fieldset.legend());
        fieldset.requiredMarker().ifPresent(marker -> requiredMarker(out, marker));
        out.close("legend");
        fieldset.hint().ifPresent(hint -> hint(out, hint));
        fieldset.error().ifPresent(error -> error(out, error));
        content.run();
        out.close("fieldset");
    }

    /** One field: dispatches to the method for its {@link InputKind}. */
    default void field(HtmlWriter out, Input input) {
        switch (input.kind()) {
            case TEXT -> textInput(out, input);
            case TEXTAREA -> textarea(out, input);
            case CHECKBOX -> checkbox(out, input);
            case RADIOS, CHECKBOXES -> choices(out, input);
            case SELECT, MULTI_SELECT -> select(out, input);
            case FILE -> fileInput(out, input);
            case HIDDEN -> hiddenInput(out, input);
            case NOTE -> note(out, input);
            default -> throw new IllegalStateException(input.kind().name());
        }
    }

    /** A text input with label, hint and error. */
    default void textInput(HtmlWriter out, Input input) {
        fieldStart(out, input);
        label(out, input);
        hint(out, input);
        error(out, input);
        if (input.lockedDisplay().isPresent()) {
            out.open("input").attr("type", "text").attr("id", input.id()).attr("class", "ozg-input")
                    .attr("value", input.lockedDisplay().get().value()).attr("readonly", true)
                    .attrIfNotEmpty("aria-describedby", input.describedBy()).end();
            for (String value : input.values()) {
                out.open("input").attr("type", "hidden").attr("name", input.name()).attr("value", value).end();
            }
        } else {
            out.open("input").attr("type", "text").attr("id", input.id()).attr("name", input.name())
                    .attr("class", "ozg-input").attr("value", input.value());
            inputAttributes(out, input);
            out.end();
        }
        out.close("div");
    }

    /** A textarea with label, hint and error. */
    default void textarea(HtmlWriter out, Input input) {
        fieldStart(out, input);
        label(out, input);
        hint(out, input);
        error(out, input);
        out.open("textarea").attr("id", input.id()).attr("name", input.name()).attr("class", "ozg-textarea");
        inputAttributes(out, input);
        out.text(input.value()).close("textarea");
        out.close("div");
    }

    /** A single checkbox, preceded by the hidden {@code false} that an unchecked checkbox needs. */
    default void checkbox(HtmlWriter out, Input input) {
        fieldStart(out, input);
        hint(out, input);
        error(out, input);
        boolean readonly = input.attributes().containsKey("readonly");
        out.open("input").attr("type", "hidden").attr("name", input.name())
                .attr("value", readonly ? input.value() : "false").end();
        out.open("div").attr("class", "ozg-choice");
        out.open("input").attr("type", "checkbox").attr("id", input.id()).attr("class", "ozg-choice-input")
                .attr("value", "true").attr("checked", "true".equals(input.value()));
        if (readonly) {
            out.attr("disabled", true);
        } else {
            out.attr("name", input.name());
        }
        out.attrIfNotEmpty("aria-describedby", input.describedBy());
        if (input.error().isPresent()) {
            out.attr("aria-invalid", "true");
        }
        out.end();
        out.open("label").attr("for", input.id()).attr("class", "ozg-choice-label").text(input.label());
        input.requiredMarker().ifPresent(marker -> requiredMarker(out, marker));
        out.close("label");
        out.close("div");
        out.close("div");
    }

    /** Radios or checkboxes in a fieldset whose legend is the field's label. */
    default void choices(HtmlWriter out, Input input) {
        boolean radios = input.kind() == InputKind.RADIOS;
        out.open("div").attr("class", input.error().isPresent() ? "ozg-field ozg-field-error" : "ozg-field");
        out.open("fieldset").attr("class", "ozg-choices")
                .attrIfNotEmpty("aria-describedby", input.describedBy());
        out.open("legend").attr("class", "ozg-label").text(input.label());
        input.requiredMarker().ifPresent(marker -> requiredMarker(out, marker));
        out.close("legend");
        hint(out, input);
        error(out, input);
        for (Option option : input.options()) {
            out.open("div").attr("class", "ozg-choice");
            out.open("input").attr("type", radios ? "radio" : "checkbox").attr("id", option.id())
                    .attr("name", input.name()).attr("value", option.value()).attr("class", "ozg-choice-input")
                    .attr("checked", option.selected());
            option.hint().ifPresent(h -> out.attr("aria-describedby", option.hintId()));
            out.end();
            out.open("label").attr("for", option.id()).attr("class", "ozg-choice-label").text(option.label())
                    .close("label");
            option.hint().ifPresent(h -> out.open("p").attr("id", option.hintId())
                    .attr("class", "ozg-choice-hint").text(h).close("p"));
            out.close("div");
        }
        out.close("fieldset");
        out.close("div");
    }

    /** A select (or multi-select) with label, hint and error; a single select starts with an empty choice. */
    default void select(HtmlWriter out, Input input) {
        fieldStart(out, input);
        label(out, input);
        hint(out, input);
        error(out, input);
        out.open("select").attr("id", input.id()).attr("name", input.name()).attr("class", "ozg-select");
        inputAttributes(out, input);
        if (input.kind() == InputKind.SELECT) {
            out.open("option").attr("value", "").text(input.placeholder()).close("option");
        }
        for (Option option : input.options()) {
            out.open("option").attr("value", option.value()).attr("selected", option.selected())
                    .text(option.label()).close("option");
        }
        out.close("select");
        out.close("div");
    }

    /**
     * A file input; a file already uploaded is shown by name and kept in a hidden input with the same name (the
     * portal replaces it when a new file arrives).
     */
    default void fileInput(HtmlWriter out, Input input) {
        fieldStart(out, input);
        label(out, input);
        hint(out, input);
        error(out, input);
        for (String value : input.values()) {
            out.open("p").attr("class", "ozg-file-current").text(input.placeholder()).text(" ").text(value)
                    .close("p");
            out.open("input").attr("type", "hidden").attr("name", input.name()).attr("value", value).end();
        }
        out.open("input").attr("type", "file").attr("id", input.id()).attr("name", input.name())
                .attr("class", "ozg-file");
        inputAttributes(out, input);
        out.end();
        out.close("div");
    }

    /** A hidden input (Feldart hidden): no label, nothing visible. */
    default void hiddenInput(HtmlWriter out, Input input) {
        for (String value : input.values().isEmpty() ? List.of("") : input.values()) {
            out.open("input").attr("type", "hidden").attr("name", input.name()).attr("value", value).end();
        }
    }

    /** Static text (Feldart label). */
    default void note(HtmlWriter out, Input input) {
        out.open("p").attr("class", "ozg-note").attr("id", input.id()).text(input.label()).close("p");
    }

    /** An add or remove button of a repeatable group. */
    default void repeatButton(HtmlWriter out, Button button) {
        out.open("div").attr("class", "ozg-repeat");
        button(out, button);
        out.close("div");
    }

    /** The navigation buttons at the end of the form, primary first. */
    default void navigation(HtmlWriter out, List<Button> buttons) {
        out.open("div").attr("class", "ozg-navigation");
        buttons.forEach(b -> button(out, b));
        out.close("div");
    }

    /** A submit button. */
    default void button(HtmlWriter out, Button button) {
        out.open("button").attr("type", "submit").attr("name", button.name()).attr("value", button.value())
                .attr("class", button.primary() ? "ozg-button ozg-button-primary" : "ozg-button ozg-button-secondary")
                .text(button.label()).close("button");
    }

    /** A heading of the check-answers page, with the change link of its step. */
    default void reviewHeading(HtmlWriter out, ReviewHeading heading) {
        String tag = "h" + Math.max(2, Math.min(6, heading.level()));
        out.open("div").attr("class", "ozg-review-heading");
        out.open(tag).text(heading.title()).close(tag);
        heading.change().ifPresent(link -> link(out, link));
        out.close("div");
    }

    /** A list of answers of the check-answers page. */
    default void reviewRows(HtmlWriter out, List<ReviewRow> rows) {
        out.open("dl").attr("class", "ozg-summary");
        for (ReviewRow row : rows) {
            out.open("div").attr("class", "ozg-summary-row");
            out.open("dt").attr("class", "ozg-summary-key").text(row.label()).close("dt");
            out.open("dd").attr("class", "ozg-summary-value");
            for (int i = 0; i < row.values().size(); i++) {
                if (i > 0) {
                    out.open("br").end();
                }
                out.text(row.values().get(i));
            }
            out.close("dd");
            out.open("dd").attr("class", "ozg-summary-action");
            link(out, row.change());
            out.close("dd");
            out.close("div");
        }
        out.close("dl");
    }

    /** A link with visually hidden context ("Ändern<span> Familienname</span>"). */
    default void link(HtmlWriter out, Link link) {
        out.open("a").attr("href", link.href()).attr("class", "ozg-link").text(link.label());
        out.open("span").attr("class", "ozg-visually-hidden").text(" ").text(link.context()).close("span");
        out.close("a");
    }

    /** The text "(Pflichtfeld)" after a label. */
    default void requiredMarker(HtmlWriter out, Text marker) {
        out.open("span").attr("class", "ozg-required").text(" ").text(marker).close("span");
    }

    /** Opens the wrapper of one field ({@code div.ozg-field}, marked when in error). */
    default void fieldStart(HtmlWriter out, Input input) {
        out.open("div").attr("class", input.error().isPresent() ? "ozg-field ozg-field-error" : "ozg-field");
    }

    /** The label of an input, with the required marker. */
    default void label(HtmlWriter out, Input input) {
        out.open("label").attr("for", input.id()).attr("class", "ozg-label").text(input.label());
        input.requiredMarker().ifPresent(marker -> requiredMarker(out, marker));
        out.close("label");
    }

    /** The hint of an input, if any. */
    default void hint(HtmlWriter out, Input input) {
        input.hint().ifPresent(hint -> hint(out, hint));
    }

    /** A hint block: one paragraph per line. */
    default void hint(HtmlWriter out, Hint hint) {
        out.open("div").attr("id", hint.id()).attr("class", "ozg-hint");
        for (Text line : hint.lines()) {
            out.open("p").text(line).close("p");
        }
        out.close("div");
    }

    /** The inline errors of an input, if any. */
    default void error(HtmlWriter out, Input input) {
        input.error().ifPresent(error -> error(out, error));
    }

    /** An inline error block: visually hidden prefix, then the messages. */
    default void error(HtmlWriter out, FieldError error) {
        out.open("div").attr("id", error.id()).attr("class", "ozg-error-message");
        for (Text message : error.messages()) {
            out.open("p");
            out.open("span").attr("class", "ozg-visually-hidden").text(error.prefix()).text(" ").close("span");
            out.text(message).close("p");
        }
        out.close("div");
    }

    /** The attributes of an input element: error state, description, and the field's own attributes. */
    default void inputAttributes(HtmlWriter out, Input input) {
        input.attributes().forEach((name, value) -> {
            if ("readonly".equals(name) || "multiple".equals(name) || "autofocus".equals(name)) {
                out.attr(name, true);
            } else {
                out.attr(name, value);
            }
        });
        out.attrIfNotEmpty("aria-describedby", input.describedBy());
        if (input.error().isPresent()) {
            out.attr("aria-invalid", "true");
        }
        if (input.requiredMarker().isPresent() && input.kind() != InputKind.FILE) {
            out.attr("aria-required", "true"); // type=file has no ARIA role that takes aria-required
        }
    }
}
