package de.ozgsdk.xoev.fim;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.data.ValueParser;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.xoev.internal.fim.JavaRegex;
import de.ozgsdk.xoev.internal.fim.LexicalValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Generates form data that are valid for a schema, in canonical form (ISO dates, point decimals): Multiplizität,
 * Datentyp, Präzisierung (lengths, ranges, patterns), inline values and known code lists, one alternative per
 * Auswahlgruppe.
 */
final class ValidData {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ";
    private static final String[] FALLBACKS = {"abc", "Abc", "ABC", "a", "12345", "1", "a@b.de", "DE12345678901234567890",
        "Text", "x1", "01.01.2024"};

    private final Random random;
    private final CodeValues codes;

    ValidData(Random random, CodeValues codes) {
        this.random = random;
        this.codes = codes;
    }

    FormData instance(List<ElementRef> children, boolean choice) {
        FormData.Builder data = FormData.builder();
        List<ElementRef> places = new ArrayList<>();
        for (ElementRef child : children) {
            if (places.stream().noneMatch(p -> p.id().id().equals(child.id().id()))
                    && !(child.element() instanceof Field f && f.kind() == FieldKind.LABEL)) {
                places.add(child);
            }
        }
        if (choice && !places.isEmpty()) {
            ElementRef chosen = places.get(random.nextInt(places.size()));
            fill(data, chosen, Math.max(1, chosen.multiplicity().min()));
            return data.build();
        }
        for (ElementRef place : places) {
            int min = children.stream().filter(c -> c.id().id().equals(place.id().id()))
                    .mapToInt(c -> c.multiplicity().min()).max().orElse(0);
            int max = place.multiplicity().max().orElse(min + 2);
            int count = min + random.nextInt(Math.max(1, Math.min(max, min + 2) - min + 1));
            fill(data, place, count);
        }
        // a filled instance needs one value: a blank one counts as absent, also for a required group
        for (int i = 0; i < places.size() && data.build().isBlank(); i++) {
            if (places.get(i).multiplicity().max().orElse(2) > 0) {
                data.remove(places.get(i).id().id());
                fill(data, places.get(i), 1);
            }
        }
        return data.build();
    }

    private void fill(FormData.Builder data, ElementRef place, int count) {
        for (int i = 0; i < count; i++) {
            if (place.element() instanceof FieldGroup group) {
                FormData instance = instance(group.children(), group.isChoice());
                if (instance.isBlank()) {
                    return; // a group without data fields cannot hold an instance in XML
                }
                data.group(place.id().id(), instance);
            } else {
                value((Field) place.element()).ifPresent(v -> data.addValue(place.id().id(), v));
            }
        }
    }

    Optional<String> value(Field field) {
        List<String> allowed = allowed(field);
        if (!allowed.isEmpty()) {
            return Optional.of(canonical(field.dataType(), allowed.get(random.nextInt(allowed.size()))));
        }
        Precision p = field.precision();
        return switch (field.dataType()) {
            case TEXT, TEXT_LATIN, FILE, OBJ -> text(field);
            case NUM, NUM_CURRENCY, NUM_INT -> Optional.of(number(field));
            case BOOL -> Optional.of(random.nextBoolean() ? "true" : "false");
            case DATE -> Optional.of(p.minValue().flatMap(LexicalValues::date)
                    .or(() -> p.maxValue().flatMap(LexicalValues::date)).orElse(LocalDate.of(2024, 1, 31))
                    .plusDays(p.maxValue().isPresent() ? 0 : random.nextInt(30)).toString());
            case TIME -> Optional.of(p.minValue().flatMap(LexicalValues::time).orElse(LocalTime.of(14, 30))
                    .toString());
            case DATETIME -> Optional.of(p.minValue().or(p::maxValue).flatMap(t -> ValueParser.dateTime(t.strip()))
                    .filter(LocalDateTime.class::isInstance).map(Object::toString)
                    .orElse("2024-01-31T14:30" + (random.nextBoolean() ? ":15" : "")));
        };
    }

    private List<String> allowed(Field field) {
        List<String> list = new ArrayList<>();
        if (!field.values().isEmpty()) {
            field.values().stream().map(InlineValue::code).forEach(list::add);
        } else if (field.codeList().isPresent()) {
            codes.codes(field.codeList().get(), field.codeListColumns()).map(TreeSet::new).ifPresent(list::addAll);
        }
        Optional<Pattern> pattern = field.precision().compiledPattern();
        return list.stream().filter(c -> fits(field, c)).filter(c -> !c.isBlank() && c.equals(c.strip()))
                .filter(c -> pattern.isEmpty() || pattern.get().matcher(c).matches()).toList();
    }

    private static String canonical(DataType type, String code) {
        return switch (type) {
            case NUM, NUM_CURRENCY -> LexicalValues.decimal(code).map(BigDecimal::toPlainString).orElse(code);
            case NUM_INT -> LexicalValues.decimal(code).map(d -> d.toBigInteger().toString()).orElse(code);
            case BOOL -> code.strip().toLowerCase();
            case DATE -> LexicalValues.date(code).map(LocalDate::toString).orElse(code);
            case TIME -> LexicalValues.time(code).map(LocalTime::toString).orElse(code);
            default -> code;
        };
    }

    private Optional<String> text(Field field) {
        Optional<Pattern> pattern = field.precision().compiledPattern();
        if (pattern.isPresent()) {
            JavaRegex.Translation translation = JavaRegex.translate(pattern.get().pattern());
            for (int attempt = 0; attempt < 50 && translation.tree().isPresent(); attempt++) {
                StringBuilder s = new StringBuilder();
                generate(translation.tree().get(), s);
                String candidate = s.toString();
                if (fits(field, candidate) && pattern.get().matcher(candidate).matches()
                        && !candidate.isBlank() && candidate.equals(candidate.strip())) {
                    return Optional.of(candidate);
                }
            }
            for (String fallback : FALLBACKS) {
                if (fits(field, fallback) && pattern.get().matcher(fallback).matches()) {
                    return Optional.of(fallback);
                }
            }
            return Optional.empty();
        }
        int min = Math.max(1, field.precision().minLength().orElse(1));
        int max = Math.max(min, Math.min(field.precision().maxLength().orElse(min + 12), min + 12));
        int length = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return Optional.of(s.toString());
    }

    private static boolean fits(Field field, String text) {
        if (!field.dataType().isText()) {
            return true;
        }
        int length = text.codePointCount(0, text.length());
        return field.precision().minLength().stream().allMatch(n -> length >= n)
                && field.precision().maxLength().stream().allMatch(n -> length <= n);
    }

    private String number(Field field) {
        BigDecimal min = field.precision().minValue().flatMap(LexicalValues::decimal).orElse(BigDecimal.ZERO);
        BigDecimal max = field.precision().maxValue().flatMap(LexicalValues::decimal).orElse(min.add(BigDecimal
                .valueOf(1000)));
        if (field.dataType() == DataType.NUM_INT) {
            BigInteger low = min.setScale(0, RoundingMode.CEILING).toBigInteger();
            BigInteger high = max.setScale(0, RoundingMode.FLOOR).toBigInteger();
            long span = Math.max(0, Math.min(1000, high.subtract(low).longValue()));
            return low.add(BigInteger.valueOf(span == 0 ? 0 : random.nextInt((int) span + 1))).toString();
        }
        int scale = field.dataType() == DataType.NUM_CURRENCY ? 2 : random.nextInt(3);
        BigDecimal fraction = BigDecimal.valueOf(random.nextInt(1001)).divide(BigDecimal.valueOf(1000));
        BigDecimal value = min.add(max.subtract(min).multiply(fraction)).setScale(scale, RoundingMode.DOWN);
        if (value.compareTo(min) < 0) {
            value = min;
        }
        return value.toPlainString();
    }

    private void generate(JavaRegex.Node node, StringBuilder out) {
        if (node instanceof JavaRegex.Alternatives a) {
            generate(a.options().get(random.nextInt(a.options().size())), out);
        } else if (node instanceof JavaRegex.Sequence s) {
            s.items().forEach(item -> generate(item, out));
        } else if (node instanceof JavaRegex.Group g) {
            generate(g.inner(), out);
        } else if (node instanceof JavaRegex.Repeat r) {
            int max = r.max() < 0 ? r.min() + 3 : Math.min(r.max(), r.min() + 3);
            int n = r.min() + random.nextInt(max - r.min() + 1);
            for (int i = 0; i < n; i++) {
                generate(r.inner(), out);
            }
        } else if (node instanceof JavaRegex.CharSet c) {
            out.appendCodePoint(pick(c));
        }
    }

    private int pick(JavaRegex.CharSet set) {
        if (!set.negated() && !set.ranges().isEmpty() && random.nextBoolean()) {
            int[] range = set.ranges().get(random.nextInt(set.ranges().size()));
            int c = range[0] + random.nextInt(Math.min(range[1] - range[0], 25) + 1);
            if (set.contains(c)) {
                return c;
            }
        }
        String alphabet = LETTERS + "0123456789 -.,@";
        for (int attempt = 0; attempt < 200; attempt++) {
            int c = alphabet.charAt(random.nextInt(alphabet.length()));
            if (set.contains(c)) {
                return c;
            }
        }
        return set.ranges().isEmpty() ? 'a' : set.ranges().get(0)[0];
    }

    static Set<String> ids(FormData data) {
        return data.ids();
    }
}
