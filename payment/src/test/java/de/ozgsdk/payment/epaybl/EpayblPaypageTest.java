package de.ozgsdk.payment.epaybl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.PaymentReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The Paypage link and its HMAC-signed backlinks. */
class EpayblPaypageTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final URI RETURN = URI.create("https://service.example.de/parken/bezahlt?schritt=7");
    private static final PaymentReference REFERENCE = new PaymentReference(TenantId.parse("051110000000"),
            "9f86d081884c7d659a2feaa0c55ad015-1", "420000000061");

    private final EpayblPaypage paypage = EpayblPaypage.of(URI.create("https://epay.example.de/paypage/login.do"),
            KEY);

    @Test
    void buildsTheLoginUrlWithBothBacklinks() {
        HttpUrl url = HttpUrl.get(paypage.url("1610000000", "kunde-1", "420000000061", REFERENCE.requestId(), RETURN)
                .toString());

        assertThat(url.encodedPath()).isEqualTo("/paypage/login.do");
        assertThat(url.queryParameter("mandant")).isEqualTo("1610000000");
        assertThat(url.queryParameter("EShopKundenNr")).isEqualTo("kunde-1");
        assertThat(url.queryParameter("kassenzeichen")).isEqualTo("420000000061");
        assertThat(url.queryParameter("backlinkSuccess")).startsWith(RETURN + "&ozgPayment=")
                .contains("result=success");
        assertThat(url.queryParameter("backlinkAbort")).contains("result=abort");
    }

    @Test
    void acceptsItsOwnBacklink() {
        URI backlink = paypage.backlink(RETURN, REFERENCE.requestId(), "420000000061", EpayblPaypage.Result.SUCCESS);

        assertThat(paypage.verify(REFERENCE, parameters(backlink))).contains(EpayblPaypage.Result.SUCCESS);
    }

    @Test
    void answersEmptyForAReturnWithoutBacklinkParameters() {
        assertThat(paypage.verify(REFERENCE, Map.of("schritt", List.of("7")))).isEmpty();
    }

    @Test
    void refusesABacklinkWithAChangedResult() {
        URI abort = paypage.backlink(RETURN, REFERENCE.requestId(), "420000000061", EpayblPaypage.Result.ABORT);
        URI forged = URI.create(abort.toString().replace("result=abort", "result=success"));

        assertRefused(forged, "signature");
    }

    @Test
    void refusesABacklinkSignedWithAnotherKey() {
        EpayblPaypage other = EpayblPaypage.of(paypage.loginUrl(),
                "another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII));
        URI backlink = other.backlink(RETURN, REFERENCE.requestId(), "420000000061", EpayblPaypage.Result.SUCCESS);

        assertRefused(backlink, "signature");
    }

    @Test
    void refusesTheValidBacklinkOfAnotherPayment() {
        URI backlink = paypage.backlink(RETURN, REFERENCE.requestId(), "420000000079", EpayblPaypage.Result.SUCCESS);

        assertRefused(backlink, "420000000079");
    }

    @Test
    void refusesARepeatedOrMissingParameter() {
        Map<String, List<String>> parameters = parameters(paypage.backlink(RETURN, REFERENCE.requestId(),
                "420000000061", EpayblPaypage.Result.SUCCESS));
        parameters.put("kassenzeichen", List.of("420000000061", "420000000079"));
        Map<String, List<String>> missing = new LinkedHashMap<>(Map.of("kassenzeichen", List.of("420000000061")));

        assertThatThrownBy(() -> paypage.verify(REFERENCE, parameters)).isInstanceOf(SecurityCheckException.class)
                .hasMessageContaining("2 times");
        assertThatThrownBy(() -> paypage.verify(REFERENCE, missing)).isInstanceOf(SecurityCheckException.class)
                .hasMessageContaining("0 times");
    }

    @Test
    void refusesAShortKeyAndALoginUrlWithQuery() {
        assertThatThrownBy(() -> EpayblPaypage.of(paypage.loginUrl(), new byte[31]))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-201"));
        assertThatThrownBy(() -> EpayblPaypage.of(URI.create("https://epay.example.de/login.do?x=1"), KEY))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> EpayblPaypage.of(URI.create("http://epay.example.de/login.do"), KEY))
                .isInstanceOf(ConfigurationException.class);
    }

    private void assertRefused(URI backlink, String why) {
        assertThatThrownBy(() -> paypage.verify(REFERENCE, parameters(backlink)))
                .isInstanceOfSatisfying(SecurityCheckException.class,
                        e -> assertThat(e.code().code()).isEqualTo("OZG-PAYMENT-207"))
                .hasMessageContaining(why);
    }

    private static Map<String, List<String>> parameters(URI uri) {
        HttpUrl url = HttpUrl.get(uri.toString());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        url.queryParameterNames().forEach(name -> parameters.put(name, url.queryParameterValues(name)));
        return parameters;
    }
}
