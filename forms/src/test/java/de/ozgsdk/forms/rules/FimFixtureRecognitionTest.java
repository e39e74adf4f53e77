package de.ozgsdk.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Conformance: the rules of the real public FIM files in {@code shared/fixtures/fim} (read in place, never copied)
 * are recognised as the service author would read them. Skipped when the fixtures are not there, a failure under
 * {@code CI} ({@link SharedFixtures}).
 */
class FimFixtureRecognitionTest {

    /**
     * Distinct FIM rules of the fixtures the recogniser makes executable: 3 of 3 before and after the recognition of
     * real export phrasings (the fixtures hold only three rules, all in the phrasings recognised before).
     */
    private static final long RECOGNISED_AT_LEAST = 3;
    /**
     * Of those, the rules that also fit their imported schema: 2 of 3 (the XDF3 sample's rule names
     * {@code G60000086}, its file has {@code G60000000086}; that stays not executable, rightly).
     */
    private static final long EXECUTABLE_AT_LEAST = 2;

    private final FreeTextRecognizer recognizer = new FreeTextRecognizer();

    @Test
    void recognisesBothRulesOfTheBewohnerparkausweisSchema() throws Exception {
        Map<String, Recognition> rules = recognise(fixture("xdf2/S05000058V1.0_xdf2.xml"));

        assertThat(rules).containsOnlyKeys("R05000281", "R05000334");
        assertThat(rules.values()).allMatch(Recognition::isExecutable).noneMatch(Recognition::hasScript);
        ExecutableRule halter = rules.get("R05000281").rule().orElseThrow();
        assertThat(halter.targets()).containsExactly("G05000499");
        assertThat(halter.condition().canonical()).isEqualTo("F05001047 == \"02\"");
        ExecutableRule verlaengerung = rules.get("R05000334").rule().orElseThrow();
        assertThat(verlaengerung.targets()).containsExactly("G05000599");
        assertThat(verlaengerung.condition().canonical()).isEqualTo("F05001347 == \"02\"");
    }

    @Test
    void recognisesTheOneOfRuleOfTheXdf3AnschriftGroup() throws Exception {
        Map<String, Recognition> rules = recognise(fixture("xdf3/flxbe-v3-simple.xml"));

        Recognition anschrift = rules.get("R60000000019");
        assertThat(anschrift.pattern()).contains(FreeTextPattern.EXACTLY_ONE);
        assertThat(anschrift.rule().orElseThrow().condition().canonical())
                .isEqualTo("exactlyOne(G60000086, G60000087)");
        assertThat(anschrift.hasScript()).isTrue();
    }

    /**
     * The share of executable rules over every XDatenfelder file of the fixtures, counted per distinct FIM rule id
     * (a rule reused in several groups counts once): by the recogniser alone, and after the check against the
     * imported schema ({@link FormRules#recognize}, element ids and Datentypen). The fixtures hold few rules, so the
     * absolute counts are printed as well; the shares must not drop below what this branch reached.
     */
    @Test
    void theShareOfExecutableRulesInTheRealFixturesDoesNotDrop() throws Exception {
        Path root = SharedFixtures.requireFim();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("xsd")).sorted()
                    .forEach(files::add);
        }
        Map<String, Boolean> recognised = new LinkedHashMap<>();
        Map<String, Boolean> checked = new LinkedHashMap<>();
        FimImporter importer = FimImporter.builder().lenient(true).build();
        for (Path file : files) {
            recognise(file).forEach((id, r) -> recognised.merge(file.getFileName() + "/" + id, r.isExecutable(),
                    Boolean::logicalAnd));
            for (Recognition r : FormRules.recognize(importer.importSchema(file)).entries()) {
                checked.merge(file.getFileName() + "/" + r.fimRuleId(), r.isExecutable(), Boolean::logicalAnd);
            }
        }
        long recognisedCount = recognised.values().stream().filter(b -> b).count();
        long checkedCount = checked.values().stream().filter(b -> b).count();
        System.out.printf(Locale.ROOT, "FIM fixture rules: %d files, %d distinct rules; recognised %d (%.0f %%), "
                        + "executable against the schema %d (%.0f %%)%n", files.size(), recognised.size(),
                recognisedCount, 100.0 * recognisedCount / recognised.size(), checkedCount,
                100.0 * checkedCount / checked.size());

        assertThat(recognised).hasSize(3);
        assertThat(recognisedCount).isGreaterThanOrEqualTo(RECOGNISED_AT_LEAST);
        assertThat(checkedCount).isGreaterThanOrEqualTo(EXECUTABLE_AT_LEAST);
    }

    private Map<String, Recognition> recognise(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        NodeList regeln = document.getElementsByTagNameNS("*", "regel");
        Map<String, Recognition> byId = new LinkedHashMap<>();
        for (int i = 0; i < regeln.getLength(); i++) {
            Element regel = (Element) regeln.item(i);
            String id = text(regel, "id").orElseThrow();
            String freeText = text(regel, "definition").or(() -> text(regel, "freitextRegel")).orElse("");
            String script = text(regel, "script").or(() -> text(regel, "skript")).orElse("");
            byId.put(id, recognizer.recognize(id, text(regel, "name").orElse(""), freeText, script));
        }
        return byId;
    }

    private static Optional<String> text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent());
    }

    private static Path fixture(String relative) {
        return SharedFixtures.requireFimFile(relative);
    }
}
