package de.ozgsdk.forms.validation;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.TestSchemas;
import de.ozgsdk.forms.rules.ExecutableRule;
import de.ozgsdk.forms.rules.RuleExpression;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.rules.RuleKind;
import de.ozgsdk.forms.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form whose elements are hidden by {@code visible} rules at every nesting level, and data that fill every hidden
 * place: a field and a group at the top level, in a group and in a group in a group; per instance of a repeated group
 * and of a repeated group inside it (instance 0 shown, instance 1 hidden); and the alternative of an Auswahlgruppe
 * that the switch does not choose. Shared with the xoev tests (test jar of forms).
 *
 * <p>Every value of a hidden place starts with {@link #SECRET}, every other text value with {@link #OPEN}. The hidden
 * fields are too long and the hidden groups lack a required field, so checking them would report violations. With
 * the switch {@code F99000100 = false} the data are valid only if the hidden places are left out.
 */
public final class HiddenDataForm {

    /** Prefix of every value that must not leave the form. */
    public static final String SECRET = "GEHEIM";
    /** Prefix of every visible text value. */
    public static final String OPEN = "OFFEN";

    /** The paths the rules hide in {@link #data(boolean)} (switch {@code F99000100} off). */
    public static final Set<DataPath> HIDDEN = Set.of(
            DataPath.parse("F99000101"), DataPath.parse("G99000102"),
            DataPath.parse("G99000110[0].F99000111"), DataPath.parse("G99000110[0].G99000112"),
            DataPath.parse("G99000110[0].G99000120[0].F99000121"),
            DataPath.parse("G99000110[0].G99000120[0].G99000122"),
            DataPath.parse("G99000110[0].G99000130[0].G99000131"),
            DataPath.parse("G99000140[1].F99000142"), DataPath.parse("G99000140[1].G99000143"),
            DataPath.parse("G99000140[0].G99000150[1].F99000152"),
            DataPath.parse("G99000140[1].G99000150[1].F99000152"));

    /** The visibility rules: {@code targets when condition}, as side file and as program rules. */
    private static final List<String[]> RULES = List.of(
            new String[] {"V-oben", "F99000101 G99000102 F99000111 G99000112 F99000121 G99000122 G99000131",
                "F99000100 == true"},
            new String[] {"V-auswahl", "G99000133", "F99000100 != true"},
            new String[] {"V-wiederholt", "F99000142 G99000143", "F99000141 == true"},
            new String[] {"V-wiederholt-innen", "F99000152", "F99000151 == true"});

    private HiddenDataForm() {
    }

    /** The schema {@code S1}: see the class comment; every group optional, the repeated ones {@code 0:*}. */
    public static FormSchema schema() {
        FieldGroup deepest = TestSchemas.group("G99000120", "Ebene 2", ref(secretField("F99000121"), "0:1"),
                ref(hiddenGroup("G99000122", "F99000123", "F99000125"), "0:1"), ref(open("F99000124"), "0:1"));
        FieldGroup choice = TestSchemas.group("G99000130", "Auswahl",
                ref(TestSchemas.group("G99000131", "Alternative A", ref(open("F99000132"), "1:1")), "1:1"),
                ref(TestSchemas.group("G99000133", "Alternative B", ref(open("F99000134"), "1:1")), "1:1"))
                .toBuilder().choice(true).build();
        FieldGroup level1 = TestSchemas.group("G99000110", "Ebene 1", ref(secretField("F99000111"), "0:1"),
                ref(hiddenGroup("G99000112", "F99000113", "F99000115"), "0:1"), ref(open("F99000114"), "0:1"),
                ref(deepest, "0:1"), ref(choice, "0:1"));
        FieldGroup inner = TestSchemas.group("G99000150", "Wiederholt innen", ref(bool("F99000151"), "1:1"),
                ref(secretField("F99000152"), "0:1"), ref(open("F99000153"), "0:1"));
        FieldGroup repeated = TestSchemas.group("G99000140", "Wiederholt", ref(bool("F99000141"), "1:1"),
                ref(secretField("F99000142"), "0:1"), ref(hiddenGroup("G99000143", "F99000144", "F99000146"), "0:1"),
                ref(open("F99000145"), "0:1"), ref(inner, "0:*"));
        return TestSchemas.schema(ref(bool("F99000100"), "0:1"), ref(secretField("F99000101"), "0:1"),
                ref(hiddenGroup("G99000102", "F99000103", "F99000105"), "0:1"), ref(open("F99000104"), "0:1"),
                ref(level1, "0:1"), ref(repeated, "0:*"));
    }

    /** The visibility rules as a JSON side file ({@code RuleFiles}). */
    public static RuleSet sideFileRules() {
        List<String> rules = new ArrayList<>();
        for (String[] rule : RULES) {
            rules.add("{\"id\": \"%s\", \"kind\": \"visible\", \"targets\": [\"%s\"], \"when\": \"%s\"}"
                    .formatted(rule[0], rule[1].replace(" ", "\", \""), rule[2]));
        }
        String json = "{\"schema\": \"S1\", \"rules\": [" + String.join(", ", rules) + "]}";
        return RuleFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "S1.rules.json");
    }

    /** The same visibility rules built in code ({@link ExecutableRule}). */
    public static RuleSet programRules() {
        List<ExecutableRule> rules = new ArrayList<>();
        for (String[] rule : RULES) {
            rules.add(ExecutableRule.builder(rule[0], RuleKind.VISIBLE, RuleExpression.parse(rule[2]))
                    .targets(List.of(rule[1].split(" "))).build());
        }
        return RuleSet.of("S1", rules);
    }

    /**
     * Data with the switch off: every hidden place filled ({@code withHidden}) or left out (what may be submitted).
     * Instance indices stay where they are, so that both are comparable path by path.
     */
    public static FormData data(boolean withHidden) {
        FormData deepest = level(withHidden, "F99000121", "G99000122", "F99000125", "F99000124");
        FormData.Builder choice = FormData.builder()
                .group("G99000133", FormData.builder().value("F99000134", OPEN + "-F99000134").build());
        if (withHidden) {
            choice.group("G99000131", FormData.builder().value("F99000132", secret("F99000132")).build());
        }
        FormData level1 = level(withHidden, "F99000111", "G99000112", "F99000115", "F99000114").toBuilder()
                .group("G99000120", deepest).group("G99000130", choice.build()).build();
        FormData repeated0 = FormData.builder().value("F99000141", "true")
                .value("F99000142", OPEN + "-F99000142-0")
                .group("G99000143", FormData.builder().value("F99000144", OPEN + "-F99000144").build())
                .value("F99000145", OPEN + "-F99000145-0").groups("G99000150", inner(withHidden, 0)).build();
        FormData repeated1 = level(withHidden, "F99000142", "G99000143", "F99000146", "F99000145").toBuilder()
                .value("F99000141", "false").groups("G99000150", inner(withHidden, 1)).build();
        return level(withHidden, "F99000101", "G99000102", "F99000105", "F99000104").toBuilder()
                .value("F99000100", "false").group("G99000110", level1)
                .groups("G99000140", List.of(repeated0, repeated1)).build();
    }

    /** Every value in a written text (JSON, XML) that starts with {@link #SECRET}: none may be there. */
    public static List<String> secretsIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(SECRET + "[-A-Za-z0-9]*").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Every value of the data, at any depth, that starts with {@link #SECRET}. */
    public static List<String> secretsIn(FormData data) {
        List<String> found = new ArrayList<>();
        for (String id : data.ids()) {
            data.values(id).stream().filter(v -> v.startsWith(SECRET)).forEach(found::add);
            data.groups(id).forEach(instance -> found.addAll(secretsIn(instance)));
        }
        return found;
    }

    /** The visible text values of {@link #data(boolean)}; each must arrive. */
    public static List<String> openValues() {
        return List.of("OFFEN-F99000104", "OFFEN-F99000114", "OFFEN-F99000124", "OFFEN-F99000134",
                "OFFEN-F99000142-0", "OFFEN-F99000144", "OFFEN-F99000145-0", "OFFEN-F99000145", "OFFEN-F99000153-0-0",
                "OFFEN-F99000153-0-1", "OFFEN-F99000153-1-0", "OFFEN-F99000153-1-1", "OFFEN-F99000152-0-0",
                "OFFEN-F99000152-1-0");
    }

    /** A hidden field, a hidden group and a visible field of one level. */
    private static FormData level(boolean withHidden, String secretField, String hiddenGroup,
                                  String secretInGroup, String openField) {
        FormData.Builder b = FormData.builder().value(openField, OPEN + "-" + openField);
        if (withHidden) {
            // the hidden group holds only its optional field: validated, its required field would be missing
            b.value(secretField, secret(secretField)).group(hiddenGroup,
                    FormData.builder().value(secretInGroup, secret(secretInGroup)).build());
        }
        return b.build();
    }

    /** Instance 0 of the inner repeated group shows F99000152, instance 1 hides it. */
    private static List<FormData> inner(boolean withHidden, int outer) {
        FormData shown = FormData.builder().value("F99000151", "true")
                .value("F99000152", OPEN + "-F99000152-" + outer + "-0")
                .value("F99000153", OPEN + "-F99000153-" + outer + "-0").build();
        FormData.Builder hidden = FormData.builder().value("F99000151", "false")
                .value("F99000153", OPEN + "-F99000153-" + outer + "-1");
        if (withHidden) {
            hidden.value("F99000152", secret("F99000152-" + outer));
        }
        return List.of(shown, hidden.build());
    }

    private static Field secretField(String id) {
        return TestSchemas.field(id, "Vertraulich " + id, "Confidential " + id, DataType.TEXT,
                Precision.builder().maxLength(20).build());
    }

    private static Field open(String id) {
        return TestSchemas.field(id, "Angabe " + id, "Entry " + id, DataType.TEXT, Precision.NONE);
    }

    private static Field bool(String id) {
        return TestSchemas.field(id, "Schalter " + id, "Switch " + id, DataType.BOOL, Precision.NONE);
    }

    /** A group with a required field and an optional confidential one. */
    private static FieldGroup hiddenGroup(String id, String requiredField, String secretField) {
        return TestSchemas.group(id, "Vertraulich " + id, ref(open(requiredField), "1:1"),
                ref(secretField(secretField), "0:1"));
    }

    /** A confidential value, longer than its field allows. */
    private static String secret(String place) {
        return SECRET + "-" + place + "-nicht-senden";
    }

    private static ElementRef ref(de.ozgsdk.forms.SchemaElement element, String multiplicity) {
        return TestSchemas.ref(element, multiplicity);
    }
}
