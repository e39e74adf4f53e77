/**
 * Delivery of applications to back-office systems (Fachverfahren) exactly once: the {@link
 * de.ozgsdk.transfer.SubmissionChannel} SPI, driven by the outbox through {@link de.ozgsdk.transfer.ChannelRouter},
 * HTTPS with mutual TLS ({@link de.ozgsdk.transfer.HttpsChannel}), a file drop with done markers
 * ({@link de.ozgsdk.transfer.FileDropChannel}) and FIT-Connect ({@code de.ozgsdk.transfer.fitconnect}). See
 * {@code transfer/TRANSFER.md}.
 */
package de.ozgsdk.transfer;
