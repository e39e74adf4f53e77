/**
 * The SDK's application message ({@code <antrag:antrag.einreichung.0001>} of {@code ozg-antrag-1.0.xsd}, namespace
 * {@code urn:ozgsdk:xoev:antrag:1.0}; see {@code xoev/MESSAGE.md}): a submitted application with Nachrichtenkopf,
 * {@link de.ozgsdk.xoev.message.ApplicationMetadata}, the Fachdaten as an {@link de.ozgsdk.xoev.message.XmlFragment}
 * and streamed attachments.
 *
 * <ul>
 *   <li>{@link de.ozgsdk.xoev.message.ApplicationMessageWriter} writes an
 *       {@link de.ozgsdk.xoev.message.ApplicationMessage} in one pass, attachments base64-streamed with constant
 *       memory, validating everything but the attachment content while writing.</li>
 *   <li>{@link de.ozgsdk.xoev.message.ApplicationMessageReader} reads one into a
 *       {@link de.ozgsdk.xoev.message.ReceivedApplication}, decoding attachment content chunk by chunk into an
 *       {@link de.ozgsdk.xoev.message.AttachmentSink} or spool files and checking size and SHA-256.</li>
 *   <li>{@link de.ozgsdk.xoev.message.ApplicationMessage#submissionDigest()} is what an RFC 3161 time-stamp of the
 *       submission covers; {@link de.ozgsdk.xoev.message.ReceivedApplication#verifyTimestamp} checks it.</li>
 * </ul>
 *
 * <p>Errors carry {@link de.ozgsdk.xoev.message.MessageError} codes ({@code OZG-XMSG-1xx}).
 */
package de.ozgsdk.xoev.message;
