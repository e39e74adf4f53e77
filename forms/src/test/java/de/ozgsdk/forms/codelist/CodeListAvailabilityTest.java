package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.FimImportException;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.ImportWarning;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry as the importer's view of which code lists exist, and references turned into registry queries. */
class CodeListAvailabilityTest {

    private static final ClassLoader LOADER = CodeListAvailabilityTest.class.getClassLoader();
    private static final String FIELD = "de/ozgsdk/forms/codelist/einwilligung-field.xml";

    private final CodeListRegistry withList = CodeListRegistry.builder()
            .addClasspathResources(LOADER, "de/ozgsdk/forms/codelist/dialects/default-namespace.gc").build();
    private final CodeListRegistry withoutList = CodeListRegistry.builder()
            .addClasspathResources(LOADER, "de/ozgsdk/forms/codelist/dialects/xoev-genericode-4.gc").build();

    @Test
    void strictImportFailsWhenTheRegistryLacksAReferencedList() throws IOException {
        FimImporter strict = FimImporter.builder().codeLists(withoutList.availability()).build();

        FimImportException e = catchThrowableOfType(FimImportException.class, () -> importField(strict));

        assertThat(e.code()).isEqualTo(FimError.CODE_LIST_MISSING);
        assertThat(e.location().elementId()).hasValueSatisfying(id -> assertThat(id.id()).isEqualTo("F99000000030"));
        assertThat(e.getMessage()).contains("urn:de:ozgsdk:test:codeliste:einwilligung 2023-04-01");
    }

    @Test
    void lenientImportWarnsWhenTheRegistryLacksAReferencedList() throws IOException {
        FimImporter lenient = FimImporter.builder().lenient(true).codeLists(withoutList.availability()).build();

        FormSchema schema = importField(lenient);

        assertThat(schema.warnings()).extracting(ImportWarning::code).containsExactly(FimError.CODE_LIST_MISSING);
    }

    @Test
    void strictImportPassesWhenTheRegistryHasTheList() throws IOException {
        FimImporter strict = FimImporter.builder().codeLists(withList.availability()).build();

        assertThat(importField(strict).warnings()).isEmpty();
    }

    @Test
    void findsTheListOfAReference() {
        CodeListReference reference = CodeListReference.of("urn:de:ozgsdk:test:codeliste:einwilligung",
                "2023-04-01");

        assertThat(withList.find(reference)).hasValueSatisfying(
                list -> assertThat(list.codes()).containsExactly("J", "N"));
    }

    @Test
    void referenceWithoutAnyUriGivesNoQuery() {
        CodeListReference onlyFimId = new CodeListReference(" ", Optional.of("1.0"), Optional.empty(),
                Optional.of("C05000073"));

        assertThat(CodeListQuery.from(onlyFimId)).isEmpty();
        assertThat(withList.find(onlyFimId)).isEmpty();
    }

    @Test
    void referenceWithOnlyAVersionUriGivesAQueryByVersionUri() {
        CodeListReference byVersionUri = new CodeListReference("", Optional.empty(),
                Optional.of("urn:de:ozgsdk:test:codeliste:einwilligung_2023-04-01"), Optional.empty());

        assertThat(CodeListQuery.from(byVersionUri)).contains(
                CodeListQuery.byVersionUri("urn:de:ozgsdk:test:codeliste:einwilligung_2023-04-01"));
    }

    private static FormSchema importField(FimImporter importer) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(FIELD)) {
            return importer.importSchema(in, "einwilligung-field.xml");
        }
    }
}
