package de.ozgsdk.bench.forms;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.forms.validation.Violation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The baseline of {@link RenderBenchmark}: one step page written by hand into one {@link StringBuilder}, with the
 * markup of the default theme (page head with the inlined style sheet, progress, error summary, step fieldset,
 * nested group fieldsets with repeat buttons, per field a label, hints, inline error and the input with its value)
 * and the same escaping of every text, but without a theme, view records or checks of well-formedness.
 */
final class HandWrittenPage {

    private static final Locale GERMAN = Locale.GERMAN;
    private static final int TEXTAREA_FROM = 256;

    private final FormRenderer renderer;
    private final int step;
    private final FormData data;
    private final List<Violation> violations;

    HandWrittenPage(FormRenderer renderer, int step, FormData data, List<Violation> violations) {
        this.renderer = renderer;
        this.step = step;
        this.data = data;
        this.violations = List.copyOf(violations);
    }

    String render() {
        StepPlan plan = renderer.steps();
        StepPlan.Step current = plan.step(step);
        Set<String> topLevel = new HashSet<>();
        current.elements().forEach(ref -> topLevel.add(ref.id().id()));
        Map<String, String> errors = new HashMap<>();
        StringBuilder summary = new StringBuilder(1024);
        for (Violation violation : violations) {
            if (!topLevel.contains(violation.path().segments().get(0).id())) {
                continue;
            }
            String key = violation.path().toString().replace("[0]", "");
            String message = violation.message(GERMAN);
            errors.merge(key, message, (a, b) -> a + " " + b);
            summary.append("<li><a href=\"#f-").append(key.replace('[', '.').replace("]", "")).append("\">");
            escape(summary, message).append("</a></li>");
        }
        String title = current.title().get(GERMAN);
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\"><head><meta charset=\"utf-8\" />")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" /><title>");
        if (!errors.isEmpty()) {
            out.append("Fehler: ");
        }
        escape(out, title).append(" – Schritt ").append(step + 1).append(" von ").append(plan.size() + 1)
                .append("</title><style>").append(renderer.css()).append("</style></head>")
                .append("<body class=\"ozg-body\"><main id=\"main\" class=\"ozg-main\"><div class=\"ozg-form\">")
                .append("<h1 class=\"ozg-title\">");
        escape(out, renderer.schema().metadata().label().get(GERMAN)).append("</h1>");
        out.append("<form method=\"post\" action=\"\" novalidate=\"\">")
                .append("<button type=\"submit\" name=\"_next\" value=\"next\" hidden=\"\" tabindex=\"-1\">Weiter")
                .append("</button><input type=\"hidden\" name=\"_step\" value=\"").append(step).append("\" />");
        progress(out, plan);
        if (!errors.isEmpty()) {
            out.append("<div class=\"ozg-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus=\"\">")
                    .append("<h2 class=\"ozg-error-summary-title\">Es gibt ein Problem</h2>")
                    .append("<ul class=\"ozg-error-summary-list\">").append(summary).append("</ul></div>");
        }
        out.append("<fieldset class=\"ozg-step\"><legend class=\"ozg-step-legend\">");
        escape(out, title).append("</legend>");
        children(out, current.elements(), "", data, errors, 1);
        out.append("</fieldset><div class=\"ozg-navigation\">");
        if (step > 0) {
            out.append("<button type=\"submit\" name=\"_back\" value=\"back\" class=\"ozg-button ")
                    .append("ozg-button-secondary\">Zurück</button>");
        }
        out.append("<button type=\"submit\" name=\"_next\" value=\"next\" class=\"ozg-button ozg-button-primary\">")
                .append("Weiter</button></div></form></div></main></body></html>");
        return out.toString();
    }

    private void progress(StringBuilder out, StepPlan plan) {
        out.append("<nav class=\"ozg-progress\" aria-label=\"Fortschritt\"><p class=\"ozg-progress-label\">Schritt ")
                .append(step + 1).append(" von ").append(plan.size() + 1).append("</p><ol class=\"ozg-progress-steps\">");
        for (int i = 0; i < plan.size(); i++) {
            out.append(i == step ? "<li aria-current=\"step\" class=\"ozg-progress-current\">"
                    : i < step ? "<li class=\"ozg-progress-done\">" : "<li>");
            escape(out, plan.step(i).title().get(GERMAN)).append("</li>");
        }
        out.append("<li>Angaben prüfen</li></ol></nav>");
    }

    private void children(StringBuilder out, List<ElementRef> refs, String prefix, FormData instance,
            Map<String, String> errors, int depth) {
        for (ElementRef ref : refs) {
            SchemaElement element = ref.element();
            String id = element.id().id();
            String path = prefix.isEmpty() ? id : prefix + "." + id;
            if (element instanceof FieldGroup group) {
                group(out, ref, group, path, instance.groups(id), errors, depth);
            } else {
                field(out, ref, (Field) element, path, instance.values(id), errors);
            }
        }
    }

    private void group(StringBuilder out, ElementRef ref, FieldGroup group, String path, List<FormData> instances,
            Map<String, String> errors, int depth) {
        String label = group.metadata().label().get(GERMAN);
        Multiplicity multiplicity = ref.multiplicity();
        if (!multiplicity.isRepeatable()) {
            fieldsetStart(out, "g-" + idOf(path) + ".0", label, group, depth);
            children(out, group.children(), path + "[0]", instances.isEmpty() ? FormData.empty() : instances.get(0),
                    errors, depth + 1);
            out.append("</fieldset>");
            return;
        }
        int minimum = Math.max(1, multiplicity.min());
        int shown = multiplicity.max().isPresent() ? Math.min(minimum, multiplicity.max().getAsInt()) : minimum;
        int count = Math.max(instances.size(), shown);
        fieldsetStart(out, "g-" + idOf(path), label, group, depth);
        for (int i = 0; i < count; i++) {
            String instancePath = path + "[" + i + "]";
            fieldsetStart(out, "g-" + idOf(instancePath), label + " " + (i + 1), null, depth + 1);
            children(out, group.children(), instancePath, i < instances.size() ? instances.get(i) : FormData.empty(),
                    errors, depth + 2);
            if (count > minimum) {
                out.append("<button type=\"submit\" name=\"_remove\" value=\"").append(instancePath)
                        .append("\" class=\"ozg-button ozg-button-secondary\">");
                escape(out, label).append(' ').append(i + 1).append(" entfernen</button>");
            }
            out.append("</fieldset>");
        }
        if (multiplicity.max().isEmpty() || count < multiplicity.max().getAsInt()) {
            out.append("<button type=\"submit\" name=\"_add\" value=\"").append(path)
                    .append("\" class=\"ozg-button ozg-button-secondary\">");
            escape(out, label).append(" hinzufügen</button>");
        }
        out.append("</fieldset>");
    }

    private static void fieldsetStart(StringBuilder out, String id, String legend, FieldGroup group, int depth) {
        out.append("<fieldset id=\"").append(id).append("\" class=\"ozg-group ozg-depth-").append(depth).append('"');
        String help = group == null ? null : group.metadata().inputHelp().map(h -> h.get(GERMAN)).orElse(null);
        if (help != null) {
            out.append(" aria-describedby=\"h-").append(id).append('"');
        }
        out.append("><legend class=\"ozg-group-legend\">");
        escape(out, legend).append("</legend>");
        if (help != null) {
            out.append("<div id=\"h-").append(id).append("\" class=\"ozg-hint\"><p>");
            escape(out, help).append("</p></div>");
        }
    }

    private void field(StringBuilder out, ElementRef ref, Field field, String path, List<String> values,
            Map<String, String> errors) {
        String label = field.metadata().inputLabel().orElse(field.metadata().label()).get(GERMAN);
        if (field.kind() == FieldKind.LABEL) {
            out.append("<p class=\"ozg-note\" id=\"f-").append(idOf(path)).append("\">");
            escape(out, field.content().orElse(label)).append("</p>");
            return;
        }
        if (field.kind() == FieldKind.HIDDEN) {
            out.append("<input type=\"hidden\" name=\"").append(path).append("\" value=\"");
            escape(out, values.isEmpty() ? "" : values.get(0)).append("\" />");
            return;
        }
        Multiplicity multiplicity = ref.multiplicity();
        boolean text = field.dataType() != DataType.BOOL && field.dataType() != DataType.FILE
                && field.dataType() != DataType.OBJ;
        if (!text || !multiplicity.isRepeatable()) {
            input(out, field, path, idOf(path), label, multiplicity.isRequired(), values, errors);
            return;
        }
        int maximum = multiplicity.max().orElse(Integer.MAX_VALUE);
        int count = Math.max(Math.min(Math.max(values.size() + 1, Math.max(1, multiplicity.min())), maximum),
                values.size());
        out.append("<fieldset id=\"g-").append(idOf(path)).append("\" class=\"ozg-group\"><legend>");
        escape(out, label).append("</legend>");
        for (int i = 0; i < count; i++) {
            String valuePath = path + "[" + i + "]";
            input(out, field, valuePath, i == 0 ? idOf(path) : idOf(valuePath), label + " " + (i + 1), false,
                    i < values.size() ? List.of(values.get(i)) : List.of(), errors);
        }
        out.append("</fieldset>");
    }

    private static void input(StringBuilder out, Field field, String path, String id, String label, boolean required,
            List<String> values, Map<String, String> errors) {
        String value = values.isEmpty() ? "" : values.get(0);
        String error = errors.get(path.replace("[0]", ""));
        String help = field.metadata().inputHelp().map(h -> h.get(GERMAN)).orElse(null);
        String typeHint = typeHint(field.dataType());
        boolean hint = help != null || typeHint != null;
        boolean checkbox = field.dataType() == DataType.BOOL;
        out.append(error == null ? "<div class=\"ozg-field\">" : "<div class=\"ozg-field ozg-field-error\">");
        if (!checkbox) {
            label(out, id, label, required);
        }
        if (hint) {
            out.append("<div id=\"h-f-").append(id).append("\" class=\"ozg-hint\">");
            if (help != null) {
                escape(out.append("<p>"), help).append("</p>");
            }
            if (typeHint != null) {
                out.append("<p>").append(typeHint).append("</p>");
            }
            out.append("</div>");
        }
        if (error != null) {
            out.append("<div id=\"e-f-").append(id).append("\" class=\"ozg-error-message\"><p>")
                    .append("<span class=\"ozg-visually-hidden\">Fehler:</span> ");
            escape(out, error).append("</p></div>");
        }
        if (checkbox) {
            out.append("<input type=\"hidden\" name=\"").append(path).append("\" value=\"false\" />")
                    .append("<div class=\"ozg-choice\"><input type=\"checkbox\" id=\"f-").append(id)
                    .append("\" class=\"ozg-choice-input\" value=\"true\"");
            if ("true".equals(value)) {
                out.append(" checked=\"\"");
            }
            out.append(" name=\"").append(path).append('"');
            describedBy(out, id, hint, error != null).append(" />");
            label(out, id, label, required);
            out.append("</div></div>");
            return;
        }
        boolean textarea = field.dataType().isText() && field.precision().maxLength().orElse(0) >= TEXTAREA_FROM;
        if (field.dataType() == DataType.FILE || field.dataType() == DataType.OBJ) {
            out.append("<input type=\"file\" id=\"f-").append(id).append("\" name=\"").append(path)
                    .append("\" class=\"ozg-file\"");
        } else if (textarea) {
            out.append("<textarea id=\"f-").append(id).append("\" name=\"").append(path)
                    .append("\" class=\"ozg-textarea\" rows=\"5\"");
        } else {
            out.append("<input type=\"text\" id=\"f-").append(id).append("\" name=\"").append(path)
                    .append("\" class=\"ozg-input\" value=\"");
            escape(out, value).append('"');
        }
        field.precision().maxLength().ifPresent(max -> out.append(" maxlength=\"").append(max).append('"'));
        describedBy(out, id, hint, error != null);
        if (required) {
            out.append(" aria-required=\"true\"");
        }
        if (textarea) {
            escape(out.append('>'), value).append("</textarea></div>");
        } else {
            out.append(" /></div>");
        }
    }

    private static void label(StringBuilder out, String id, String label, boolean required) {
        out.append("<label for=\"f-").append(id).append("\" class=\"ozg-label\">");
        escape(out, label);
        if (required) {
            out.append("<span class=\"ozg-required\"> (Pflichtfeld)</span>");
        }
        out.append("</label>");
    }

    private static StringBuilder describedBy(StringBuilder out, String id, boolean hint, boolean error) {
        if (hint || error) {
            out.append(" aria-describedby=\"");
            if (hint) {
                out.append("h-f-").append(id);
            }
            if (error) {
                out.append(hint ? " e-f-" : "e-f-").append(id);
            }
            out.append('"');
        }
        if (error) {
            out.append(" aria-invalid=\"true\"");
        }
        return out;
    }

    private static String typeHint(DataType type) {
        switch (type) {
            case NUM: case NUM_CURRENCY:
                return "Eine Zahl, zum Beispiel 12,5";
            case NUM_INT:
                return "Eine ganze Zahl, zum Beispiel 12";
            case DATE:
                return "Datum im Format TT.MM.JJJJ";
            case TIME:
                return "Uhrzeit im Format HH:MM";
            default:
                return null;
        }
    }

    /** {@code G1[0].F2} → {@code G1.0.F2}, as the renderer's ids. */
    private static String idOf(String path) {
        return path.replace('[', '.').replace("]", "");
    }

    /**
     * Escapes {@code & < > " '} and replaces characters HTML must not contain (controls, lone surrogates,
     * noncharacters) by U+FFFD, as {@code HtmlWriter} does.
     */
    static StringBuilder escape(StringBuilder out, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7f && c < 0xa0
                            || c == 0xfffe || c == 0xffff || c >= 0xfdd0 && c <= 0xfdef) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }
}
