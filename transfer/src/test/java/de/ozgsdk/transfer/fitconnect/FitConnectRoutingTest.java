package de.ozgsdk.transfer.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectKeys.TestKey;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing: each route's signed destination information is verified against the portal's JWKS before use. */
class FitConnectRoutingTest {

    private static final LeikaKey SERVICE = LeikaKey.parse("99010003001006");
    private static final RegionalKey REGION = RegionalKey.parse("120645410000");

    private final MockWebServer server = new MockWebServer();
    private volatile String routes;
    private volatile RecordedRequest routeRequest;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/portal/jwks.json")) {
                    return new MockResponse.Builder().code(200).body(new JWKSet(FitConnectKeys.PORTAL
                            .publicJwk(KeyOperation.VERIFY, "PS512")).toString(true)).build();
                }
                routeRequest = request;
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(routes).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FitConnectRouting routing() {
        return FitConnectRouting.of(FitConnectConfig.builder()
                .tokenEndpoint(server.url("/token").uri())
                .client("api-client-1", "secret")
                .submissionApi(server.url("/").uri())
                .routing(server.url("/v1").uri(), server.url("/portal/jwks.json").uri())
                .trustAnchors(TrustedCertificates.of(List.of(FitConnectKeys.CA.certificate())))
                .build());
    }

    private String route(UUID destination, TestKey signer, Map<String, Object> overrides) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://portal.auth-testing.fit-connect.fitko.dev")
                .issueTime(new Date())
                .jwtID(UUID.randomUUID().toString())
                .claim("submissionHost", server.getHostName())
                .claim("destinationId", destination.toString())
                .claim("services", List.of(Map.of(
                        "gebietIDs", List.of("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:1206454"),
                        "leistungIDs", List.of("urn:de:fim:leika:leistung:" + SERVICE.value()))));
        overrides.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).type(JOSEObjectType.JWT)
                .keyID(signer.kid()).build(), claims.build());
        jwt.sign(new RSASSASigner(signer.privateJwk()));
        return "{\"count\":1,\"offset\":0,\"totalCount\":1,\"routes\":[{\"destinationId\":\"" + destination
                + "\",\"destinationSignature\":\"" + jwt.serialize()
                + "\",\"destinationName\":\"Bauamt Musterstadt\"}]}";
    }

    @Test
    void returnsTheVerifiedDestination() throws Exception {
        UUID destination = UUID.randomUUID();
        routes = route(destination, FitConnectKeys.PORTAL, Map.of());

        List<FitConnectRoute> found = routing().routes(SERVICE, REGION);

        assertThat(found).singleElement().satisfies(route -> {
            assertThat(route.destinationId()).isEqualTo(destination);
            assertThat(route.destinationName()).contains("Bauamt Musterstadt");
        });
        assertThat(routeRequest.getUrl().encodedPath()).isEqualTo("/v1/routes");
        assertThat(routeRequest.getUrl().queryParameter("leikaKey")).isEqualTo(SERVICE.value());
        assertThat(routeRequest.getUrl().queryParameter("ars")).isEqualTo(REGION.value());
    }

    @Test
    void refusesARouteSignedWithAnotherKey() throws Exception {
        TestKey forger = new TestKey(FitConnectKeys.PORTAL.kid(), FitConnectKeys.SERVICE.pair(),
                FitConnectKeys.SERVICE.certificate());
        routes = route(UUID.randomUUID(), forger, Map.of());

        assertRefused("signature does not verify");
    }

    @Test
    void refusesARouteWhoseSignedDestinationDiffers() throws Exception {
        routes = route(UUID.randomUUID(), FitConnectKeys.PORTAL, Map.of("destinationId", UUID.randomUUID().toString()));

        assertRefused("destinationId differs");
    }

    @Test
    void refusesARouteForAnotherDeliveryService() throws Exception {
        routes = route(UUID.randomUUID(), FitConnectKeys.PORTAL, Map.of("submissionHost", "evil.example"));

        assertRefused("submissionHost");
    }

    @Test
    void refusesARouteThatDoesNotNameTheRegion() throws Exception {
        routes = route(UUID.randomUUID(), FitConnectKeys.PORTAL, Map.of("services", List.of(Map.of(
                "gebietIDs", List.of("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:05"),
                "leistungIDs", List.of("urn:de:fim:leika:leistung:" + SERVICE.value())))));

        assertRefused("do not name service");
    }

    private void assertRefused(String reason) {
        assertThatThrownBy(() -> routing().routes(SERVICE, REGION))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> {
                    assertThat(e.code()).isEqualTo(TransferError.FITCONNECT_ROUTE_INVALID);
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
