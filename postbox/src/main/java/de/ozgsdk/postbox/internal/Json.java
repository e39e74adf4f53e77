package de.ozgsdk.postbox.internal;

import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.StatusUpdate;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of the BundID postbox: {@code message_v6} and {@code status_v6}. */
public final class Json {

    /** The one mapper of the module. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The {@code message_v6} object of a message. */
    public static ObjectNode message(PostboxMessage message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mailboxUuid", message.mailboxUuid().toString());
        node.put("sender", message.sender());
        node.put("title", message.title());
        node.put("content", message.content());
        node.put("service", message.service());
        node.put("stork_qaa_level", message.storkQaaLevel());
        message.applicationId().ifPresent(id -> node.put("applicationId", id.toString()));
        message.retrievalConfirmationAddress().ifPresent(a -> node.put("retrievalConfirmationAddress", a));
        message.replyAddress().ifPresent(a -> node.put("replyAddress", a));
        message.reference().ifPresent(r -> node.put("reference", r));
        message.senderUrl().ifPresent(u -> node.put("senderUrl", u.toString()));
        ArrayNode attachments = node.putArray("attachments");
        for (PostboxMessage.Attachment attachment : message.attachments()) {
            attachments.addObject()
                    .put("filename", attachment.filename())
                    .put("sha512sum", attachment.sha512Hex())
                    .put("contentLength", attachment.content().length);
        }
        return node;
    }

    /** The {@code status_v6} object of a status update. */
    public static ObjectNode status(StatusUpdate update) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("applicationId", update.applicationId().toString());
        node.put("status", update.status().name());
        node.putObject("publicServiceName").put("de", update.publicServiceName());
        node.put("senderName", update.senderName());
        node.put("createdDate", DateTimeFormatter.ISO_INSTANT.format(update.createdDate()));
        update.statusDetails().ifPresent(text -> node.putObject("statusDetails").put("de", text));
        update.additionalInformation().ifPresent(text -> node.putObject("additionalInformation").put("de", text));
        update.reference().ifPresent(r -> node.put("reference", r));
        return node;
    }
}
