package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.transfer.fitconnect.FitConnectSubscriber;
import de.ozgsdk.transfer.fitconnect.PendingSubmission;
import de.ozgsdk.transfer.fitconnect.Problem;
import de.ozgsdk.transfer.fitconnect.ReceivedSubmission;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ozg transfer receive --destination ID -o DIR}: the subscriber side: fetches the pending submissions, decrypts
 * and checks them, stores each valid one in DIR and accepts it, rejects the others with the problems found.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {
            "Receives the submissions waiting at a FIT-Connect destination: fetches",
            "each, decrypts it with the destination's private key, checks the metadata",
            "against the metadata schema and every hash, writes data, attachments and",
            "metadata into DIR/<submission id>/ and then accepts it; a submission with",
            "problems is rejected with them (and not written).",
            "",
            "Exit codes: 0 = all received submissions accepted (or none waiting),",
            "1 = at least one rejected, 2 = unusable id, setting or answer, output",
            "not writable, 3 = internal error."
        })
public final class TransferReceiveCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Mixin
    private TransferCommand.ConfigOption config;

    @Option(names = "--destination", required = true, paramLabel = "ID", description = "Destination id (UUID).")
    private String destinationId;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory for the received submissions (created if missing).")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        UUID destination = TransferCommand.uuid("--destination " + destinationId, destinationId);
        TransferSettings settings = config.settings();
        TransferSettings.KeyFile decryption = settings.privateKey(TransferSettings.DECRYPTION_KEY);
        TransferSettings.KeyFile signing = settings.privateKey(TransferSettings.SIGNING_KEY);
        FitConnectSubscriber subscriber = FitConnectSubscriber.builder(settings.fitConnect(), destination)
                .decryptionKey(decryption.kid(), decryption.key())
                .signingKey(signing.kid(), signing.key())
                .metadataSchema(settings.existingFile(TransferSettings.METADATA_SCHEMA))
                .build();
        createDirectory(output);
        PrintWriter out = spec.commandLine().getOut();
        List<PendingSubmission> pending = subscriber.pending();
        out.println(pending.size() + " submission(s) waiting at destination " + destination);
        out.flush();
        int rejected = 0;
        for (PendingSubmission ids : pending) {
            ReceivedSubmission received = subscriber.fetch(ids);
            out.println("submission " + ids.submissionId() + " case " + ids.caseId() + ": fetched, "
                    + received.attachmentIds().size() + " attachment(s)");
            if (received.valid()) {
                Path directory = store(received);
                out.println("  checked: decrypted, metadata schema, data and attachment hashes ok");
                out.println("  written: " + directory);
                subscriber.accept(received);
                out.println("  accepted");
            } else {
                rejected++;
                for (Problem problem : received.problems()) {
                    out.println("  problem: " + TransferCommand.describe(problem));
                }
                subscriber.reject(received, received.problems());
                out.println("  rejected with " + received.problems().size() + " problem(s), nothing written");
            }
            out.flush();
        }
        return rejected == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * Writes data, metadata and attachments into a temporary directory and renames it to the submission id, so that
     * DIR never holds half a submission and a repeat (after a crash before the accept) replaces the earlier copy.
     */
    private Path store(ReceivedSubmission received) {
        Path target = output.resolve(received.ids().submissionId());
        Path temporary = output.resolve("." + received.ids().submissionId() + ".tmp");
        try {
            deleteRecursively(temporary);
            Files.createDirectories(temporary.resolve("attachments"));
            Files.write(temporary.resolve("data"), received.data().orElseThrow());
            Files.writeString(temporary.resolve("metadata.json"), received.metadata().orElseThrow(),
                    StandardCharsets.UTF_8);
            for (String attachmentId : received.attachmentIds()) {
                Files.write(temporary.resolve("attachments").resolve(attachmentId),
                        received.attachment(attachmentId).orElseThrow());
            }
            deleteRecursively(target);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            return target;
        } catch (IOException e) {
            throw new InvalidInputException(CliError.OUTPUT_UNWRITABLE, e, target, e.getClass().getSimpleName());
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new InvalidInputException(CliError.OUTPUT_UNWRITABLE, e, directory, e.getClass().getSimpleName());
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
