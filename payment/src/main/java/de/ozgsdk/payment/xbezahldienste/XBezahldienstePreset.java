package de.ozgsdk.payment.xbezahldienste;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.payment.PaymentError;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the XBezahldienste interface of each known provider lives, as URL templates: only addresses, never
 * credentials (those come from the portal's configuration). {@code {host}} is the host the provider assigns to the
 * operator (the konnektor of a Land, the pmPayment environment); GiroCheckout has one public host.
 *
 * <pre>{@code
 * URI base = XBezahldienstePreset.EPAYBL_KONNEKTOR.baseUrl("konnektor.epaybl.example.de");
 * }</pre>
 */
public enum XBezahldienstePreset {
    /**
     * ePayBL through the Dataport konnektor: mutual TLS with the PKCS#12 client certificate the operator issues; the
     * konnektor serves XBezahldienste at its root.
     */
    EPAYBL_KONNEKTOR("https://{host}/", Optional.empty(), true),
    /**
     * pmPayment (the NRW municipal provider): OAuth2 client credentials. pmPayment assigns base URL and token endpoint
     * per customer, so the preset knows neither path: give the token endpoint from the contract documents.
     */
    PMPAYMENT("https://{host}/", Optional.empty(), false),
    /**
     * GiroCheckout: OAuth2 client credentials with opaque tokens and scope {@code post}; host and paths from the
     * GiroCheckout "xBezahldienste API" documentation (api.girocheckout.de).
     */
    GIROCHECKOUT("https://payment.girosolution.de/api/xbezahldienste/",
            Optional.of("https://payment.girosolution.de/api/xbezahldienste/auth/token"), false);

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    private final String baseUrlTemplate;
    private final Optional<String> tokenEndpointTemplate;
    private final boolean mutualTls;

    XBezahldienstePreset(String baseUrlTemplate, Optional<String> tokenEndpointTemplate, boolean mutualTls) {
        this.baseUrlTemplate = baseUrlTemplate;
        this.tokenEndpointTemplate = tokenEndpointTemplate;
        this.mutualTls = mutualTls;
    }

    /** The base URL template, e.g. {@code https://{host}/}. */
    public String baseUrlTemplate() {
        return baseUrlTemplate;
    }

    /** Whether the provider authenticates clients by mutual TLS (else by OAuth2 client credentials). */
    public boolean usesMutualTls() {
        return mutualTls;
    }

    /**
     * The base URL on {@code host} (ignored by presets with a fixed host).
     *
     * @throws ConfigurationException if the host is not a DNS name or address with an optional port
     */
    public URI baseUrl(String host) {
        return URI.create(fill(baseUrlTemplate, host));
    }

    /** The OAuth2 token endpoint on {@code host}; empty for mutual TLS and where the provider assigns it. */
    public Optional<URI> tokenEndpoint(String host) {
        return tokenEndpointTemplate.map(template -> URI.create(fill(template, host)));
    }

    private static String fill(String template, String host) {
        Objects.requireNonNull(host, "host");
        if (!template.contains("{host}")) {
            return template;
        }
        if (!HOST.matcher(host).matches()) {
            throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "host",
                    "give a DNS name with an optional port, such as konnektor.example.de:8443");
        }
        return template.replace("{host}", host);
    }
}
