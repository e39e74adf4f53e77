package de.ozgsdk.forms.jsonschema;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates form data for a schema from a seeded {@link Random}: mostly valid values near the limits, and with a given
 * rate a fault (a wrong type, a value out of range, too long, not Latin, not a code, a missing or extra repetition,
 * a second alternative of an Auswahlgruppe), plus blank values and empty instances that count as absent.
 *
 * <p>It never produces what the export documents as not stated (see {@link JsonSchemaExporter}): surrounding white
 * space, text not in NFC, several values for a field or group that does not repeat, currency amounts with more than
 * two decimals that are all zeros or with a plus sign. Fields whose constraint the export could not state (the
 * {@code skipped} ids, from {@link ExportNote}s) stay empty. Shared with the XSD differential test of xoev.
 */
public final class DataGenerator {

    private static final String LATIN = "abcdefghijklmnopqrstuvwxyzÄÖÜäöüßéèçñøåŁłŠšŽžĞğ' -.ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String[] NOT_LATIN = {"Ω", "Ж", "中", "😀", "\u0301"};
    private static final String[] ANY_TEXT = {"Ω", "😀", "ä", "€", "\"", "\\", "</b>", "{x}"};
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final DateTimeFormatter GERMAN_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private final Random random;
    private final double faultRate;
    private final CodeValues codeValues;
    private final Set<String> skipped;

    public DataGenerator(Random random, double faultRate, CodeValues codeValues, Set<String> skipped) {
        this.random = random;
        this.faultRate = faultRate;
        this.codeValues = codeValues;
        this.skipped = skipped;
    }

    public FormData instance(List<ElementRef> children, boolean choice) {
        FormData.Builder data = FormData.builder();
        if (choice) {
            List<ElementRef> chosen = new ArrayList<>();
            if (!children.isEmpty()) {
                chosen.add(children.get(random.nextInt(children.size())));
            }
            if (fault() && !chosen.isEmpty()) {
                if (random.nextBoolean()) {
                    chosen.clear();
                } else {
                    chosen.add(children.get(random.nextInt(children.size())));
                }
            }
            for (ElementRef child : chosen) {
                element(data, child, true);
            }
            return data.build();
        }
        for (ElementRef child : children) {
            element(data, child, false);
        }
        return data.build();
    }

    private void element(FormData.Builder data, ElementRef ref, boolean mustFill) {
        String id = ref.id().id();
        if (skipped.contains(id) || ref.element() instanceof FieldGroup g && skipped.contains(g.id().id())) {
            return;
        }
        if (ref.element() instanceof Field field && field.kind() == FieldKind.LABEL) {
            if (random.nextInt(10) == 0) {
                data.value(id, fault() ? "Text" : "");
            }
            return;
        }
        int count = count(ref.multiplicity(), mustFill);
        if (count == 0) {
            return;
        }
        if (ref.element() instanceof Field field) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(value(field, fault()));
            }
            if (ref.multiplicity().isRepeatable() && random.nextInt(8) == 0) {
                values.add(random.nextInt(values.size() + 1), random.nextBoolean() ? "" : " ");
            } else if (!ref.multiplicity().isRepeatable() && !ref.multiplicity().isRequired()
                    && random.nextInt(15) == 0) {
                values.set(0, "");
            }
            data.values(id, values);
        } else if (ref.element() instanceof FieldGroup group) {
            List<FormData> instances = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                instances.add(instance(group.children(), group.isChoice()));
            }
            if (ref.multiplicity().isRepeatable() && random.nextInt(6) == 0) {
                instances.add(random.nextInt(instances.size() + 1), FormData.empty());
            } else if (!ref.multiplicity().isRepeatable() && random.nextInt(12) == 0) {
                instances.set(0, FormData.empty());
            }
            data.groups(id, instances);
        }
    }

    private int count(Multiplicity multiplicity, boolean mustFill) {
        int min = multiplicity.min();
        int max = multiplicity.max().orElse(min + 3);
        if (fault()) {
            if (min > 0 && random.nextBoolean()) {
                return min - 1;
            }
            if (multiplicity.isRepeatable() && multiplicity.max().isPresent()) {
                return max + 1;
            }
        }
        if (min == 0 && !mustFill && random.nextInt(3) == 0) {
            return 0;
        }
        int from = Math.max(min, 1);
        int to = Math.min(max, from + 2);
        return from + random.nextInt(Math.max(1, to - from + 1));
    }

    private boolean fault() {
        return random.nextDouble() < faultRate;
    }

    // ---- values

    String value(Field field, boolean invalid) {
        Optional<List<String>> codes = codes(field);
        if (codes.isPresent() && !codes.get().isEmpty()) {
            return invalid ? "ZZ9" : codes.get().get(random.nextInt(codes.get().size()));
        }
        Precision p = field.precision();
        return switch (field.dataType()) {
            case TEXT, TEXT_LATIN, FILE, OBJ -> text(field, invalid);
            case NUM -> number(p, invalid, 3, "1000");
            case NUM_CURRENCY -> number(p, invalid, 2, "100000");
            case NUM_INT -> number(p, invalid, 0, "1000");
            case BOOL -> invalid ? pick("ja", "1", "wahr") : pick("true", "false", "TRUE", "False");
            case DATE -> date(p, invalid);
            case TIME -> time(p, invalid);
            case DATETIME -> dateTime(p, invalid);
        };
    }

    private Optional<List<String>> codes(Field field) {
        if (!field.values().isEmpty()) {
            return Optional.of(field.values().stream().map(InlineValue::code).toList());
        }
        return field.codeList().flatMap(ref -> codeValues.codes(ref, field.codeListColumns()))
                .map(set -> set.stream().sorted().toList());
    }

    /** Text in NFC, as the export states the DIN SPEC 91379 characters of the text as written. */
    private String text(Field field, boolean invalid) {
        return Normalizer.normalize(anyText(field, invalid), Normalizer.Form.NFC);
    }

    private String anyText(Field field, boolean invalid) {
        Precision p = field.precision();
        boolean latin = field.dataType() == DataType.TEXT_LATIN;
        int min = p.minLength().orElse(1);
        int max = Math.max(min, Math.min(p.maxLength().orElse(min + 12), min + 12));
        Optional<Pattern> pattern = p.compiledPattern();
        if (invalid) {
            int kind = random.nextInt(4);
            if (kind == 0 && p.maxLength().isPresent()) {
                return letters(p.maxLength().getAsInt() + 1 + random.nextInt(3), latin);
            }
            if (kind == 1 && min > 1) {
                return letters(min - 1, latin);
            }
            if (kind == 2 && latin) {
                return letters(Math.max(1, min - 1), true) + NOT_LATIN[random.nextInt(NOT_LATIN.length)];
            }
            if (pattern.isPresent()) {
                return "x!" + letters(min, latin);
            }
        }
        if (pattern.isPresent()) {
            for (int attempt = 0; attempt < 40; attempt++) {
                String candidate = candidate(attempt, min, max);
                if (pattern.get().matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        int length = min + random.nextInt(max - min + 1);
        String text = letters(length, latin);
        if (!latin && length > 1 && random.nextInt(4) == 0) {
            // a non-BMP or special character: lengths count code points
            String special = ANY_TEXT[random.nextInt(ANY_TEXT.length)];
            text = text.substring(0, text.offsetByCodePoints(0, length - 1)) + special;
        }
        return text;
    }

    private String candidate(int attempt, int min, int max) {
        int length = attempt < 20 ? 1 + attempt % 10 : min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        String alphabet = switch (attempt % 4) {
            case 0, 1 -> "0123456789";
            case 2 -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            default -> "abcdefghijklmnopqrstuvwxyz0123456789";
        };
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private String letters(int length, boolean latin) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = LATIN.charAt(random.nextInt(LATIN.length()));
            if ((i == 0 || i == length - 1) && c == ' ') {
                c = 'x'; // no surrounding white space: the export states lengths as written
            }
            s.append(c);
        }
        return s.toString();
    }

    private String number(Precision p, boolean invalid, int scale, String span) {
        BigDecimal min = p.minValue().flatMap(v -> ValueParser.decimal(v.strip())).orElse(new BigDecimal(span)
                .negate());
        BigDecimal max = p.maxValue().flatMap(v -> ValueParser.decimal(v.strip())).orElse(new BigDecimal(span));
        if (invalid) {
            int kind = random.nextInt(4);
            if (kind == 0 && p.minValue().isPresent()) {
                return min.subtract(BigDecimal.ONE).toPlainString();
            }
            if (kind == 1 && p.maxValue().isPresent()) {
                return max.add(new BigDecimal("0.01")).setScale(Math.max(scale, 2), RoundingMode.UNNECESSARY)
                        .toPlainString();
            }
            if (kind == 2 && scale < 3) {
                return max.min(BigDecimal.TEN).setScale(scale + 1, RoundingMode.DOWN)
                        .add(BigDecimal.ONE.movePointLeft(scale + 1)).toPlainString();
            }
            return pick("abc", "1.2.3", "12 €", "1e3", "");
        }
        BigDecimal range = max.subtract(min);
        BigDecimal value = min.add(range.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(random.nextInt(scale + 1), RoundingMode.DOWN);
        if (value.compareTo(min) < 0) {
            value = min;
        }
        String text = value.toPlainString();
        return random.nextBoolean() ? text.replace('.', ',') : text;
    }

    private String date(Precision p, boolean invalid) {
        LocalDate min = p.minValue().flatMap(ValueParser::date).orElse(LocalDate.of(1950, 1, 1));
        LocalDate max = p.maxValue().flatMap(ValueParser::date).orElse(LocalDate.of(2030, 12, 31));
        if (invalid) {
            return switch (random.nextInt(4)) {
                case 0 -> p.minValue().isPresent() ? min.minusDays(1).toString() : "31.02.2024";
                case 1 -> p.maxValue().isPresent() ? max.plusDays(1).format(GERMAN_DATE) : "2023-02-29";
                case 2 -> "2024-13-01";
                default -> pick("gestern", "2024-1-5", "1.1.24");
            };
        }
        LocalDate day = random.nextInt(8) == 0 ? LocalDate.of(2024, 2, 29)
                : min.plusDays((long) (random.nextDouble() * ChronoUnit.DAYS.between(min, max)));
        if (day.isBefore(min) || day.isAfter(max)) {
            day = min;
        }
        return random.nextBoolean() ? day.toString() : day.format(GERMAN_DATE);
    }

    private String time(Precision p, boolean invalid) {
        LocalTime min = p.minValue().flatMap(ValueParser::time).orElse(LocalTime.MIN);
        LocalTime max = p.maxValue().flatMap(ValueParser::time).orElse(LocalTime.of(23, 59, 59));
        if (invalid) {
            return switch (random.nextInt(3)) {
                case 0 -> p.minValue().isPresent() ? min.minusSeconds(1).toString() : "24:00";
                case 1 -> p.maxValue().isPresent() ? max.plusSeconds(1).toString() : "12:60";
                default -> pick("12.30", "9:15", "mittags");
            };
        }
        LocalTime time = min.plusSeconds((long) (random.nextDouble() * ChronoUnit.SECONDS.between(min, max)));
        if (random.nextBoolean()) {
            time = time.truncatedTo(ChronoUnit.MINUTES);
            time = time.isBefore(min) ? min : time;
        }
        String text = time.toString();
        return time.getSecond() == 0 && random.nextBoolean() ? text + ":00" : text;
    }

    private String dateTime(Precision p, boolean invalid) {
        LocalDateTime min = p.minValue().flatMap(ValueParser::dateTime).map(DataGenerator::local)
                .orElse(LocalDateTime.of(1990, 1, 1, 0, 0));
        LocalDateTime max = p.maxValue().flatMap(ValueParser::dateTime).map(DataGenerator::local)
                .orElse(LocalDateTime.of(2030, 12, 31, 23, 59));
        if (invalid) {
            return switch (random.nextInt(3)) {
                case 0 -> p.minValue().isPresent() ? min.minusSeconds(1) + "+01:00" : "2024-01-31T25:00";
                case 1 -> p.maxValue().isPresent() ? max.plusMinutes(1) + "Z" : "2024-02-30T10:00";
                default -> pick("2024-01-31 14:30", "morgen", "2024-01-31T14:30+1");
            };
        }
        LocalDateTime at = min.plusSeconds((long) (random.nextDouble() * ChronoUnit.SECONDS.between(min, max)));
        return switch (random.nextInt(4)) {
            case 0 -> at.toString();
            case 1 -> at + "Z";
            case 2 -> at + pick("+01:00", "-05:30", "+14:00");
            default -> {
                LocalDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
                yield (minute.isBefore(min) ? at : minute).format(minute.isBefore(min)
                        ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : GERMAN_DATE_TIME);
            }
        };
    }

    private static LocalDateTime local(Object value) {
        return value instanceof OffsetDateTime o ? o.toLocalDateTime() : (LocalDateTime) value;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
