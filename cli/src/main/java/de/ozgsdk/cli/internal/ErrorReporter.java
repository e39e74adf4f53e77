package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.ErrorKind;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.transfer.TransferError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception of a command into a message on stderr and an exit code: the input's fault
 * is {@link ExitCodes#UNUSABLE} with the SDK's message (what, where, how to fix) and its code; anything else is
 * {@link ExitCodes#INTERNAL}. Stack traces only with {@code --verbose}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {

    /** Kinds of SDK errors that mean "the input or the call is unusable", as opposed to a failure of the tool. */
    private static final Set<ErrorKind> INPUT_KINDS = EnumSet.of(ErrorKind.INVALID_INPUT, ErrorKind.SECURITY,
            ErrorKind.NOT_FOUND, ErrorKind.CONFIGURATION);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        CommonOptions options = commandLine.getCommand() instanceof HasCommonOptions command
                ? command.common() : new CommonOptions();
        PrintWriter err = commandLine.getErr();
        int exitCode = report(exception, options.locale(), err);
        if (options.verbose()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    private static int report(Exception exception, Locale locale, PrintWriter err) {
        String fileName = null;
        Throwable failure = exception;
        if (exception instanceof InputFailure input) {
            fileName = input.fileName();
            failure = input.ozgCause();
        }
        if (failure instanceof OzgException ozg) {
            String message = ozg.userMessage(locale);
            String where = fileName == null || mentions(message, fileName) ? "" : fileName + ": ";
            err.println("ozg: [" + ozg.code().code() + "] " + where + message);
            if (ozg.code() == TransferError.FITCONNECT_REJECTED) {
                return ExitCodes.FINDINGS; // the receiver's verdict on the data, not a failure of the call
            }
            if (INPUT_KINDS.contains(ozg.kind()) || ozg.kind() == ErrorKind.REMOTE_FAILURE) {
                // A remote system that is down or refuses is no bug of the tool: the message says what to do.
                return ExitCodes.UNUSABLE;
            }
            err.println("ozg: " + internal(ozg, locale));
            return ExitCodes.INTERNAL;
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            InvalidInputException unreadable = new InvalidInputException(CliError.FILE_UNREADABLE, failure,
                    fileName == null ? "-" : fileName, failure.getClass().getSimpleName());
            err.println("ozg: [" + unreadable.code().code() + "] " + unreadable.userMessage(locale));
            return ExitCodes.UNUSABLE;
        }
        err.println("ozg: [" + CliError.INTERNAL_ERROR.code() + "] " + internal(failure, locale));
        return ExitCodes.INTERNAL;
    }

    private static boolean mentions(String message, String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return message.contains(fileName.substring(slash + 1));
    }

    private static String internal(Throwable failure, Locale locale) {
        return new InternalError(failure).userMessage(locale);
    }

    /** Formats {@link CliError#INTERNAL_ERROR} naming the exception class (never its message: it may hold data). */
    private static final class InternalError extends OzgException {
        private static final long serialVersionUID = 1L;

        InternalError(Throwable failure) {
            super(CliError.INTERNAL_ERROR, failure, failure.getClass().getName());
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.PROCESSING;
        }
    }
}
