package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.portal.PortalError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of stored drafts and receipts. Form data are stored as entered (every value a string, blank group
 * instances kept), not in the typed JSON of {@code FormDataJson}, which would turn {@code 31.01.2024} into
 * {@code 2024-01-31} and lose what the citizen typed.
 */
final class PayloadCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FORMAT = 1;

    private PayloadCodec() {
    }

    static byte[] write(DraftPayload p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("serviceVersion", p.serviceVersion);
        root.put("stage", p.stage.name());
        root.put("step", p.step);
        root.put("furthestStep", p.furthestStep);
        root.put("errorsAt", p.errorsAt);
        root.put("locale", p.locale.toLanguageTag());
        root.set("data", data(p.data));
        ArrayNode prefilled = root.putArray("prefilled");
        p.prefilled.forEach(path -> prefilled.add(path.toString()));
        ObjectNode locked = root.putObject("locked");
        p.locked.forEach((path, value) -> locked.put(path.toString(), value));
        p.trustLevel.ifPresent(level -> root.put("trustLevel", level.name()));
        p.postboxReference.ifPresent(ref -> root.put("postboxReference", ref));
        p.fee.ifPresent(fee -> root.put("fee", fee.toPlainString()));
        return JSON.writeValueAsBytes(root);
    }

    static DraftPayload read(byte[] json, UUID draftId) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("format").asInt() != FORMAT) {
                throw invalid(draftId, "unknown format " + root.path("format"), null);
            }
            DraftPayload p = new DraftPayload(root.path("serviceVersion").asString(),
                    Stage.valueOf(root.path("stage").asString()), Locale.forLanguageTag(root.path("locale").asString()),
                    data(root.path("data")));
            p.step = root.path("step").asInt();
            p.furthestStep = root.path("furthestStep").asInt();
            p.errorsAt = root.path("errorsAt").asInt(-1);
            root.path("prefilled").forEach(path -> p.prefilled.add(DataPath.parse(path.asString())));
            for (Map.Entry<String, JsonNode> e : root.path("locked").properties()) {
                p.locked.put(DataPath.parse(e.getKey()), e.getValue().asString());
            }
            p.trustLevel = text(root, "trustLevel").map(TrustLevel::valueOf);
            p.postboxReference = text(root, "postboxReference");
            p.fee = text(root, "fee").map(Money::parse);
            return p;
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid(draftId, e.getClass().getSimpleName(), e);
        }
    }

    static byte[] writeReceipt(SubmissionReceipt r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("submissionId", r.submissionId().toString());
        root.put("applicationId", r.applicationId().toString());
        root.put("tenant", r.tenant().value());
        root.put("municipality", r.municipality());
        root.put("serviceId", r.serviceId());
        root.put("serviceVersion", r.serviceVersion());
        root.put("serviceTitle", r.serviceTitle());
        root.put("locale", r.locale().toLanguageTag());
        root.put("submittedAt", r.submittedAt().toString());
        root.put("timestampTime", r.timestampTime().toString());
        root.put("timestampToken", Base64.getEncoder().encodeToString(r.timestampToken()));
        root.put("messageDigest", Base64.getEncoder().encodeToString(r.messageDigest()));
        r.fee().ifPresent(fee -> root.put("fee", fee.toPlainString()));
        r.paymentReference().ifPresent(ref -> root.put("paymentReference", ref));
        root.put("intro", r.intro());
        root.set("data", data(r.data()));
        r.postboxMessageId().ifPresent(id -> root.put("postboxMessageId", id.toString()));
        return JSON.writeValueAsBytes(root);
    }

    static SubmissionReceipt readReceipt(byte[] json, UUID applicationId) {
        try {
            JsonNode root = JSON.readTree(json);
            return new SubmissionReceipt(UUID.fromString(root.path("submissionId").asString()),
                    UUID.fromString(root.path("applicationId").asString()),
                    TenantId.parse(root.path("tenant").asString()), root.path("municipality").asString(),
                    root.path("serviceId").asString(), root.path("serviceVersion").asString(),
                    root.path("serviceTitle").asString(), Locale.forLanguageTag(root.path("locale").asString()),
                    Instant.parse(root.path("submittedAt").asString()),
                    Instant.parse(root.path("timestampTime").asString()),
                    Base64.getDecoder().decode(root.path("timestampToken").asString()),
                    Base64.getDecoder().decode(root.path("messageDigest").asString()),
                    text(root, "fee").map(Money::parse), text(root, "paymentReference"),
                    root.path("intro").asString(), data(root.path("data")),
                    text(root, "postboxMessageId").map(UUID::fromString));
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid(applicationId, e.getClass().getSimpleName(), e);
        }
    }

    /** Fields as arrays of strings, groups as arrays of objects, in the data's order. */
    static ObjectNode data(FormData data) {
        ObjectNode node = JSON.createObjectNode();
        for (String id : data.ids()) {
            ArrayNode array = node.putArray(id);
            if (data.isGroup(id)) {
                data.groups(id).forEach(instance -> array.add(data(instance)));
            } else {
                data.values(id).forEach(array::add);
            }
        }
        return node;
    }

    static FormData data(JsonNode node) {
        FormData.Builder builder = FormData.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode array = e.getValue();
            if (!array.isArray()) {
                throw new IllegalArgumentException("not an array");
            }
            if (!array.isEmpty() && array.get(0).isObject()) {
                List<FormData> instances = new ArrayList<>();
                array.forEach(instance -> instances.add(data(instance)));
                builder.groups(e.getKey(), instances);
            } else {
                List<String> values = new ArrayList<>();
                array.forEach(value -> values.add(value.asString()));
                builder.values(e.getKey(), values);
            }
        }
        return builder.build();
    }

    private static Optional<String> text(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    private static ProcessingException invalid(UUID id, String what, Exception cause) {
        return new ProcessingException(PortalError.RUNTIME_STORED_STATE_INVALID, cause, id, what);
    }
}
