package de.ozgsdk.transfer.fitconnect.internal;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.transfer.TransferError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the FIT-Connect client and the checks of the delivery service's JSON answers. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The JSON tree of an answer body; a body that is no JSON is a retryable broken answer. */
    public static JsonNode read(byte[] body, Step step, String submission) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw invalid(step, submission, "empty body");
            }
            return node;
        } catch (JacksonException e) {
            throw invalid(step, submission, "no JSON: " + e.getClass().getSimpleName());
        }
    }

    /** The non-empty text member {@code name} of {@code node}. */
    public static String text(JsonNode node, String name, Step step, String submission) {
        JsonNode member = node.get(name);
        if (member == null || !member.isString() || member.asString().isEmpty()) {
            throw invalid(step, submission, "member " + name + " missing or not a string");
        }
        return member.asString();
    }

    /** The retryable failure for an answer that does not follow the Submission API. */
    public static RemoteSystemException invalid(Step step, String submission, String what) {
        return RemoteSystemException.builder(TransferError.FITCONNECT_ANSWER_INVALID, "FIT-Connect")
                .side(RemoteSystemException.Side.REMOTE)
                .arguments("FIT-Connect", step, submission, what)
                .build();
    }
}
