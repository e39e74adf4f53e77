package de.ozgsdk.cli.internal;

import de.ozgsdk.transfer.fitconnect.FitConnectDiagnostics;
import de.ozgsdk.transfer.fitconnect.FitConnectDiagnostics.DestinationInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ozg transfer destination ID}: a destination's public information and the check of its encryption key. */
@Command(name = "destination", mixinStandardHelpOptions = true,
        description = {
            "Shows a FIT-Connect destination (Zustellpunkt): status, encryption key id,",
            "key size and chain check against the configured trust anchor, accepted",
            "metadata versions and service types.",
            "",
            "Exit codes: 0 = active with a usable key, 1 = not active or key refused,",
            "2 = unusable id, setting or answer, 3 = internal error."
        })
public final class TransferDestinationCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Mixin
    private TransferCommand.ConfigOption config;

    @Parameters(index = "0", paramLabel = "ID", description = "The destination id (UUID).")
    private String destinationId;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        var id = TransferCommand.uuid("destination id " + destinationId, destinationId);
        FitConnectDiagnostics fitConnect = FitConnectDiagnostics.of(config.settings().fitConnect());
        DestinationInfo destination = fitConnect.destination(id);
        PrintWriter out = spec.commandLine().getOut();
        boolean usable = print(out, destination);
        out.flush();
        return usable ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Prints the destination; whether a sender can use it (active, key accepted). */
    static boolean print(PrintWriter out, DestinationInfo destination) {
        out.println("destination " + destination.destinationId());
        out.println("  status:            " + (destination.status().isEmpty() ? "(none)" : destination.status())
                + (destination.active() ? "" : "  <- not active: submissions are refused"));
        out.println("  encryption key:    " + (destination.encryptionKid().isEmpty() ? "(none)"
                : destination.encryptionKid()));
        FitConnectDiagnostics.KeyCheck key = destination.encryptionKey();
        out.println("  key size:          " + (key.bits() == 0 ? "unreadable" : "RSA " + key.bits() + " bit"));
        out.println("  key check:         " + key.problem().map(problem -> "REFUSED: " + problem)
                .orElse("ok (wrapKey, RSA-OAEP-256, x5c chain trusted by the trust anchor)"));
        out.println("  metadata versions: " + (destination.metadataVersions().isEmpty() ? "(none)"
                : String.join(", ", destination.metadataVersions())));
        if (destination.services().isEmpty()) {
            out.println("  services:          (none)");
        }
        for (FitConnectDiagnostics.Service service : destination.services()) {
            out.println("  service:           " + service.identifier());
            for (String schema : service.schemaUris()) {
                out.println("    schema:          " + schema);
            }
        }
        return destination.active() && key.usable();
    }
}
