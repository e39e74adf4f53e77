package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.fitconnect.FitConnectAttachment;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectDiagnostics;
import de.ozgsdk.transfer.fitconnect.FitConnectDiagnostics.DestinationInfo;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ozg transfer send MESSAGE.xml --destination ID}: one FIT-Connect submission, step by step, exactly once
 * through a local ledger (a re-run after a crash resumes or finds the same submission instead of sending twice).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {
            "Sends one application message (XML) with its attachments to a FIT-Connect",
            "destination and prints each step: token, destination, key, create, each",
            "attachment, submit, and the final event. Sending the same files to the same",
            "destination again (e.g. after a crash) resumes or finds the earlier",
            "submission instead of sending a second one (ledger in ozg.transfer.ledger-dir).",
            "",
            "Exit codes: 0 = submitted, 1 = rejected by the receiver, 2 = unusable",
            "input, setting or destination, or FIT-Connect unavailable, 3 = internal error."
        })
public final class TransferSendCommand implements Callable<Integer>, HasCommonOptions {

    /** The largest message or attachment file sent: the command holds each file in memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    @Mixin
    private CommonOptions common;

    @Mixin
    private TransferCommand.ConfigOption config;

    @Parameters(index = "0", paramLabel = "MESSAGE.xml", description = "The application message (XÖV XML).")
    private Path message;

    @Option(names = "--destination", required = true, paramLabel = "ID", description = "Destination id (UUID).")
    private String destinationId;

    @Option(names = "--leika", required = true, paramLabel = "KEY",
            description = "Leika key of the service (14 digits); the service type is urn:de:fim:leika:leistung:KEY.")
    private String leikaKey;

    @Option(names = "--service-name", paramLabel = "NAME",
            description = "Name of the service in the submission (default: Leistung KEY).")
    private String serviceName;

    @Option(names = "--schema", paramLabel = "URI", description = "Schema URI of the data; default: the one schema "
            + "the destination offers for the service.")
    private URI schemaUri;

    @Option(names = "--attachment", paramLabel = "FILE", description = "An attachment (repeatable, at most "
            + FitConnectChannel.MAX_ATTACHMENTS + ").")
    private List<Path> attachmentFiles = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "Our submission id (the ledger key; default: derived "
            + "from destination, message and attachments, so that a re-run finds the earlier submission).")
    private String ourId;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        UUID destination = TransferCommand.uuid("--destination " + destinationId, destinationId);
        LeikaKey leika = LeikaKey.parse(leikaKey);
        byte[] data = read(message);
        List<FitConnectAttachment> attachments = new ArrayList<>();
        for (Path file : attachmentFiles) {
            attachments.add(FitConnectAttachment.of(read(file), file.getFileName().toString(), mimeType(file),
                    "attachment"));
        }
        TransferSettings settings = config.settings();
        FitConnectConfig fitConnect = settings.fitConnect();
        String submissionId = ourId != null ? ourId : derivedId(destination, data, attachments);
        PrintWriter out = spec.commandLine().getOut();

        FitConnectDiagnostics diagnostics = FitConnectDiagnostics.of(fitConnect);
        diagnostics.token();
        step(out, "token", "ok");
        DestinationInfo info = diagnostics.destination(destination);
        step(out, "destination", destination + ": " + info.status() + ", metadata "
                + String.join(", ", info.metadataVersions()));
        step(out, "key", info.encryptionKid() + ": " + (info.encryptionKey().bits() == 0 ? "unreadable"
                : "RSA " + info.encryptionKey().bits() + " bit") + ", "
                + info.encryptionKey().problem().map(problem -> "REFUSED: " + problem).orElse("chain trusted"));
        FitConnectTarget target = FitConnectTarget.xml(destination, leika,
                serviceName != null ? serviceName : "Leistung " + leika, schemaFor(info, leika));

        try (Database database = Database.h2File(settings.ledgerDirectory())) {
            FitConnectLedger ledger = FitConnectLedger.of(database, Clock.systemUTC());
            boolean known = ledger.find(submissionId).isPresent();
            step(out, "ledger", submissionId + (known ? " (recorded earlier: resuming)" : " (new)") + " in "
                    + settings.ledgerDirectory());
            FitConnectChannel channel = FitConnectChannel.builder(fitConnect, ledger, target)
                    .attachments(application -> attachments)
                    .build();
            Receipt receipt;
            try {
                receipt = channel.send(OutgoingApplication.of(submissionId, data));
            } catch (OzgException e) {
                ledger.find(submissionId).ifPresent(entry -> step(out, "create", "FIT-Connect submission "
                        + entry.submissionId() + ", case " + entry.caseId() + (entry.submitted() ? ", submitted"
                        : ", not submitted: run the same command again to resume it")));
                out.flush();
                throw e;
            }
            FitConnectLedger.Entry entry = ledger.find(submissionId).orElseThrow();
            step(out, "create", "FIT-Connect submission " + entry.submissionId() + ", case " + entry.caseId());
            for (int i = 0; i < entry.attachmentIds().size(); i++) {
                step(out, "attachment", (i + 1) + " of " + entry.attachmentIds().size() + ": "
                        + entry.attachmentIds().get(i) + " (" + attachments.get(i).content().length + " bytes)");
            }
            step(out, "submit", receipt.alreadyDelivered() ? "submitted earlier (not sent again)" : "submitted");
            var events = channel.events(submissionId);
            if (!events.isEmpty()) {
                var last = events.get(events.size() - 1);
                step(out, "event", last.event().uri().substring(last.event().uri().lastIndexOf('/') + 1) + " at "
                        + last.issuedAt() + " (signature verified)");
            }
            out.println("submission " + entry.submissionId() + " case " + entry.caseId());
            out.println("follow it with: ozg transfer status " + entry.submissionId());
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void step(PrintWriter out, String step, String what) {
        out.printf(Locale.ROOT, "%-12s %s%n", step + ":", what);
        out.flush();
    }

    private URI schemaFor(DestinationInfo info, LeikaKey leika) {
        if (schemaUri != null) {
            return schemaUri;
        }
        String identifier = "urn:de:fim:leika:leistung:" + leika;
        List<String> schemas = info.services().stream()
                .filter(service -> service.identifier().equals(identifier))
                .flatMap(service -> service.schemaUris().stream())
                .distinct()
                .toList();
        if (schemas.size() != 1) {
            throw new InvalidInputException(CliError.TRANSFER_ID_INVALID, "--schema",
                    "the destination offers " + schemas.size() + " schemas for " + identifier
                            + "; give the schema URI with --schema");
        }
        return URI.create(schemas.get(0));
    }

    /** A stable id of destination, message and attachments: the same call finds its earlier submission. */
    static String derivedId(UUID destination, byte[] data, List<FitConnectAttachment> attachments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(destination.toString().getBytes(StandardCharsets.US_ASCII));
            feed(sha, data);
            for (FitConnectAttachment attachment : attachments) {
                feed(sha, attachment.filename().getBytes(StandardCharsets.UTF_8));
                feed(sha, attachment.content());
            }
            return "cli-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void feed(MessageDigest sha, byte[] part) {
        sha.update(Long.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(part);
    }

    private static byte[] read(Path file) {
        Inputs.requireReadableFile(file);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(CliError.FILE_TOO_LARGE, file, size, MAX_FILE_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mimeType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return Optional.ofNullable(switch (extension) {
            case "pdf" -> "application/pdf";
            case "xml" -> "application/xml";
            case "json" -> "application/json";
            case "txt" -> "text/plain";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "tif", "tiff" -> "image/tiff";
            default -> null;
        }).orElse("application/octet-stream");
    }
}
