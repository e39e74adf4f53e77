package de.ozgsdk.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the consumer projects (src/it) resolved at run time after building against the installed SDK: a forms + xoev
 * user gets no database, no HTTP client, no Bouncy Castle and one Jackson major version; a persistence user gets the
 * embedded database and still no HTTP client. Prints jar count and size for the closing note.
 */
class ConsumerProjectsIT {

    private static final Path CONSUMERS = Path.of(System.getProperty("ozg.consumers.dir", "target/it"));

    /** Path fragments (in the local repository layout) of jars a forms + xoev user must not get. */
    private static final List<String> NOT_FOR_FORMS_AND_XOEV = List.of(
            "/com/h2database/", "/org/postgresql/", "/org/flywaydb/", "/com/zaxxer/", "/com/squareup/okhttp3/",
            "/com/squareup/okio/", "/org/jetbrains/kotlin/", "/org/bouncycastle/", "/de/ozgsdk/ozg-persistence/",
            "/de/ozgsdk/ozg-http/");

    /** Jackson 2's databind and core; Jackson 3 (tools.jackson) uses only Jackson 2's annotations by design. */
    private static final List<String> JACKSON_2 = List.of(
            "/com/fasterxml/jackson/core/jackson-databind/", "/com/fasterxml/jackson/core/jackson-core/");

    @Test
    void formsAndXoevPullNoDatabaseNoHttpClientNoBouncyCastleAndOneJackson() throws IOException {
        List<Path> jars = runtimeClassPath("forms-xoev");

        assertThat(jars).extracting(ConsumerProjectsIT::repositoryPath)
                .noneMatch(p -> NOT_FOR_FORMS_AND_XOEV.stream().anyMatch(p::contains))
                .noneMatch(p -> JACKSON_2.stream().anyMatch(p::contains))
                .anyMatch(p -> p.contains("/de/ozgsdk/ozg-forms/"))
                .anyMatch(p -> p.contains("/de/ozgsdk/ozg-xoev/"));
    }

    @Test
    void persistencePullsTheEmbeddedDatabaseButNoHttpClient() throws IOException {
        List<Path> jars = runtimeClassPath("persistence");

        assertThat(jars).extracting(ConsumerProjectsIT::repositoryPath)
                .anyMatch(p -> p.contains("/com/h2database/"))
                .anyMatch(p -> p.contains("/org/flywaydb/"))
                .noneMatch(p -> p.contains("/com/squareup/okhttp3/") || p.contains("/org/bouncycastle/"))
                .noneMatch(p -> p.contains("/org/postgresql/"));
    }

    private static List<Path> runtimeClassPath(String project) throws IOException {
        Path file = CONSUMERS.resolve(project).resolve("target/runtime-classpath.txt");
        assertThat(file).as("class path written by the consumer build of %s", project).exists();
        List<Path> jars = Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        System.out.printf(Locale.ROOT, "consumer %s: %d jars, %.1f MiB%n", project, jars.size(),
                bytes / 1024.0 / 1024.0);
        return jars;
    }

    private static String repositoryPath(Path jar) {
        return jar.toString().replace('\\', '/');
    }
}
