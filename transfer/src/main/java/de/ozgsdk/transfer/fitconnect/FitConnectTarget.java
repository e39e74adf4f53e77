package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.transfer.TransferError;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where and as what a {@link FitConnectChannel} submits: the destination (Zustellpunkt) id, the service
 * ({@code serviceType}: its name and identifier, {@code urn:de:fim:leika:leistung:<Leika key>} for an application, or
 * another URN such as the BundID postbox's {@code urn:schema-fitko-de:fit-connect:id.bund.de:message_v6}) and the schema
 * of the data ({@code submissionSchema}: {@code schemaUri} and {@code mimeType}, e.g. the XÖV schema and
 * {@code application/xml}).
 *
 * @param destinationId the destination's id (from the Routing API or the destination's operators)
 * @param serviceIdentifier the {@code serviceType.identifier}, a URN
 * @param serviceName the service's name, as {@code serviceType.name}
 * @param schemaUri the URI of the data's schema
 * @param dataMimeType {@code application/xml} or {@code application/json}
 */
public record FitConnectTarget(UUID destinationId, String serviceIdentifier, String serviceName, URI schemaUri,
        String dataMimeType) {

    /** A URN as {@code serviceType.identifier} of the Submission API accepts it. */
    private static final Pattern SERVICE_URN = Pattern.compile(
            "urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,.:=@;$_!*'%/?#-]+");

    /** Checks every part. */
    public FitConnectTarget {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(serviceIdentifier, "serviceIdentifier");
        if (!SERVICE_URN.matcher(serviceIdentifier).matches()) {
            throw new InvalidInputException(TransferError.FITCONNECT_CONFIG_INVALID, "serviceIdentifier",
                    serviceIdentifier + " is no URN such as urn:de:fim:leika:leistung:99010003001006");
        }
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
        return new FitConnectTarget(destinationId, "urn:de:fim:leika:leistung:" + service.value(), serviceName,
                schemaUri, "application/xml");
    }

    /**
     * JSON data of the service with this identifier (a URN, e.g. {@code urn:schema-fitko-de:fit-connect:id.bund.de:
     * message_v6} of the BundID postbox) under {@code schemaUri}.
     */
    public static FitConnectTarget json(UUID destinationId, String serviceIdentifier, String serviceName,
            URI schemaUri) {
        return new FitConnectTarget(destinationId, serviceIdentifier, serviceName, schemaUri, "application/json");
    }
}
