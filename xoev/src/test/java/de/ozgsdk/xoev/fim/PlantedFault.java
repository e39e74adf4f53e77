package de.ozgsdk.xoev.fim;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.data.ValueParser;
import de.ozgsdk.forms.validation.CodeValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Plants one fault of a given kind into valid form data, at a random place of the data where the generated XSD states
 * the violated constraint: a value too long, not matching the pattern, out of range, an impossible date or time, one
 * repetition too many, a code not in the list.
 */
final class PlantedFault {

    /**
     * The kinds of planted faults. {@code NONE} leaves the data valid; {@code PADDED} (surrounding white space around
     * a text value) and {@code DECOMPOSED} (a Latin text value in Unicode NFD) are input the validator accepts, as it
     * strips and normalises.
     */
    enum Kind {
        NONE, PADDED, DECOMPOSED, TOO_LONG, PATTERN, OUT_OF_RANGE, IMPOSSIBLE_DATE, TOO_MANY, NOT_IN_CODE_LIST;

        boolean keepsDataValid() {
            return this == NONE || this == PADDED || this == DECOMPOSED;
        }
    }

    /** Data with a planted fault of a kind at a path ({@code G1[0].F2}). */
    record Planted(Kind kind, String path, FormData data) {
    }

    /**
     * Notes that say the XSD does not state a constraint the validator checks (documented in FIMXML.md). Not among
     * them: limits, patterns and code lists that neither understands or has, so that a limit the XSD drops but the
     * validator reads shows up as a disagreement.
     */
    private static final Set<FimXmlError> NOT_STATED = Set.of(FimXmlError.PATTERN_NOT_TRANSLATABLE,
            FimXmlError.PATTERN_ON_TYPED_VALUE, FimXmlError.CODES_ON_TYPED_VALUE, FimXmlError.MULTIPLICITY_CAPPED,
            FimXmlError.LIMITS_CONTRADICT);
    private static final String[] NOT_MATCHING = {"!", "#", "x", "X", "0", "ä", "a b", "1234567890", "-", "Z9"};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final Random random;
    private final CodeValues codes;
    private final Set<String> notStated = new HashSet<>();

    PlantedFault(Random random, CodeValues codes, List<XsdNote> notes) {
        this.random = random;
        this.codes = codes;
        notStated.addAll(notStated(notes));
    }

    /** The ids (without version) of the elements with a constraint the XSD does not state. */
    static Set<String> notStated(List<XsdNote> notes) {
        Set<String> ids = new HashSet<>();
        notes.stream().filter(n -> NOT_STATED.contains(n.code()))
                .forEach(n -> ids.add(n.elementId().replaceFirst("V\\d.*$", "")));
        return ids;
    }

    /** The data with a fault of the kind at a random fitting place, or empty when the data have no such place. */
    Optional<Planted> plant(Kind kind, FormSchema schema, FormData data) {
        List<Site> sites = new ArrayList<>();
        sites(data, schema.children(), "", List.of(), sites);
        Collections.shuffle(sites, random);
        for (Site site : sites) {
            Optional<UnaryOperator<FormData>> fault = fault(kind, site);
            if (fault.isPresent()) {
                return Optional.of(new Planted(kind, site.path(), change(data, site.steps(), site.place().id().id(),
                        fault.get())));
            }
        }
        return Optional.empty();
    }

    // ---- places

    /** A field or group filled in the data, reached through group instances ({@code steps}). */
    private record Site(List<Step> steps, ElementRef place, String path, FormData instance) {
    }

    private record Step(String groupId, int index) {
    }

    private static void sites(FormData instance, List<ElementRef> children, String prefix, List<Step> steps,
                              List<Site> out) {
        Map<String, Integer> places = new HashMap<>();
        children.forEach(c -> places.merge(c.id().id(), 1, Integer::sum));
        for (ElementRef child : children) {
            String id = child.id().id();
            if (places.get(id) > 1 || instance.values(id).isEmpty() && instance.groups(id).isEmpty()) {
                continue; // one declaration for several places: its limits are combined
            }
            out.add(new Site(steps, child, prefix + id, instance));
            if (child.element() instanceof FieldGroup group) {
                List<FormData> instances = instance.groups(id);
                for (int i = 0; i < instances.size(); i++) {
                    List<Step> deeper = new ArrayList<>(steps);
                    deeper.add(new Step(id, i));
                    sites(instances.get(i), group.children(), prefix + id + "[" + i + "].", deeper, out);
                }
            }
        }
    }

    /** The data with the change applied to the instance the steps lead to. */
    private static FormData change(FormData data, List<Step> steps, String id, UnaryOperator<FormData> fault) {
        if (steps.isEmpty()) {
            return fault.apply(data);
        }
        Step step = steps.get(0);
        List<FormData> instances = new ArrayList<>(data.groups(step.groupId()));
        instances.set(step.index(), change(instances.get(step.index()), steps.subList(1, steps.size()), id, fault));
        return data.toBuilder().groups(step.groupId(), instances).build();
    }

    // ---- faults

    private Optional<UnaryOperator<FormData>> fault(Kind kind, Site site) {
        String id = site.place().id().id();
        if (kind == Kind.TOO_MANY) {
            return tooMany(site);
        }
        if (!(site.place().element() instanceof Field field) || field.kind() == FieldKind.LABEL
                || notStated.contains(id)) {
            return Optional.empty();
        }
        boolean coded = !field.values().isEmpty() || field.codeList().isPresent();
        String current = site.instance().values(id).get(0);
        Optional<String> value = switch (kind) {
            case PADDED -> field.dataType().isText() && !current.isBlank() ? Optional.of(" " + current + "\t")
                    : Optional.empty();
            case DECOMPOSED -> field.dataType() == DataType.TEXT_LATIN && !coded
                    && !Normalizer.isNormalized(current, Normalizer.Form.NFD)
                    ? Optional.of(Normalizer.normalize(current, Normalizer.Form.NFD)) : Optional.empty();
            case TOO_LONG -> coded || field.precision().compiledPattern().isPresent() ? Optional.empty()
                    : tooLong(field);
            case PATTERN -> coded ? Optional.empty() : notMatching(field);
            case OUT_OF_RANGE -> coded ? Optional.empty() : outOfRange(field);
            case IMPOSSIBLE_DATE -> coded ? Optional.empty() : impossible(field.dataType());
            case NOT_IN_CODE_LIST -> coded ? notACode(field) : Optional.empty();
            default -> Optional.empty();
        };
        return value.map(v -> instance -> {
            List<String> values = new ArrayList<>(instance.values(id));
            values.set(0, v); // the first value faulty, the others as they were
            return instance.toBuilder().values(id, values).build();
        });
    }

    private static Optional<String> tooLong(Field field) {
        if (!field.dataType().isText() || field.precision().maxLength().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("a".repeat(field.precision().maxLength().getAsInt() + 1));
    }

    private static Optional<String> notMatching(Field field) {
        Optional<Pattern> pattern = field.precision().compiledPattern();
        if (!field.dataType().isText() || pattern.isEmpty()) {
            return Optional.empty();
        }
        Precision p = field.precision();
        for (String candidate : NOT_MATCHING) {
            int length = candidate.codePointCount(0, candidate.length());
            if (!pattern.get().matcher(candidate).matches() && p.minLength().stream().allMatch(n -> length >= n)
                    && p.maxLength().stream().allMatch(n -> length <= n)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> outOfRange(Field field) {
        DataType type = field.dataType();
        Precision p = field.precision();
        boolean above = p.maxValue().isPresent();
        Optional<String> limit = above ? p.maxValue() : p.minValue();
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> parsed = switch (type) {
            case NUM, NUM_INT, NUM_CURRENCY -> ValueParser.decimal(limit.get().strip()).map(Object.class::cast);
            case DATE, TIME, DATETIME -> ValueParser.parse(type, limit.get().strip());
            default -> Optional.empty();
        };
        return parsed.flatMap(l -> beyond(type, l, above));
    }

    /** A value just beyond the limit, in the canonical form of the Datentyp; empty for limits with an offset. */
    private static Optional<String> beyond(DataType type, Object limit, boolean above) {
        int sign = above ? 1 : -1;
        if (limit instanceof BigDecimal d) {
            BigDecimal step = type == DataType.NUM_CURRENCY ? new BigDecimal("0.01") : BigDecimal.ONE;
            BigDecimal value = d.add(step.multiply(BigDecimal.valueOf(sign)));
            if (type == DataType.NUM_INT) {
                value = value.setScale(0, above ? RoundingMode.FLOOR : RoundingMode.CEILING);
            }
            if (type == DataType.NUM_CURRENCY) {
                value = value.setScale(2, above ? RoundingMode.CEILING : RoundingMode.FLOOR);
            }
            return Optional.of(value.toPlainString());
        }
        if (limit instanceof LocalDate d) {
            return Optional.of(d.plusDays(sign).toString());
        }
        if (limit instanceof LocalTime t) {
            LocalTime value = t.plusSeconds(sign);
            return (above ? value.isAfter(t) : value.isBefore(t)) ? Optional.of(value.toString()) : Optional.empty();
        }
        if (limit instanceof LocalDateTime t) {
            return Optional.of(SECONDS.format(t.plusSeconds(sign)));
        }
        return Optional.empty();
    }

    private Optional<String> impossible(DataType type) {
        return switch (type) {
            case DATE -> Optional.of(pick("2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10"));
            case TIME -> Optional.of(pick("25:00:00", "12:60:00", "07:30:61"));
            case DATETIME -> Optional.of(pick("2024-02-30T10:00:00", "2023-02-29T00:00:00", "2024-06-01T24:30:00"));
            default -> Optional.empty();
        };
    }

    private Optional<String> notACode(Field field) {
        Set<String> allowed = new HashSet<>();
        field.values().stream().map(InlineValue::code).forEach(allowed::add);
        field.codeList().flatMap(list -> codes.codes(list, field.codeListColumns())).ifPresent(allowed::addAll);
        if (!field.dataType().isText() || allowed.isEmpty()) {
            return Optional.empty();
        }
        for (String candidate : new String[] {"ZZ9", "999999", "x", "unbekannt"}) {
            int length = candidate.length();
            Precision p = field.precision();
            if (!allowed.contains(candidate) && p.minLength().stream().allMatch(n -> length >= n)
                    && p.maxLength().stream().allMatch(n -> length <= n)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** One value or instance more than the Multiplizität allows (at most 20, so documents stay small). */
    private Optional<UnaryOperator<FormData>> tooMany(Site site) {
        Multiplicity multiplicity = site.place().multiplicity();
        String id = site.place().id().id();
        if (multiplicity.max().isEmpty() || multiplicity.max().getAsInt() > 20 || notStated.contains(id)
                || site.place().element() instanceof Field f && f.kind() == FieldKind.LABEL) {
            return Optional.empty();
        }
        int count = multiplicity.max().getAsInt() + 1;
        if (site.place().element() instanceof FieldGroup) {
            FormData first = site.instance().groups(id).get(0);
            return Optional.of(instance -> instance.toBuilder().groups(id, Collections.nCopies(count, first)).build());
        }
        String first = site.instance().values(id).get(0);
        return Optional.of(instance -> instance.toBuilder().values(id, Collections.nCopies(count, first)).build());
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
