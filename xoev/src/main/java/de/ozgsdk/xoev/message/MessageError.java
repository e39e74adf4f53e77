package de.ozgsdk.xoev.message;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the application message ({@code OZG-XMSG-1xx}); messages in
 * {@code de/ozgsdk/xoev/message/messages*.properties}. The first argument of every message is the system id of the
 * document (a file name or id given by the caller, never personal data).
 */
public enum MessageError implements ErrorCode {
    /** The message does not conform to the XML schema (line, column, element path and rule are named). */
    NOT_SCHEMA_VALID("OZG-XMSG-101"),
    /** An element is missing or out of place (reported also with validation switched off). */
    UNEXPECTED_ELEMENT("OZG-XMSG-102"),
    /** The message carries no Fachdaten element, or the Fachdaten fragment wrote no single element. */
    FACHDATEN_MISSING("OZG-XMSG-103"),
    /** The decoded content of an attachment has another size than its {@code groesse} says. */
    ATTACHMENT_SIZE_MISMATCH("OZG-XMSG-104"),
    /** The SHA-256 of the decoded content of an attachment differs from its {@code sha256}. */
    ATTACHMENT_DIGEST_MISMATCH("OZG-XMSG-105"),
    /** The content of an attachment is not valid base64 ({@code xs:base64Binary}). */
    BASE64_INVALID("OZG-XMSG-106"),
    /** A metadata value is malformed (e.g. a Leistungsschlüssel that is not 14 digits). */
    VALUE_INVALID("OZG-XMSG-107"),
    /** An attachment name is empty, too long, or contains a path separator or control character. */
    ATTACHMENT_NAME_INVALID("OZG-XMSG-108"),
    /** Writing the message to its output failed (I/O). */
    WRITE_FAILED("OZG-XMSG-109"),
    /** Reading the content of an attachment source failed (I/O). */
    ATTACHMENT_SOURCE_FAILED("OZG-XMSG-110"),
    /** Handing attachment content to the caller's sink failed (I/O). */
    ATTACHMENT_SINK_FAILED("OZG-XMSG-111"),
    /** The message carries no time-stamp token, so there is nothing to verify. */
    TIMESTAMP_MISSING("OZG-XMSG-112"),
    /** The message exceeds a limit of the reader (number of attachments, size of the Fachdaten). */
    LIMIT_EXCEEDED("OZG-XMSG-113"),
    /** The message builder got a whole header and also sender, recipient or clock for the header it would make. */
    HEADER_GIVEN_TWICE("OZG-XMSG-114");

    private final String code;

    MessageError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.xoev.message.messages";
    }
}
