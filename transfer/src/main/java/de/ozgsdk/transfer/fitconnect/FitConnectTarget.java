package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.transfer.TransferError;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and as what a {@link FitConnectChannel} submits: the destination (Zustellpunkt) id, the service
 * ({@code serviceType}: its name and {@code urn:de:fim:leika:leistung:<Leika key>}) and the schema of the data
 * ({@code submissionSchema}: {@code schemaUri} and {@code mimeType}, e.g. the XÖV schema and {@code application/xml}).
 *
 * @param destinationId the destination's id (from the Routing API or the destination's operators)
 * @param service the Leika key of the service
 * @param serviceName the service's name, as {@code serviceType.name}
 * @param schemaUri the URI of the data's schema
 * @param dataMimeType {@code application/xml} or {@code application/json}
 */
public record FitConnectTarget(UUID destinationId, LeikaKey service, String serviceName, URI schemaUri,
        String dataMimeType) {

    public FitConnectTarget {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(schemaUri, "schemaUri");
        Objects.requireNonNull(dataMimeType, "dataMimeType");
        if (!"application/xml".equals(dataMimeType) && !"application/json".equals(dataMimeType)) {
            throw new InvalidInputException(TransferError.FITCONNECT_CONFIG_INVALID, "dataMimeType",
                    dataMimeType + " is neither application/xml nor application/json");
        }
        if (!schemaUri.isAbsolute() || serviceName.isBlank()) {
            throw new InvalidInputException(TransferError.FITCONNECT_CONFIG_INVALID, "target",
                    "schemaUri must be absolute and serviceName not blank");
        }
    }

    /** An XML application (the XÖV application message) of {@code service} under {@code schemaUri}. */
    public static FitConnectTarget xml(UUID destinationId, LeikaKey service, String serviceName, URI schemaUri) {
        return new FitConnectTarget(destinationId, service, serviceName, schemaUri, "application/xml");
    }

    /** The {@code serviceType.identifier}: {@code urn:de:fim:leika:leistung:<Leika key>}. */
    public String serviceIdentifier() {
        return "urn:de:fim:leika:leistung:" + service.value();
    }
}
