package de.ozgsdk.forms.render;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a form is split into steps (pages): each step holds some of the schema's top-level elements, every top-level
 * element is in exactly one step.
 *
 * <p>{@link #byTopLevelGroups(FormSchema)} is the default: the top-level fields (if any) form the first step, titled
 * with the form's label, and each top-level Datenfeldgruppe is one step titled with its label. A service author who
 * wants another split builds a plan:
 *
 * <pre>{@code
 * StepPlan plan = StepPlan.builder(schema)
 *         .step(LocalizedText.builder("Antragsteller").put(Locale.ENGLISH, "Applicant").build(),
 *               "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "F05001344", "G05000496")
 *         .step(LocalizedText.of("Antrag"), "G05000493")
 *         .step(LocalizedText.of("Fahrzeug"), "G05000477", "G05000499")
 *         .build();                                               // each top-level element in exactly one step
 * }</pre>
 */
public final class StepPlan {

    /**
     * One step.
     *
     * @param title    the step's title (legend of its fieldset, entry in the progress list)
     * @param elements the top-level places shown in this step, in schema order
     */
    public record Step(LocalizedText title, List<ElementRef> elements) {
        public Step {
            Objects.requireNonNull(title, "title");
            elements = List.copyOf(elements);
        }
    }

    private final List<Step> steps;
    private final Map<String, Integer> stepByElement;

    private StepPlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
        Map<String, Integer> byElement = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (ElementRef ref : steps.get(i).elements()) {
                byElement.putIfAbsent(ref.id().id(), i);
            }
        }
        this.stepByElement = Map.copyOf(byElement);
    }

    /**
     * The default plan: top-level fields in a first step (titled with the form's label), then one step per top-level
     * group (titled with the group's label).
     *
     * @throws InvalidInputException ({@link RenderError#SCHEMA_WITHOUT_FIELDS}) for a schema without any field
     */
    public static StepPlan byTopLevelGroups(FormSchema schema) {
        requireFields(schema);
        List<ElementRef> fields = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (ElementRef child : schema.children()) {
            if (child.element() instanceof FieldGroup group) {
                steps.add(new Step(group.label(), List.of(child)));
            } else {
                fields.add(child);
            }
        }
        if (!fields.isEmpty()) {
            steps.add(0, new Step(schema.metadata().label(), fields));
        }
        return new StepPlan(steps);
    }

    /** A schema without fields has nothing to render, whatever the plan: say so rather than blame the plan. */
    private static void requireFields(FormSchema schema) {
        if (schema.fields().isEmpty()) {
            throw new InvalidInputException(RenderError.SCHEMA_WITHOUT_FIELDS, schema.id());
        }
    }

    /** Starts an explicit plan for this schema. */
    public static Builder builder(FormSchema schema) {
        return new Builder(Objects.requireNonNull(schema, "schema"));
    }

    /** The steps in order; never empty. */
    public List<Step> steps() {
        return steps;
    }

    /** The number of steps. */
    public int size() {
        return steps.size();
    }

    /**
     * The step with this 0-based index.
     *
     * @throws InvalidInputException ({@link RenderError#STEP_OUT_OF_RANGE}) outside {@code 0 .. size() - 1}
     */
    public Step step(int index) {
        if (index < 0 || index >= steps.size()) {
            throw new InvalidInputException(RenderError.STEP_OUT_OF_RANGE, index, steps.size(), steps.size() - 1);
        }
        return steps.get(index);
    }

    /** The index of the step holding the top-level element with this id. */
    public OptionalInt stepOf(String topLevelElementId) {
        Integer index = stepByElement.get(topLevelElementId);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** Builds an explicit {@link StepPlan}; {@link #build()} checks that each top-level element is in one step. */
    public static final class Builder {
        private final FormSchema schema;
        private final Map<String, ElementRef> topLevel = new LinkedHashMap<>();
        private final List<LocalizedText> titles = new ArrayList<>();
        private final List<List<String>> ids = new ArrayList<>();

        private Builder(FormSchema schema) {
            this.schema = schema;
            schema.children().forEach(ref -> topLevel.putIfAbsent(ref.id().id(), ref));
        }

        /** Adds a step with these top-level element ids (shown in schema order, whatever order is given here). */
        public Builder step(LocalizedText title, String... elementIds) {
            Objects.requireNonNull(title, "title");
            int number = titles.size() + 1;
            if (elementIds.length == 0) {
                throw new InvalidInputException(RenderError.STEP_EMPTY, number);
            }
            for (String id : elementIds) {
                if (!topLevel.containsKey(id)) {
                    throw new InvalidInputException(RenderError.STEP_ELEMENT_UNKNOWN, number, id, schema.id().id());
                }
            }
            titles.add(title);
            ids.add(List.of(elementIds));
            return this;
        }

        /**
         * The plan.
         *
         * @throws InvalidInputException ({@link RenderError}) when the schema has no field, there is no step, an
         *                               element is in no step or in two
         */
        public StepPlan build() {
            requireFields(schema);
            if (titles.isEmpty()) {
                throw new InvalidInputException(RenderError.STEP_EMPTY, 1);
            }
            Map<String, Integer> stepOf = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                for (String id : ids.get(i)) {
                    Integer before = stepOf.putIfAbsent(id, i);
                    if (before != null) {
                        throw new InvalidInputException(RenderError.STEP_ELEMENT_TWICE, id, before + 1, i + 1);
                    }
                }
            }
            for (String id : topLevel.keySet()) {
                if (!stepOf.containsKey(id)) {
                    throw new InvalidInputException(RenderError.STEP_ELEMENT_MISSING, id);
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < titles.size(); i++) {
                int step = i;
                steps.add(new Step(titles.get(i), schema.children().stream()
                        .filter(ref -> stepOf.get(ref.id().id()) == step).toList()));
            }
            return new StepPlan(steps);
        }
    }
}
