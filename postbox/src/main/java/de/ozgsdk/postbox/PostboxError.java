package de.ozgsdk.postbox;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the postbox module ({@code OZG-POSTBOX-1xx}). */
public enum PostboxError implements ErrorCode {
    /** A text field of a message or status update is empty or longer than its limit. */
    FIELD_LENGTH("OZG-POSTBOX-101"),
    /** An e-mail address of a message is no valid address. */
    ADDRESS_INVALID("OZG-POSTBOX-102"),
    /** The sender URL of a message is no absolute https URL. */
    SENDER_URL_INVALID("OZG-POSTBOX-103"),
    /** A message has more attachments than the postbox takes. */
    TOO_MANY_ATTACHMENTS("OZG-POSTBOX-110"),
    /** An attachment is larger than the postbox takes. */
    ATTACHMENT_TOO_LARGE("OZG-POSTBOX-111"),
    /** An attachment's file type (extension) is not among the allowed ones. */
    ATTACHMENT_TYPE_NOT_ALLOWED("OZG-POSTBOX-112"),
    /** An attachment's content is not of the type its extension names. */
    ATTACHMENT_CONTENT_MISMATCH("OZG-POSTBOX-113"),
    /** An attachment could not be read. */
    ATTACHMENT_UNREADABLE("OZG-POSTBOX-114"),
    /** Two attachments of a message have the same file name. */
    ATTACHMENT_NAME_REPEATED("OZG-POSTBOX-115"),
    /** An attachment is empty. */
    ATTACHMENT_EMPTY("OZG-POSTBOX-116"),
    /** The author credential of the ZBP envelope is unusable. */
    AUTHOR_CREDENTIAL_INVALID("OZG-POSTBOX-120"),
    /** A setting of a postbox transport is missing or invalid. */
    SETTING_INVALID("OZG-POSTBOX-121"),
    /** An outbox entry of the postbox cannot be read back. */
    PAYLOAD_UNREADABLE("OZG-POSTBOX-122"),
    /** The SMTP server did not take the e-mail notice. */
    NOTICE_FAILED("OZG-POSTBOX-140");

    private final String code;

    PostboxError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.postbox.messages";
    }
}
