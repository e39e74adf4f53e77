package de.ozgsdk.bench.forms;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.MessageKind;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.forms.data.FormData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The synthetic 1,000-field form of the benchmarks: 100 groups of 10 fields of every Datentyp with lengths,
 * patterns, ranges, DIN SPEC 91379 text and inline values, and valid data for it (values in canonical form).
 */
public final class SyntheticForm {

    /** The number of groups, each with 10 fields. */
    public static final int GROUPS = 100;

    private SyntheticForm() {
    }

    /** The schema: 100 groups of 10 fields (every tenth group may repeat up to 5 times). */
    public static FormSchema schema() {
        List<ElementRef> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            List<ElementRef> fields = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                fields.add(new ElementRef(field(g * 10 + k, k), k % 3 == 0 ? Multiplicity.OPTIONAL
                        : Multiplicity.EXACTLY_ONE));
            }
            FieldGroup group = FieldGroup.builder(meta(String.format("G%08d", 60000000 + g), "Gruppe " + g))
                    .children(fields).build();
            groups.add(new ElementRef(group, g % 10 == 9 ? Multiplicity.parse("0:5") : Multiplicity.EXACTLY_ONE));
        }
        return FormSchema.builder(meta("S60000000", "Synthetisches Schema"), XdfVersion.XDF3,
                MessageKind.STAMMDATENSCHEMA).children(groups).build();
    }

    private static Field field(int n, int kind) {
        ElementMetadata meta = meta(String.format("F%08d", 60000000 + n), "Feld " + n);
        return switch (kind) {
            case 0 -> Field.builder(meta, FieldKind.INPUT, DataType.TEXT)
                    .precision(Precision.builder().minLength(1).maxLength(60).build()).build();
            case 1 -> Field.builder(meta, FieldKind.INPUT, DataType.TEXT_LATIN)
                    .precision(Precision.builder().maxLength(40).build()).build();
            case 2 -> Field.builder(meta, FieldKind.INPUT, DataType.TEXT)
                    .precision(Precision.builder().pattern("[0-9]{5}").build()).build();
            case 3 -> Field.builder(meta, FieldKind.INPUT, DataType.NUM_INT)
                    .precision(Precision.builder().minValue("0").maxValue("150").build()).build();
            case 4 -> Field.builder(meta, FieldKind.INPUT, DataType.NUM_CURRENCY)
                    .precision(Precision.builder().minValue("0").build()).build();
            case 5 -> Field.builder(meta, FieldKind.INPUT, DataType.BOOL).build();
            case 6 -> Field.builder(meta, FieldKind.INPUT, DataType.DATE)
                    .precision(Precision.builder().minValue("1900-01-01").maxValue("2030-12-31").build()).build();
            case 7 -> Field.builder(meta, FieldKind.SELECT, DataType.TEXT)
                    .values(List.of(new InlineValue("01", "ja", Optional.empty()),
                            new InlineValue("02", "nein", Optional.empty()),
                            new InlineValue("03", "unbekannt", Optional.empty()))).build();
            case 8 -> Field.builder(meta, FieldKind.INPUT, DataType.NUM)
                    .precision(Precision.builder().minValue("0").maxValue("10000").build()).build();
            default -> Field.builder(meta, FieldKind.INPUT, DataType.DATETIME).build();
        };
    }

    private static ElementMetadata meta(String id, String name) {
        return ElementMetadata.builder(FimId.of(id, "1.0.0"), name).build();
    }

    /** Valid data: one instance of every group, every field filled with a typical value of its Datentyp. */
    public static FormData data() {
        String[] values = {"Antragsteller Müller", "Jürgen Łukasz", "50667", "42", "1250.50", "true", "1984-02-29",
            "02", "12.75", "2024-01-31T14:30:00+01:00"};
        FormData.Builder root = FormData.builder();
        for (int g = 0; g < GROUPS; g++) {
            FormData.Builder group = FormData.builder();
            for (int k = 0; k < 10; k++) {
                group.value(String.format("F%08d", 60000000 + g * 10 + k), values[k]);
            }
            root.group(String.format("G%08d", 60000000 + g), group.build());
        }
        return root.build();
    }
}
