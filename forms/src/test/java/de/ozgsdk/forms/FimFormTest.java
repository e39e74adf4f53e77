package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.BindResult;
import de.ozgsdk.forms.data.DataError;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.jsonschema.DataGenerator;
import de.ozgsdk.forms.jsonschema.JsonSchemaExport;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.forms.validation.ViolationCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FimForm} on the real Bewohnerparkausweis schema of {@code shared/fixtures/fim} (read in place) with its real
 * code lists: one object that imports, binds, validates with the FIM rules and code lists, and gives the data to
 * submit.
 */
class FimFormTest {

    private static final String SCHEMA = "xdf2/S05000058V1.0_xdf2.xml";
    /** Vehicle group; its F05001047 says whether the vehicle is registered to another holder ("02"). */
    private static final String VEHICLE = "G05000477";
    private static final String HOLDER_ANSWER = "F05001047";
    /** Holder group, required by FIM rule R05000281 when the answer is "02". */
    private static final String HOLDER = "G05000499";

    private static CodeListRegistry codeLists;
    private static FimForm form;

    @TempDir
    Path directory;

    @BeforeAll
    static void loadForm() {
        codeLists = CodeListRegistry.builder().addDirectory(SharedFixtures.requireFim().resolve("codelists")).build();
        form = FimForm.load(SharedFixtures.requireFimFile(SCHEMA), codeLists);
    }

    @Test
    void loadsARealSchemaStrictlyWithItsCodeListsWiredIn() {
        assertThat(form.schema().id().id()).isEqualTo("S05000058");
        assertThat(form.isLenient()).isFalse();
        assertThat(form.codeLists()).contains(codeLists);
        Field answer = form.schema().field(HOLDER_ANSWER).orElseThrow();
        assertThat(form.codeValues().codes(answer.codeList().orElseThrow(), answer.codeListColumns()))
                .hasValueSatisfying(codes -> assertThat(codes).contains("01", "02"));
    }

    @Test
    void refusesAStrictImportWhenAReferencedCodeListIsMissing() {
        CodeListRegistry none = CodeListRegistry.builder().build();

        assertThatThrownBy(() -> FimForm.load(SharedFixtures.requireFimFile(SCHEMA), none))
                .isInstanceOfSatisfying(FimImportException.class,
                        e -> assertThat(e.code()).isEqualTo(FimError.CODE_LIST_MISSING));
        assertThat(FimForm.builder().codeLists(none).lenient(true).load(SharedFixtures.requireFimFile(SCHEMA))
                .schema().warnings()).extracting(w -> w.code()).contains(FimError.CODE_LIST_MISSING);
    }

    @Test
    void readsTheCodeListsOfADirectory() {
        FimForm fromDirectory = FimForm.builder().codeLists(SharedFixtures.requireFim().resolve("codelists"))
                .load(SharedFixtures.requireFimFile(SCHEMA));

        assertThat(fromDirectory.validate(vehicle("99")).violations()).extracting(Violation::code)
                .contains(ViolationCode.NOT_IN_CODE_LIST);
    }

    @Test
    void importsWithTheGivenImportersSettingsAndStillChecksTheCodeLists() {
        CodeListRegistry none = CodeListRegistry.builder().build();
        Path file = SharedFixtures.requireFimFile(SCHEMA);

        FimForm lenient = FimForm.builder().importer(FimImporter.builder().lenient(true).build()).codeLists(none)
                .load(file);

        assertThat(lenient.isLenient()).isTrue();
        assertThat(lenient.schema().warnings()).extracting(w -> w.code()).contains(FimError.CODE_LIST_MISSING);
        assertThatThrownBy(() -> FimForm.builder().importer(FimImporter.builder().maxElements(3).build()).load(file))
                .isInstanceOfSatisfying(FimImportException.class,
                        e -> assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED));
    }

    @Test
    void appliesTheFimRulesOfTheSchemaByDefault() {
        ValidationResult otherHolder = form.validate(vehicle("02"));

        assertThat(otherHolder.requiredByRule()).contains(DataPath.of(HOLDER));
        assertThat(otherHolder.violations()).filteredOn(v -> v.path().toString().startsWith(HOLDER + "[0]"))
                .isNotEmpty().allSatisfy(v -> assertThat(v.code()).isEqualTo(ViolationCode.REQUIRED));
        assertThat(form.validator().rules().rules()).extracting(r -> r.origin().location()).contains("R05000281");
    }

    @Test
    void appliesNoFimRuleWhenSwitchedOff() {
        FimForm withoutRules = FimForm.builder().codeLists(codeLists).fimRules(false)
                .load(SharedFixtures.requireFimFile(SCHEMA));

        ValidationResult otherHolder = withoutRules.validate(vehicle("02"));

        assertThat(withoutRules.validator().rules().rules()).isEmpty();
        assertThat(otherHolder.requiredByRule()).isEmpty();
        assertThat(otherHolder.violations()).noneMatch(v -> v.path().toString().startsWith(HOLDER));
    }

    @Test
    void checksValuesAgainstTheCodeLists() {
        ValidationResult result = form.validate(vehicle("99"));

        assertThat(result.violationsAt(DataPath.parse(VEHICLE + "[0]." + HOLDER_ANSWER)))
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_IN_CODE_LIST);
    }

    @Test
    void submissionDropsTheAnswersThatARuleHides() throws IOException {
        Path rules = directory.resolve("S05000058.rules.json");
        Files.writeString(rules, "{\"schema\": \"S05000058\", \"rules\": [{\"id\": \"R-holder-visible\", "
                + "\"kind\": \"visible\", \"target\": \"G05000499\", \"when\": \"F05001047 == '02'\"}]}",
                StandardCharsets.UTF_8);
        FimForm withSideFile = FimForm.builder().codeLists(codeLists).rules(rules)
                .load(SharedFixtures.requireFimFile(SCHEMA));
        FormData valid = validData(withSideFile);
        FormData holder = firstFilledInstance(withSideFile, HOLDER);
        // own vehicle ("01"), but holder data entered before the answer was changed
        FormData entered = withAnswer(valid, "01").toBuilder().remove(HOLDER).group(HOLDER, holder).build();

        Submission submission = withSideFile.submission(entered);

        assertThat(entered.groups(HOLDER)).isNotEmpty();
        assertThat(submission.data().groups(HOLDER)).isEmpty();
        assertThat(submission.data().groups(VEHICLE).get(0).value(HOLDER_ANSWER)).contains("01");
        assertThat(submission.toJson()).doesNotContain(HOLDER).contains(HOLDER_ANSWER);
        assertThat(submission.form()).isSameAs(withSideFile);
    }

    @Test
    void submissionOfInvalidDataThrowsWithTheViolations() {
        assertThatThrownBy(() -> form.submission(vehicle("02")))
                .isInstanceOfSatisfying(InvalidFormDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(DataError.DATA_INVALID);
                    assertThat(e.violations()).isNotEmpty();
                    assertThat(e.getMessage()).startsWith("[OZG-DATA-115]").contains("S05000058")
                            .contains(e.violations().get(0).path().toString());
                    assertThat(e.userMessage(java.util.Locale.GERMAN)).contains("nicht eingereicht");
                });
    }

    @Test
    void bindsAServletParameterMap() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put(VEHICLE + "[0]." + HOLDER_ANSWER, new String[] {"02"});
        parameters.put("_csrf", new String[] {"token"});

        BindResult bound = form.bind(parameters);

        assertThat(bound.data().groups(VEHICLE).get(0).value(HOLDER_ANSWER)).contains("02");
        assertThat(bound.changedStructure()).isFalse();
    }

    @Test
    void refusesParametersOfAnotherForm() {
        assertThatThrownBy(() -> form.bind(Map.of("F99999999", new String[] {"x"})))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(DataError.UNKNOWN_ELEMENT));
    }

    @Test
    void readsAndWritesJson() {
        FormData data = vehicle("02");

        String json = form.toJson(data);

        assertThat(form.readJson(json)).isEqualTo(data);
        assertThat(json).contains("\"" + HOLDER_ANSWER + "\"");
    }

    @Test
    void jsonSchemaStatesTheCodesOfTheCodeListsAndIsExportedOnce() {
        JsonSchemaExport export = form.jsonSchema();

        assertThat(export.toJson()).contains("\"$id\": \"urn:ozgsdk:fim:S05000058V1.0\"");
        assertThat(export.notes()).noneMatch(note -> note.code().code().equals("OZG-JSCH-105"));
        assertThat(form.jsonSchema()).isSameAs(export);
        assertThat(FimForm.load(SharedFixtures.requireFimFile(SCHEMA)).jsonSchema().notes())
                .anyMatch(note -> note.code().code().equals("OZG-JSCH-105"));
    }

    @Test
    void rendersWithTheNamesOfCodeListValues() {
        String page = form.renderer().renderStep(0, FormData.empty(), List.of(), java.util.Locale.GERMAN).page();

        assertThat(page).contains("<form");
        assertThat(form.renderer()).isSameAs(form.renderer());
    }

    @Test
    void loadsFromAStreamWithItsSourceName() throws IOException {
        try (InputStream in = Files.newInputStream(SharedFixtures.requireFimFile("xdf3/flxbe-v3-simple.xml"))) {
            FimForm xdf3 = FimForm.builder().lenient(true).load(in, "flxbe-v3-simple.xml");

            assertThat(xdf3.isLenient()).isTrue();
            assertThat(xdf3.schema().xdfVersion()).isEqualTo(XdfVersion.XDF3);
        }
    }

    @Test
    void derivedDataAreComputedOncePerKeyAndMayUseOtherDerivedData() {
        FimForm fresh = FimForm.builder().of(form.schema());
        AtomicInteger computed = new AtomicInteger();
        record Outer(String value) { }
        record Inner(String value) { }

        Outer first = fresh.derived(Outer.class, f -> {
            computed.incrementAndGet();
            return new Outer(f.derived(Inner.class, g -> new Inner(g.schema().id().id())).value());
        });
        Outer second = fresh.derived(Outer.class, f -> new Outer("other"));

        assertThat(first.value()).isEqualTo("S05000058");
        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void derivedDataThatAskForThemselvesFailInsteadOfLooping() {
        FimForm fresh = FimForm.builder().of(form.schema());
        record Cyclic(String value) { }

        assertThatThrownBy(() -> fresh.derived(Cyclic.class, f -> f.derived(Cyclic.class, g -> new Cyclic("x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asks for itself");
        assertThat(fresh.derived(Cyclic.class, f -> new Cyclic("retried")).value()).isEqualTo("retried");
    }

    @Test
    void derivedDataAreComputedOnceUnderConcurrentCalls() throws Exception {
        FimForm fresh = FimForm.builder().of(form.schema());
        AtomicInteger computed = new AtomicInteger();
        record Shared(int value) { }
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.Set<Shared> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(fresh.derived(Shared.class, f -> new Shared(computed.incrementAndGet())));
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(computed).hasValue(1);
        assertThat(seen).hasSize(1);
    }

    /** Only the vehicle group with the holder answer. */
    private static FormData vehicle(String answer) {
        return FormData.builder().group(VEHICLE, FormData.builder().value(HOLDER_ANSWER, answer).build()).build();
    }

    /** The data with the holder answer of the vehicle group set. */
    private static FormData withAnswer(FormData data, String answer) {
        FormData vehicle = data.groups(VEHICLE).get(0).toBuilder().value(HOLDER_ANSWER, answer).build();
        return data.toBuilder().remove(VEHICLE).group(VEHICLE, vehicle).build();
    }

    /** The first generated data (seeded, so always the same) that are valid with the own-vehicle answer. */
    private static FormData validData(FimForm form) {
        for (int seed = 0; seed < 500; seed++) {
            FormData generated = new DataGenerator(new Random(seed), 0, form.codeValues(), Set.of())
                    .instance(form.schema().children(), false);
            if (!generated.groups(VEHICLE).isEmpty()) {
                FormData candidate = withAnswer(generated, "01");
                if (form.validate(candidate).isValid()) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no valid data generated for " + form.schema().id());
    }

    /** A generated, filled instance of a group. */
    private static FormData firstFilledInstance(FimForm form, String groupId) {
        FieldGroup group = form.schema().group(groupId).orElseThrow();
        for (int seed = 0; seed < 100; seed++) {
            FormData instance = new DataGenerator(new Random(seed), 0, form.codeValues(), Set.of())
                    .instance(group.children(), group.isChoice());
            if (!instance.isBlank()) {
                return instance;
            }
        }
        throw new AssertionError("no filled instance of " + groupId);
    }
}
