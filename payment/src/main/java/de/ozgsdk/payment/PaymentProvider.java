package de.ozgsdk.payment;

import de.ozgsdk.core.TenantId;

/**
 * A payment service as the portal drives it (SPI): start a payment and send the browser to the pay page, then learn
 * the outcome by status query when the browser returns, or later when it never does. Implemented by the
 * XBezahldienste client and the classic ePayBL client; implementations are thread-safe.
 *
 * <p>Rules every implementation keeps: the order is checked before anything is sent ({@link PaymentOrder} does);
 * {@link #start} with the same {@link PaymentOrder#requestId()} never creates a second payment but answers the
 * existing one; {@link #complete} never trusts the return parameters, the outcome comes from the payment service.
 */
public interface PaymentProvider {

    /** A short name of the provider for records and logs, e.g. {@code xbezahldienste} or {@code epaybl}. */
    String name();

    /**
     * Creates the payment at the payment service (or finds the one already created for the same request id) and
     * answers where to send the browser.
     *
     * @throws de.ozgsdk.core.InvalidInputException if the order breaks a constraint of this provider
     * @throws de.ozgsdk.core.RemoteSystemException if the payment service failed or refused; retrying with the same
     *     order is safe
     */
    PaymentRedirect start(PaymentOrder order);

    /**
     * The outcome after the browser returned from the pay page, read from the payment service by status query;
     * {@link PaymentResult.Outcome#PENDING} while it is still open after the provider's polling deadline.
     *
     * @throws de.ozgsdk.core.SecurityCheckException if the return parameters name another payment
     */
    PaymentResult complete(PaymentReturn returned);

    /** The current outcome of a payment, read from the payment service. */
    PaymentResult status(PaymentReference reference);

    /**
     * Checks at start-up that the configuration works for a tenant (the payment service answers, authentication is
     * accepted, the tenant's endpoint is known), so that a wrong setting shows before the first citizen pays.
     *
     * @throws de.ozgsdk.core.ConfigurationException or {@link de.ozgsdk.core.RemoteSystemException} saying what is
     *     wrong
     */
    void checkConfiguration(TenantId tenant);
}
