package de.ozgsdk.xoev.fim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs xmllint as an independent validator; fails on CI when it is missing, skips locally. */
final class FimXmlTestSupport {

    private static final Path XMLLINT = Path.of("/usr/bin/xmllint");

    private FimXmlTestSupport() {
    }

    static void requireXmllint() {
        boolean present = Files.isExecutable(XMLLINT);
        if (System.getenv("CI") != null && !present) {
            throw new AssertionError("xmllint is missing on CI: install libxml2-utils");
        }
        assumeTrue(present, "xmllint (libxml2-utils) not installed: independent XSD check skipped");
    }

    /** Exit code and output of {@code xmllint --noout --schema xsd xml}. */
    static Result xmllint(Path xsd, Path xml) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(XMLLINT.toString(), "--noout", "--nonet", "--schema",
                xsd.toString(), xml.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /**
     * Whether xmllint accepts each document, checked in one run of {@code xmllint --noout --schema xsd xml...}: true
     * for "validates", false for "fails to validate" (or not well-formed).
     */
    static Map<Path, Boolean> xmllintEach(Path xsd, List<Path> documents) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(XMLLINT.toString(), "--noout", "--nonet", "--schema",
                xsd.toString()));
        documents.forEach(d -> command.add(d.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Map<Path, Boolean> verdicts = new HashMap<>();
        for (Path document : documents) {
            if (output.contains(document + " validates\n")) {
                verdicts.put(document, true);
            } else if (output.contains(document + " fails to validate\n") || output.contains(document + ":")) {
                verdicts.put(document, false);
            }
        }
        if (verdicts.size() != documents.size()) {
            throw new AssertionError("xmllint (exit " + exit + ") gave no verdict for some documents: " + output);
        }
        return verdicts;
    }

    record Result(int exitCode, String output) {
    }
}
