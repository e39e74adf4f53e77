/**
 * FIT-Connect, the federal transport of applications to the Fachverfahren (and into the BundID postbox), on Nimbus
 * JOSE+JWT: {@link de.ozgsdk.transfer.fitconnect.FitConnectChannel} sends through the outbox exactly once,
 * {@link de.ozgsdk.transfer.fitconnect.FitConnectSubscriber} receives, decrypts, checks and accepts or rejects,
 * {@link de.ozgsdk.transfer.fitconnect.FitConnectRouting} finds destinations, and
 * {@link de.ozgsdk.transfer.fitconnect.CallbackVerifier} checks callbacks. See {@code transfer/TRANSFER.md}.
 */
package de.ozgsdk.transfer.fitconnect;
