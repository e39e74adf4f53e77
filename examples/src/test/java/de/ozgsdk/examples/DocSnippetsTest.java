package de.ozgsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Java code sample in the Markdown docs and in the Javadoc of the main sources is a copy of a region of a
 * snippet source that the build compiles and runs, so a changed API breaks the build, not the reader (README,
 * "Code samples").
 *
 * <p>Samples: {@code ```java} fences in Markdown, {@code <pre>{@code …}</pre>} blocks in Javadoc outside
 * {@code internal} packages. Regions: {@code // @start region="name"} … {@code // @end} in any file under
 * {@code <module>/src/test/java/**}{@code /snippets/} or under {@code consumers/src/it/<project>/src/}, the syntax of
 * the JDK 18 {@code {@snippet}} tag, so that the Javadoc can point at the same regions once the build runs on a newer
 * JDK. A sample equals a region after both are normalised: Javadoc's leading {@code *} removed, trailing whitespace
 * removed, blank lines around the code dropped and the common indentation removed.
 */
class DocSnippetsTest {

    /** Module folders whose {@code *.md} and main-source Javadoc samples must match a region: all of them. */
    static final List<String> MODULES = List.of(
            "bom", "core", "persistence", "http", "transfer", "auth", "payment", "postbox", "portal", "sandbox",
            "examples", "consumers", "bench", "forms", "xoev", "cli", "portal-spring-boot-starter");

    /** Markdown outside the module folders, always checked. */
    static final List<String> REPOSITORY_DOCS = List.of("README.md", "docs/*.md");

    private static final String FIX_HINT = "Fix: put the code into a region (// @start region=\"name\" … // @end) of a"
            + " snippet test, e.g. <module>/src/test/java/de/ozgsdk/<module>/snippets/<Module>SnippetsTest.java, where"
            + " a test runs it, and copy the region into the sample verbatim (or adjust the region).";

    private static final Pattern ESCAPES = Pattern.compile("&#\\d+;|&[a-z]+;|\\{@literal");

    private static Path root;
    private static Map<String, List<Region>> regionsByCode;
    private static List<String> regionErrors;

    @BeforeAll
    static void readTheSnippetSources() throws IOException {
        root = repositoryRoot(Path.of("").toAbsolutePath());
        List<Region> regions = new ArrayList<>();
        regionErrors = new ArrayList<>();
        for (Path source : snippetSources(root)) {
            regions.addAll(Regions.parse(root.relativize(source), read(source), regionErrors));
        }
        regionsByCode = regions.stream().collect(Collectors.groupingBy(Region::code));
    }

    @Test
    void everyJavaSampleInTheConvertedDocsIsARegionOfASnippetSource() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Path file : documentedFiles(REPOSITORY_DOCS, MODULES)) {
            samples.addAll(Samples.of(root.relativize(file), read(file), failures));
        }
        for (Sample sample : samples) {
            check(sample).ifPresent(failures::add);
        }
        System.out.printf("DocSnippetsTest: %d Java samples checked against %d regions%n",
                samples.size(), regionsByCode.values().stream().mapToInt(List::size).sum());
        // Guards against a vacuous pass: the checker must see the samples it is meant to see.
        assertThat(samples).extracting(sample -> sample.file().toString().replace('\\', '/'))
                .contains("core/src/main/java/de/ozgsdk/core/Money.java",
                        "persistence/src/main/java/de/ozgsdk/persistence/Outbox.java",
                        "http/src/main/java/de/ozgsdk/http/OzgHttpClients.java",
                        "forms/src/main/java/de/ozgsdk/forms/FimForm.java", "forms/RULES.md",
                        "cli/src/main/java/de/ozgsdk/cli/OzgCommand.java", "sandbox/SANDBOX.md",
                        "sandbox/src/main/java/de/ozgsdk/sandbox/MockServer.java");
        assertThat(failures).as("%d of %d Java samples in the docs are not a region of a snippet source.%n%s%n",
                failures.size(), samples.size(), FIX_HINT).isEmpty();
    }

    @Test
    void snippetRegionsAreWellFormed() {
        assertThat(regionErrors).isEmpty();
        assertThat(regionsByCode).as("regions found under */src/test/java/**/snippets/").isNotEmpty();
    }

    @Test
    void everyModuleOfTheBuildIsChecked() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
        Set<String> modules = new LinkedHashSet<>();
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        assertThat(MODULES).as("MODULES (a new module's samples are checked from its first commit)")
                .containsExactlyInAnyOrderElementsOf(modules);
    }

    // The checker's own behaviour on small inputs: each of these fails if the rule it names is broken.

    @Test
    void javadocSampleMatchesARegionDespiteTheCommentPrefixAndIndentation() {
        String source = """
                /**
                 * Example.
                 * <pre>{@code
                 * Money fee = Money.parse("12,50");
                 * if (fee.isZero()) {
                 *     return;
                 * }
                 * }</pre>
                 */
                class A {}
                """;
        String snippet = """
                class S {
                    void s() {
                        // @start region="fee"
                        Money fee = Money.parse("12,50");   \s
                        if (fee.isZero()) {
                            return;
                        }
                        // @end
                    }
                }
                """;
        List<String> errors = new ArrayList<>();
        List<Sample> samples = Samples.of(Path.of("A.java"), source, errors);
        List<Region> regions = Regions.parse(Path.of("S.java"), snippet, errors);

        assertThat(errors).isEmpty();
        assertThat(samples).singleElement().satisfies(sample -> {
            assertThat(sample.line()).isEqualTo(4);
            assertThat(sample.code()).isEqualTo(regions.get(0).code());
        });
    }

    @Test
    void changedSampleIsReportedWithItsLineAndTheFirstDifferingLine() {
        String markdown = """
                Text.

                ```java
                Money fee = Money.parse("12,50");
                fee.times(3);
                ```
                """;
        String snippet = """
                // @start region="fee"
                Money fee = Money.parse("12,50");
                fee.times(2);
                // @end
                """;
        List<String> errors = new ArrayList<>();
        Sample sample = Samples.of(Path.of("README.md"), markdown, errors).get(0);
        List<Region> regions = Regions.parse(Path.of("S.java"), snippet, errors);

        Optional<String> failure = check(sample, regions.stream().collect(Collectors.groupingBy(Region::code)));

        assertThat(failure).hasValueSatisfying(text -> assertThat(text)
                .contains("README.md:4")
                .contains("line 2 of the sample: fee.times(3);")
                .contains("closest region \"fee\" (S.java:3) has: fee.times(2);"));
    }

    @Test
    void xmlAndExplicitlyMarkedBlocksAreNotJavaSamples() {
        String source = """
                /**
                 * <pre>{@code
                 * <antrag xmlns="urn:x"/>
                 * }</pre>
                 * <pre class="language-sh">
                 * java -jar bench/target/benchmarks.jar Name
                 * </pre>
                 */
                """;
        String markdown = """
                ```xml
                <dependency/>
                ```
                ```text
                ozg fim inspect
                ```
                """;
        List<String> errors = new ArrayList<>();

        assertThat(Samples.of(Path.of("A.java"), source, errors)).isEmpty();
        assertThat(Samples.of(Path.of("A.md"), markdown, errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void blocksThatCouldHideJavaAreRefused() {
        String source = """
                /**
                 * <pre>
                 * Money fee = Money.parse("12,50");
                 * </pre>
                 * <pre>{@code
                 * String brace = "}";
                 * }</pre>
                 */
                """;
        String markdown = """
                ```
                Money fee = Money.parse("12,50");
                ```
                """;
        List<String> errors = new ArrayList<>();
        Samples.of(Path.of("A.java"), source, errors);
        Samples.of(Path.of("A.md"), markdown, errors);

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("A.java:2: <pre> without {@code");
        assertThat(errors.get(1)).startsWith("A.java:5: unbalanced braces");
        assertThat(errors.get(2)).startsWith("A.md:1: code fence without a language");
    }

    @Test
    void htmlEscapesInACodeBlockAreExplained() {
        String source = """
                /**
                 * <pre>{@code
                 * &#64;ValidFormData(schema = "S60000011")
                 * FormData formData;
                 * }</pre>
                 */
                """;
        List<String> errors = new ArrayList<>();
        Sample sample = Samples.of(Path.of("A.java"), source, errors).get(0);

        assertThat(check(sample, Map.of())).hasValueSatisfying(text -> assertThat(text)
                .startsWith("A.java:3 (inside <pre>{@code …} javadoc shows &#64;"));
    }

    @Test
    void malformedRegionsAreReported() {
        String snippet = """
                // @start region="a"
                int a = 1;
                // @start region=
                // @end
                // @end
                // @start region="a"
                """;
        List<String> errors = new ArrayList<>();
        Regions.parse(Path.of("S.java"), snippet, errors);

        assertThat(errors).containsExactly(
                "S.java:3: malformed snippet marker (write // @start region=\"name\" or // @end)",
                "S.java:5: // @end without an open region",
                "S.java:6: region \"a\" is defined twice in this file",
                "S.java:6: region \"a\" is never closed with // @end");
    }

    private static Optional<String> check(Sample sample) {
        return check(sample, regionsByCode);
    }

    private static Optional<String> check(Sample sample, Map<String, List<Region>> regions) {
        if (regions.containsKey(sample.code())) {
            return Optional.empty();
        }
        String where = sample.file() + ":" + sample.line();
        if (ESCAPES.matcher(sample.code()).find()) {
            where += " (inside <pre>{@code …} javadoc shows &#64; &lt; &amp; {@literal …} as they are written:"
                    + " write @ < & plainly)";
        }
        List<String> sampleLines = sample.code().lines().toList();
        Region closest = null;
        int closestPrefix = 0;
        for (List<Region> candidates : regions.values()) {
            Region region = candidates.get(0);
            int prefix = commonPrefix(sampleLines, region.code().lines().toList());
            if (prefix > closestPrefix) {
                closest = region;
                closestPrefix = prefix;
            }
        }
        if (closest == null) {
            return Optional.of(where + ": this Java sample is no region of any snippet source; first line: "
                    + sampleLines.get(0));
        }
        List<String> regionLines = closest.code().lines().toList();
        String sampleLine = closestPrefix < sampleLines.size() ? sampleLines.get(closestPrefix) : "(end of sample)";
        String regionLine = closestPrefix < regionLines.size() ? regionLines.get(closestPrefix) : "(end of region)";
        return Optional.of(String.format("%s: line %d of the sample: %s%n    but the closest region \"%s\" (%s:%d) has:"
                        + " %s", where, closestPrefix + 1, sampleLine, closest.name(), closest.file(),
                closest.line() + closestPrefix, regionLine));
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    /** A Java code sample in the docs, at its first code line. */
    record Sample(Path file, int line, String code) {
    }

    /** A {@code // @start region} … {@code // @end} region of a snippet source, at its first code line. */
    record Region(Path file, int line, String name, String code) {
    }

    /** Finds the Java samples of a Markdown or Java file. */
    static final class Samples {

        private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*).*$");
        private static final Pattern PRE = Pattern.compile("<pre(\\s[^>]*)?>");
        private static final Pattern LANGUAGE = Pattern.compile("class\\s*=\\s*\"language-([\\w+-]+)\"");

        private Samples() {
        }

        static List<Sample> of(Path file, String text, List<String> errors) {
            return file.toString().endsWith(".md") ? markdown(file, text, errors) : javadoc(file, text, errors);
        }

        /** Every {@code ```java} fence is a sample; a fence without a language is refused, others are skipped. */
        private static List<Sample> markdown(Path file, String text, List<String> errors) {
            List<Sample> samples = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher open = FENCE.matcher(lines[i]);
                if (!open.matches()) {
                    continue;
                }
                String fence = open.group(2);
                String language = open.group(3).toLowerCase(java.util.Locale.ROOT);
                int start = i + 1;
                int end = start;
                while (end < lines.length && !lines[end].strip().startsWith(fence)) {
                    end++;
                }
                if (language.isEmpty()) {
                    errors.add(file + ":" + (i + 1) + ": code fence without a language: write ```java (checked) or"
                            + " ```text, ```bash, ```xml … (not checked)");
                } else if (language.equals("java")) {
                    String code = String.join("\n", Arrays.asList(lines).subList(start, Math.min(end, lines.length)));
                    samples.add(new Sample(file, start + 1, Normal.ise(code)));
                }
                i = end;
            }
            return samples;
        }

        /**
         * Every {@code <pre>} block of a Javadoc comment is a sample, unless it says another language by
         * {@code class="language-…"} or is {@code {@code …}} whose first character is {@code <} (XML).
         */
        private static List<Sample> javadoc(Path file, String text, List<String> errors) {
            List<Sample> samples = new ArrayList<>();
            int from = 0;
            while (true) {
                int open = text.indexOf("/**", from);
                if (open < 0) {
                    return samples;
                }
                int close = text.indexOf("*/", open + 3);
                if (close < 0) {
                    return samples;
                }
                int firstLine = lineOf(text, open);
                String comment = stripCommentPrefix(text.substring(open + 3, close));
                samples.addAll(preBlocks(file, firstLine, comment, errors));
                from = close + 2;
            }
        }

        /** Removes the leading whitespace and asterisks of each line, as javadoc does. */
        private static String stripCommentPrefix(String comment) {
            return comment.lines().map(line -> line.replaceFirst("^\\s*\\*+", ""))
                    .collect(Collectors.joining("\n"));
        }

        private static List<Sample> preBlocks(Path file, int firstLine, String comment, List<String> errors) {
            List<Sample> samples = new ArrayList<>();
            Matcher pre = PRE.matcher(comment);
            while (pre.find()) {
                int end = comment.indexOf("</pre>", pre.end());
                int line = firstLine + lineOf(comment, pre.start()) - 1;
                if (end < 0) {
                    errors.add(file + ":" + line + ": <pre> without </pre>");
                    return samples;
                }
                Matcher language = LANGUAGE.matcher(pre.group(1) == null ? "" : pre.group(1));
                String content = comment.substring(pre.end(), end);
                if (language.find() && !language.group(1).equalsIgnoreCase("java")) {
                    continue;
                }
                String body = content.stripLeading();
                if (!body.startsWith("{@code")) {
                    errors.add(file + ":" + line + ": <pre> without {@code …}: write Java as <pre>{@code …}</pre>,"
                            + " mark anything else with <pre class=\"language-sh\"> (or -xml, -text …)");
                    continue;
                }
                int codeStart = pre.end() + content.indexOf("{@code") + "{@code".length();
                int codeEnd = matchingBrace(comment, codeStart);
                if (codeEnd < 0 || codeEnd > end || !comment.substring(codeEnd + 1, end).isBlank()) {
                    errors.add(file + ":" + line + ": unbalanced braces in {@code …}: javadoc would end the code at"
                            + " the first unmatched }; keep braces balanced (also in strings and comments)");
                    continue;
                }
                String code = comment.substring(codeStart, codeEnd);
                if (code.strip().startsWith("<")) {
                    continue;
                }
                int codeLine = firstLine + lineOf(comment, codeStart) - 1 + leadingBlankLines(code);
                samples.add(new Sample(file, codeLine, Normal.ise(code)));
            }
            return samples;
        }

        private static int matchingBrace(String text, int from) {
            int depth = 1;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int leadingBlankLines(String code) {
            int count = 0;
            for (String line : code.split("\n", -1)) {
                if (!line.isBlank()) {
                    return count;
                }
                count++;
            }
            return count;
        }
    }

    /** Finds the regions of a snippet source. */
    static final class Regions {

        private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*@(start|end)\\b.*$");
        private static final Pattern START = Pattern.compile("^\\s*//\\s*@start\\s+region\\s*=\\s*\"([\\w.-]+)\"\\s*$");
        private static final Pattern END = Pattern.compile("^\\s*//\\s*@end(\\s+region\\s*=\\s*\"([\\w.-]+)\")?\\s*$");

        private Regions() {
        }

        static List<Region> parse(Path file, String text, List<String> errors) {
            List<Region> regions = new ArrayList<>();
            Deque<Open> open = new ArrayDeque<>();
            Set<String> names = new HashSet<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (!MARKER.matcher(line).matches()) {
                    open.forEach(region -> region.lines().add(line));
                    continue;
                }
                Matcher start = START.matcher(line);
                Matcher end = END.matcher(line);
                if (start.matches()) {
                    if (!names.add(start.group(1))) {
                        errors.add(file + ":" + (i + 1) + ": region \"" + start.group(1)
                                + "\" is defined twice in this file");
                    }
                    open.push(new Open(start.group(1), i + 2, new ArrayList<>()));
                } else if (end.matches()) {
                    close(file, i + 1, end.group(2), open, regions, errors);
                } else {
                    errors.add(file + ":" + (i + 1)
                            + ": malformed snippet marker (write // @start region=\"name\" or // @end)");
                }
            }
            open.forEach(region -> errors.add(file + ":" + (region.line() - 1) + ": region \"" + region.name()
                    + "\" is never closed with // @end"));
            return regions;
        }

        private static void close(Path file, int line, String name, Deque<Open> open, List<Region> regions,
                List<String> errors) {
            if (open.isEmpty()) {
                errors.add(file + ":" + line + ": // @end without an open region");
                return;
            }
            if (name != null && !name.equals(open.peek().name())) {
                errors.add(file + ":" + line + ": // @end region=\"" + name + "\" closes region \""
                        + open.peek().name() + "\"");
            }
            Open region = open.pop();
            regions.add(new Region(file, region.line(), region.name(), Normal.ise(String.join("\n", region.lines()))));
        }

        private record Open(String name, int line, List<String> lines) {
        }
    }

    /** The normal form in which a sample and a region are compared. */
    static final class Normal {

        private Normal() {
        }

        static String ise(String code) {
            List<String> lines = new ArrayList<>(code.lines().map(String::stripTrailing).toList());
            while (!lines.isEmpty() && lines.get(0).isEmpty()) {
                lines.remove(0);
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            int indent = lines.stream().filter(line -> !line.isEmpty())
                    .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
            return lines.stream().map(line -> line.isEmpty() ? line : line.substring(indent))
                    .collect(Collectors.joining("\n"));
        }
    }

    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with pom.xml and README.md at or above " + start);
    }

    /** Markdown of {@code docs} (glob patterns relative to the root) and of the modules, and the modules' Java. */
    private static List<Path> documentedFiles(List<String> docs, List<String> modules) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String doc : docs) {
            files.addAll(glob(doc));
        }
        for (String module : modules) {
            files.addAll(glob(module + "/*.md"));
            Path main = root.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> tree = Files.walk(main)) {
                    tree.filter(path -> path.toString().endsWith(".java"))
                            .filter(path -> !main.relativize(path).toString().replace('\\', '/')
                                    .matches("(.*/)?internal/.*"))
                            .sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    private static List<Path> glob(String pattern) throws IOException {
        int slash = pattern.lastIndexOf('/');
        Path dir = slash < 0 ? root : root.resolve(pattern.substring(0, slash));
        String name = pattern.substring(slash + 1);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(path -> dir.getFileSystem().getPathMatcher("glob:" + name)
                    .matches(path.getFileName())).sorted().toList();
        }
    }

    /** Snippet sources: Java files in a {@code snippets} package of a module's tests, and the consumer projects. */
    private static List<Path> snippetSources(Path root) throws IOException {
        List<Path> trees = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory).forEach(trees::add);
        }
        trees.add(root.resolve("consumers/src/it"));
        List<Path> sources = new ArrayList<>();
        for (Path tree : trees) {
            if (!Files.isDirectory(tree)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tree)) {
                files.filter(path -> path.toString().endsWith(".java"))
                        .filter(path -> {
                            String relative = root.relativize(path).toString().replace('\\', '/');
                            return relative.matches("[^/]+/src/test/java/(.+/)?snippets/.+")
                                    || relative.matches("consumers/src/it/[^/]+/src/.+");
                        })
                        .sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
