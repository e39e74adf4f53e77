/**
 * Messages, documents and status updates into the citizen's postbox: the {@link de.ozgsdk.postbox.Postbox} SPI with
 * {@link de.ozgsdk.postbox.ZbpPostbox} (the BundID postbox over FIT-Connect) and
 * {@link de.ozgsdk.postbox.PortalPostbox} (a portal's own postbox over HTTPS with mutual TLS), both through the outbox, the message model with every limit of
 * the postbox checked before sending, the {@link de.ozgsdk.postbox.HtmlWhitelist} and the
 * {@link de.ozgsdk.postbox.EmailNotice}. See {@code postbox/POSTBOX.md}.
 */
package de.ozgsdk.postbox;
