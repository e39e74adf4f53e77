package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code .xml} file under the shared real-world fixtures ({@code shared/fixtures/fim}, next to the repository)
 * imports: strictly where SOURCES.md says the file is XSD-valid, leniently where it says it is not. Prints what it
 * imported. Skipped when the folder does not exist.
 */
class FimConformanceTest {

    /** The files SOURCES.md marks as not XSD-valid. */
    private static final Set<String> NOT_XSD_VALID = Set.of("flxbe-v3-simple.xml", "flxbe-v3-input.xml");

    @Test
    void importsEveryRealFixture() throws IOException {
        Optional<Path> fixtures = sharedFixtures();
        assumeTrue(fixtures.isPresent(), "shared/fixtures/fim not found above " + Path.of("").toAbsolutePath()
                + ": conformance run skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixtures.get())) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        FimImporter strict = FimImporter.builder().build();
        FimImporter lenient = FimImporter.builder().lenient(true).build();
        for (Path file : files) {
            boolean valid = !NOT_XSD_VALID.contains(file.getFileName().toString());
            FormSchema schema = (valid ? strict : lenient).importSchema(file);
            System.out.printf("%s [%s] %s %s %s: %d fields, %d groups, %d rules, %d code lists, %d warnings%n",
                    fixtures.get().relativize(file), valid ? "strict" : "lenient", schema.xdfVersion(),
                    schema.messageKind(), schema.id(), schema.fields().size(), schema.groups().size(),
                    schema.rules().size(), schema.codeListReferences().size(), schema.warnings().size());
            schema.warnings().forEach(w -> System.out.println("    " + w));
            assertThat(schema.fields()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void sharesTheReusedElementsOfTheLargestRealSchema() {
        Path file = SharedFixtures.requireFimFile("xdf2/S00000009_xdatenfelder.xml");
        FormSchema schema = FimImporter.builder().build().importSchema(file);
        // SOURCES.md: 132 field occurrences / 53 distinct fields, 54 group occurrences / 26 distinct groups
        assertThat(schema.fields()).hasSize(53);
        assertThat(schema.groups()).hasSize(26);
        assertThat(schema.codeListReferences()).isNotEmpty();
    }

    static Optional<Path> sharedFixtures() {
        return SharedFixtures.fim();
    }
}
