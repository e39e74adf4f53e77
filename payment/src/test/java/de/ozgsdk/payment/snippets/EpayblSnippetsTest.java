package de.ozgsdk.payment.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.PaymentReference;
import de.ozgsdk.payment.epaybl.EpayblPaypage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The code samples of the ePayBL Paypage Javadoc and EPAYBL.md (checked by DocSnippetsTest in the examples module);
 * the client's samples run against the ePayBL mock in the sandbox's snippet tests.
 */
class EpayblSnippetsTest {

    private final byte[] backlinkKey = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final String eShopKundenNr = "3f1c0a9e5b7d2c4e6a8b0c1d2e3f40-0a0b0c0d";
    private final String requestId = "9f86d081884c7d659a2feaa0c55ad015-1";
    private final PaymentReference reference = new PaymentReference(TenantId.parse("051110000000"), requestId,
            "4200000000061");
    private final Map<String, List<String>> returnParameters = Map.of("schritt", List.of("7"));

    @Test
    void paypageUrlWithSignedBacklinks() {
        // @start region="epaybl-paypage"
        EpayblPaypage paypage = EpayblPaypage.of(URI.create("https://epay.example.de/paypage/login.do"), backlinkKey);
        URI payPage = paypage.url("1610000000", eShopKundenNr, "4200000000061", requestId,
                URI.create("https://service.example.de/parken/bezahlt"));
        Optional<EpayblPaypage.Result> result = paypage.verify(reference, returnParameters); // empty: no backlink
        // @end
        assertThat(payPage.toString()).startsWith("https://epay.example.de/paypage/login.do?mandant=1610000000&")
                .contains("backlinkSuccess=", "backlinkAbort=");
        assertThat(result).isEmpty();
    }
}
