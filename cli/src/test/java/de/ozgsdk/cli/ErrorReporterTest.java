package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.cli.internal.CommonOptions;
import de.ozgsdk.cli.internal.ErrorReporter;
import de.ozgsdk.cli.internal.HasCommonOptions;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.SecurityCheckException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The mapping of exceptions to messages and exit codes, for failures the real commands cannot be made to show. */
class ErrorReporterTest {

    /** A command that fails with whatever the test gives it. */
    @Command(name = "failing")
    static final class FailingCommand implements Runnable, HasCommonOptions {
        @Mixin
        private CommonOptions common;
        private final RuntimeException failure;

        FailingCommand(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public void run() {
            throw failure;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(RuntimeException failure, String... args) {
        CommandLine cli = new CommandLine(new FailingCommand(failure))
                .setExecutionExceptionHandler(new ErrorReporter());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithoutStackTrace() {
        assertThat(run(new IllegalStateException("secret detail"), "--locale", "en")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("ozg: [OZG-CLI-901] Internal error (java.lang.IllegalStateException). "
                + "Please report it; run with --verbose to see the details." + System.lineSeparator());
    }

    @Test
    void internalErrorShowsTheStackTraceWithVerbose() {
        assertThat(run(new IllegalStateException("detail"), "--verbose")).isEqualTo(3);
        assertThat(err.toString()).contains("java.lang.IllegalStateException: detail").contains("\tat ");
    }

    @Test
    void securityFailureIsUnusableInput() {
        assertThat(run(new SecurityCheckException(CliError.NOT_A_FILE, "x"))).isEqualTo(2);
        assertThat(err.toString()).startsWith("ozg: [OZG-CLI-102] x ");
    }

    @Test
    void processingFailureOfTheSdkIsAnInternalErrorWithItsMessage() {
        assertThat(run(new ProcessingException(CliError.FILE_UNREADABLE, "a.json", "disk"), "--locale", "en"))
                .isEqualTo(3);
        assertThat(err.toString()).startsWith("ozg: [OZG-CLI-103] The file a.json cannot be read (disk).")
                .contains("ozg: Internal error (de.ozgsdk.core.ProcessingException)");
    }
}
