package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.transfer.fitconnect.AuthenticationTags;
import de.ozgsdk.transfer.fitconnect.FitConnectDiagnostics;
import de.ozgsdk.transfer.fitconnect.FitConnectDiagnostics.CheckedEvent;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.Problem;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken.Event;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ozg transfer status SUBMISSION-ID}: the event log of a FIT-Connect submission, each token verified. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Shows the event log of a FIT-Connect submission, each Security Event",
            "Token verified, with the problems of a reject. Case and destination come",
            "from the local ledger of 'ozg transfer send'; for a submission sent",
            "elsewhere (e.g. by the portal) give --case and --destination.",
            "",
            "Exit codes: 0 = accepted, 1 = rejected, not accepted yet or a token",
            "refused, 2 = unusable id, setting or answer, 3 = internal error."
        })
public final class TransferStatusCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Mixin
    private TransferCommand.ConfigOption config;

    @Parameters(index = "0", paramLabel = "SUBMISSION-ID", description = "FIT-Connect submission id (UUID).")
    private String submissionId;

    @Option(names = "--case", paramLabel = "ID", description = "Case id (UUID), if not in the local ledger.")
    private String caseId;

    @Option(names = "--destination", paramLabel = "ID", description = "Destination id (UUID), if not in the "
            + "local ledger.")
    private String destinationId;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        UUID submission = TransferCommand.uuid("submission id " + submissionId, submissionId);
        TransferSettings settings = config.settings();
        Optional<FitConnectLedger.Entry> recorded = caseId != null && destinationId != null ? Optional.empty()
                : recorded(settings, submission);
        UUID caseUuid = caseId != null ? TransferCommand.uuid("--case " + caseId, caseId)
                : recorded.map(entry -> UUID.fromString(entry.caseId())).orElseThrow(() -> notRecorded(submission));
        UUID destination = destinationId != null
                ? TransferCommand.uuid("--destination " + destinationId, destinationId)
                : recorded.map(entry -> UUID.fromString(entry.destinationId()))
                        .orElseThrow(() -> notRecorded(submission));
        List<CheckedEvent> events = FitConnectDiagnostics.of(settings.fitConnect())
                .events(destination, submission, caseUuid);
        PrintWriter out = spec.commandLine().getOut();
        out.println("submission " + submission + " case " + caseUuid + " destination " + destination);
        boolean accepted = false;
        boolean bad = false;
        for (CheckedEvent checked : events) {
            if (checked.token().isEmpty()) {
                bad = true;
                out.println("  REFUSED TOKEN: [" + checked.refusal().orElseThrow().code().code() + "] "
                        + checked.refusal().orElseThrow().userMessage(common.locale()));
                continue;
            }
            SecurityEventToken token = checked.token().get();
            out.println("  " + token.issuedAt() + "  " + name(token.event()) + "  (signature verified, by "
                    + (token.event().issuedBySubscriber() ? "the receiver" : "the delivery service") + ")");
            if (token.event() == Event.REJECT_SUBMISSION) {
                bad = true;
                if (token.problems().isEmpty()) {
                    out.println("    no problems given");
                }
                for (Problem problem : token.problems()) {
                    out.println("    problem: " + TransferCommand.describe(problem));
                }
            }
            if (token.event() == Event.ACCEPT_SUBMISSION) {
                Optional<AuthenticationTags> sent = recorded.flatMap(FitConnectLedger.Entry::authenticationTags);
                Optional<AuthenticationTags> received = token.authenticationTags();
                if (sent.isPresent() && received.isPresent() && !sent.get().equals(received.get())) {
                    bad = true;
                    out.println("    authentication tags DIFFER from the ones sent: "
                            + sent.get().differencesTo(received.get()));
                } else {
                    accepted = true;
                    out.println("    authentication tags " + (sent.isPresent() ? "equal the ones sent"
                            : "not compared (not sent from this ledger)"));
                }
            }
        }
        if (events.isEmpty()) {
            out.println("  (no events)");
        }
        String outcome = bad ? "NOT ACCEPTED" : accepted ? "ACCEPTED" : "not accepted yet";
        out.println("result: " + outcome);
        out.flush();
        return accepted && !bad ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    static String name(Event event) {
        return event.uri().substring(event.uri().lastIndexOf('/') + 1);
    }

    private static Optional<FitConnectLedger.Entry> recorded(TransferSettings settings, UUID submission) {
        if (!Files.isDirectory(settings.ledgerDirectory())) {
            return Optional.empty();
        }
        try (Database database = Database.h2File(settings.ledgerDirectory())) {
            return FitConnectLedger.of(database, Clock.systemUTC()).findBySubmissionId(submission.toString());
        }
    }

    private InvalidInputException notRecorded(UUID submission) {
        return new InvalidInputException(CliError.TRANSFER_ID_INVALID, "submission id " + submission,
                "it is not in the local ledger (ozg.transfer.ledger-dir); give --case and --destination");
    }
}
