package de.ozgsdk.payment.xbezahldienste;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.payment.PaymentError;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client proves who it is to the payment service: a TLS client certificate (ePayBL konnektor, GiroCheckout on
 * request) or OAuth2 client credentials with a cached access token (pmPayment, GiroCheckout with scope {@code post}).
 *
 * <pre>{@code
 * XBezahldiensteAuthentication konnektor = XBezahldiensteAuthentication.mutualTls(
 *         PrivateKeyCredential.fromPkcs12(configDir.resolve("konnektor-client.p12"), p12Password));
 * XBezahldiensteAuthentication giroCheckout = XBezahldiensteAuthentication.clientCredentials(
 *         XBezahldienstePreset.GIROCHECKOUT.tokenEndpoint("").orElseThrow(), clientId, clientSecret)
 *         .withScope("post");
 * }</pre>
 *
 * <p>Credentials come from the configuration of the portal, never from code; {@link #toString()} shows neither key
 * nor secret.
 */
public final class XBezahldiensteAuthentication {

    private final Optional<PrivateKeyCredential> clientCertificate;
    private final Optional<URI> tokenEndpoint;
    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final Optional<String> scope;

    private XBezahldiensteAuthentication(Optional<PrivateKeyCredential> clientCertificate, Optional<URI> tokenEndpoint,
            Optional<String> clientId, Optional<String> clientSecret, Optional<String> scope) {
        this.clientCertificate = clientCertificate;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
    }

    /** Mutual TLS: the client presents {@code credential} in every TLS handshake with the payment service. */
    public static XBezahldiensteAuthentication mutualTls(PrivateKeyCredential credential) {
        return new XBezahldiensteAuthentication(Optional.of(Objects.requireNonNull(credential, "credential")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * OAuth2 client credentials (RFC 6749 section 4.4, client authentication by HTTP Basic): the client fetches an
     * access token at {@code tokenEndpoint}, caches it until shortly before it expires, and fetches a new one when
     * the payment service answers 401.
     *
     * @throws ConfigurationException if the endpoint is not an absolute https URL (http only on localhost) or id or
     *     secret is empty
     */
    public static XBezahldiensteAuthentication clientCredentials(URI tokenEndpoint, String clientId,
            String clientSecret) {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        XBezahldiensteClient.requireSecureUrl("tokenEndpoint", tokenEndpoint);
        if (clientId.isBlank()) {
            throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "clientId", "it is empty");
        }
        if (clientSecret.isEmpty()) {
            throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "clientSecret",
                    "it is empty");
        }
        return new XBezahldiensteAuthentication(Optional.empty(), Optional.of(tokenEndpoint), Optional.of(clientId),
                Optional.of(clientSecret), Optional.empty());
    }

    /** These client credentials asking for {@code tokenScope} (GiroCheckout: {@code post}). */
    public XBezahldiensteAuthentication withScope(String tokenScope) {
        Objects.requireNonNull(tokenScope, "tokenScope");
        if (tokenEndpoint.isEmpty()) {
            throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "scope",
                    "a scope belongs to OAuth2 client credentials, not to mutual TLS");
        }
        return new XBezahldiensteAuthentication(clientCertificate, tokenEndpoint, clientId, clientSecret,
                Optional.of(tokenScope));
    }

    /** Whether this is mutual TLS. */
    public boolean isMutualTls() {
        return clientCertificate.isPresent();
    }

    Optional<PrivateKeyCredential> clientCertificate() {
        return clientCertificate;
    }

    Optional<URI> tokenEndpoint() {
        return tokenEndpoint;
    }

    Optional<String> clientId() {
        return clientId;
    }

    Optional<String> clientSecret() {
        return clientSecret;
    }

    Optional<String> scope() {
        return scope;
    }

    @Override
    public String toString() {
        return clientCertificate.map(c -> "mutual TLS (" + c + ")")
                .orElseGet(() -> "OAuth2 client credentials (client " + clientId.orElse("-") + " at "
                        + tokenEndpoint.map(URI::getHost).orElse("-").toLowerCase(Locale.ROOT)
                        + scope.map(s -> ", scope " + s).orElse("") + ")");
    }
}
