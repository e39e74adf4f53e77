package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.xoev.fim.FimDataViolation;
import de.ozgsdk.xoev.fim.FimXmlError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what the XML Schema validator reports into one violation per cause, named so that a user can act on it.
 *
 * <p>A missing required element shows in the validator only at the next element ("an element is not expected here",
 * {@code cvc-complex-type.2.4.a}) or at the end of its parent ({@code 2.4.b}), and after such an error the validator
 * no longer checks that parent's remaining content. This check counts the elements of every parent in the document,
 * compares them with the occurrences the generated XSD declares ({@link Occurs}) and reports each missing or surplus
 * element by FIM id and label; the validator's own reports about that parent's element structure are dropped. A value
 * the validator refuses for a facet or its type is reported once: the summary that follows ({@code cvc-type.3.1.3})
 * is dropped. Other reports pass unchanged.
 */
public final class StructureCheck {

    /** The validator's rule keys for element structure: wrong, missing, surplus or unknown child elements. */
    private static final Set<String> STRUCTURE_RULES = Set.of("cvc-complex-type.2.4.a", "cvc-complex-type.2.4.b",
            "cvc-complex-type.2.4.c", "cvc-complex-type.2.4.d", "cvc-complex-type.2.4.e");
    /** The summary the validator adds after a value's own facet or type violation. */
    private static final String VALUE_SUMMARY = "cvc-type.3.1.3";

    private final FormSchema schema;
    /** The children of each data path that was written or read, by id, with their number. */
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, String> parents = new HashMap<>();

    public StructureCheck(FormSchema schema) {
        this.schema = schema;
        counts.put("/", new LinkedHashMap<>());
    }

    /** Records an element at {@code path} (e.g. {@code G1[0].F2[0]}) below {@code parentPath} ({@code /} for root). */
    public void element(String parentPath, String path, String id) {
        counts.computeIfAbsent(parentPath, p -> new LinkedHashMap<>()).merge(id, 1, Integer::sum);
        counts.computeIfAbsent(path, p -> new LinkedHashMap<>());
        parents.put(path, parentPath);
    }

    /** Records every element of a tree read from XML (children in {@code namespace} only). */
    public void tree(XmlTree root, String namespace) {
        for (XmlTree child : root.children()) {
            if (namespace.equals(child.namespace())) {
                element(root.path(), child.path(), child.localName());
                tree(child, namespace);
            }
        }
    }

    /** A sink for {@link FormDataWalk} that records the elements as they would be written. */
    public FormDataWalk.Sink recorder() {
        return new FormDataWalk.Sink() {
            private final List<String> open = new ArrayList<>();

            @Override
            public void start(String localName, int index) {
                if (index < 0) {
                    open.add("/");
                    return;
                }
                String parent = open.get(open.size() - 1);
                String path = ("/".equals(parent) ? "" : parent + ".") + localName + "[" + index + "]";
                element(parent, path, localName);
                open.add(path);
            }

            @Override
            public void text(String text) {
                // values do not count
            }

            @Override
            public void end() {
                open.remove(open.size() - 1);
            }
        };
    }

    /**
     * The violations to report for the validator's {@code reported} ones, in their order: structure findings take the
     * place of the first structure report of their parent (with its line and column), remaining findings follow.
     */
    public List<FimDataViolation> refine(List<FimDataViolation> reported) {
        Map<String, List<FimDataViolation>> findings = findings();
        Set<String> placed = new LinkedHashSet<>();
        Set<String> valueCauses = valueCauses(reported);
        List<FimDataViolation> result = new ArrayList<>();
        for (FimDataViolation violation : reported) {
            String rule = rule(violation);
            if (STRUCTURE_RULES.contains(rule)) {
                String parent = "cvc-complex-type.2.4.b".equals(rule) ? violation.path()
                        : parents.getOrDefault(violation.path(), parentOf(violation.path()));
                List<FimDataViolation> causes = findings.get(parent);
                if (causes != null) {
                    if (placed.add(parent)) {
                        causes.forEach(cause -> result.add(at(cause, violation)));
                    }
                    continue;
                }
            } else if (VALUE_SUMMARY.equals(rule) && valueCauses.contains(violation.path())) {
                continue;
            }
            result.add(violation);
        }
        findings.forEach((parent, causes) -> {
            if (placed.add(parent)) {
                result.addAll(causes);
            }
        });
        return result;
    }

    /** The paths at which the validator named a facet or type violation of the value itself. */
    private static Set<String> valueCauses(List<FimDataViolation> reported) {
        return reported.stream()
                .filter(v -> v.code() == FimXmlError.XSD_VIOLATION)
                .filter(v -> !VALUE_SUMMARY.equals(rule(v)) && !STRUCTURE_RULES.contains(rule(v)))
                .map(FimDataViolation::path)
                .collect(Collectors.toSet());
    }

    private static String rule(FimDataViolation violation) {
        return violation.code() == FimXmlError.XSD_VIOLATION && !violation.details().isEmpty()
                ? violation.details().get(0) : "";
    }

    /** The missing and surplus elements of every parent that has some, by parent path in document order. */
    private Map<String, List<FimDataViolation>> findings() {
        Map<String, List<FimDataViolation>> findings = new LinkedHashMap<>();
        counts.forEach((parent, children) -> children(parent).ifPresent(group -> {
            List<FimDataViolation> causes = check(parent, group, children);
            if (!causes.isEmpty()) {
                findings.put(parent, causes);
            }
        }));
        return findings;
    }

    private List<FimDataViolation> check(String parent, Level level, Map<String, Integer> children) {
        String prefix = "/".equals(parent) ? "" : parent + ".";
        Map<String, List<ElementRef>> places = declared(level.children());
        List<FimDataViolation> causes = new ArrayList<>();
        if (level.choice()) {
            long chosen = places.keySet().stream().filter(id -> children.getOrDefault(id, 0) > 0).count();
            if (chosen == 0 && !places.isEmpty()) {
                causes.add(violation(FimXmlError.CHOICE_MISSING, parent, List.of(places.values().stream()
                        .map(refs -> describe(refs.get(0).element())).collect(Collectors.joining(", ")))));
                return causes;
            }
        }
        places.forEach((id, refs) -> {
            int count = children.getOrDefault(id, 0);
            if (level.choice() && count == 0) {
                return;
            }
            Occurs occurs = Occurs.of(refs, level.choice());
            String label = label(refs.get(0).element());
            if (count < occurs.min()) {
                causes.add(violation(FimXmlError.MISSING_ELEMENT, prefix + id + "[" + count + "]",
                        List.of(id, label, Integer.toString(occurs.min()))));
            } else if (occurs.max().isPresent() && count > occurs.max().getAsInt()) {
                int max = occurs.max().getAsInt();
                causes.add(violation(FimXmlError.TOO_MANY_ELEMENTS, prefix + id + "[" + max + "]",
                        List.of(id, label, Integer.toString(count), Integer.toString(max))));
            }
        });
        return causes;
    }

    /** The ids the XSD declares at a level, in schema order, with their places (label fields have none). */
    private static Map<String, List<ElementRef>> declared(List<ElementRef> children) {
        Map<String, List<ElementRef>> places = new LinkedHashMap<>();
        for (ElementRef child : children) {
            if (!(child.element() instanceof Field f && f.kind() == FieldKind.LABEL)) {
                places.computeIfAbsent(child.id().id(), k -> new ArrayList<>()).add(child);
            }
        }
        return places;
    }

    /** The children a data path's element has in the schema: the top level for {@code /}, else its group's. */
    private Optional<Level> children(String path) {
        Level level = new Level(schema.children(), false);
        if ("/".equals(path)) {
            return Optional.of(level);
        }
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            String id = bracket < 0 ? segment : segment.substring(0, bracket);
            Optional<FieldGroup> group = level.children().stream().map(ElementRef::element)
                    .filter(e -> e instanceof FieldGroup && e.id().id().equals(id)).map(FieldGroup.class::cast)
                    .findFirst();
            if (group.isEmpty()) {
                return Optional.empty();
            }
            level = new Level(group.get().children(), group.get().isChoice());
        }
        return Optional.of(level);
    }

    private record Level(List<ElementRef> children, boolean choice) {
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "/" : path.substring(0, dot);
    }

    private static String label(SchemaElement element) {
        return element.label().get(Locale.GERMAN);
    }

    private static String describe(SchemaElement element) {
        return element.id().id() + " \"" + label(element) + "\"";
    }

    private static FimDataViolation violation(FimXmlError code, String path, List<String> details) {
        return new FimDataViolation(code, path, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), details);
    }

    /** A finding placed where the validator noticed it. */
    private static FimDataViolation at(FimDataViolation finding, FimDataViolation noticed) {
        return new FimDataViolation(finding.code(), finding.path(), noticed.line(), noticed.column(),
                Optional.empty(), finding.details());
    }
}
