package de.ozgsdk.sandbox.fitconnect;

import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.ROUTING_API;
import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;

/** The Routing API mock: routes by ARS, AGS and area, signed addressing information, area search, bad parameters. */
class RoutingTest {

    static final String LEIKA = "99123456760610";
    static final UUID COUNTY = UUID.randomUUID();
    static final UUID CITY = UUID.randomUUID();
    static final UUID CLOSED = UUID.randomUUID();
    static final RegionalKey HALLE = RegionalKey.parse("150020000000");
    static FitConnectSandbox sandbox;
    static Api api;

    @BeforeAll
    static void start() {
        sandbox = FitConnectSandbox.builder()
                .destination(SandboxDestination.builder(COUNTY).name("Landkreis").service(LeikaKey.parse(LEIKA),
                        "DE09330").build())
                .destination(SandboxDestination.builder(CITY).name("Stadt Halle").service(LeikaKey.parse(LEIKA),
                        "DE" + HALLE.value()).build())
                .destination(SandboxDestination.builder(CLOSED).service(LeikaKey.parse(LEIKA), "DE09")
                        .status(DestinationStatus.DECOMMISSIONED).build())
                .area(new SandboxArea("1024", "Halle (Saale)", "Kreisfreie Stadt", HALLE.value()))
                .area(new SandboxArea("77", "Hallertau", "Region", "09"))
                .start();
        api = new Api(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    List<String> destinationsOf(String query) {
        Api.Reply reply = api.get("/routing/v1/routes?leikaKey=" + LEIKA + "&" + query, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertValid(ROUTING_API, "route-result", reply.body());
        List<String> ids = new ArrayList<>();
        reply.json().get("routes").forEach(route -> ids.add(route.get("destinationId").stringValue()));
        return ids;
    }

    @Test
    void routesByArsToTheActiveDestinationsWhoseRegionCoversIt() {
        assertThat(destinationsOf("ars=093300411000")).containsExactly(COUNTY.toString());
        assertThat(destinationsOf("ars=" + HALLE.value())).containsExactly(CITY.toString());
        assertThat(destinationsOf("ars=05")).isEmpty();
    }

    @Test
    void routesByAgsAndByAreaId() {
        assertThat(destinationsOf("ags=" + HALLE.ags())).containsExactly(CITY.toString());
        assertThat(destinationsOf("areaId=1024")).containsExactly(CITY.toString());
    }

    @Test
    void signsTheAddressingInformationWithThePortalKeyAsPs512() throws Exception {
        Api.Reply reply = api.get("/routing/v1/routes?leikaKey=" + LEIKA + "&ars=" + HALLE.value(), null);
        SignedJWT signature = SignedJWT.parse(reply.json().get("routes").get(0).get("destinationSignature")
                .stringValue());

        assertThat(signature.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS512);
        assertThat(signature.getHeader().getType()).isEqualTo(new JOSEObjectType("jwt"));
        assertThat(Jose.verify(signature.serialize(), sandbox.portalJwks()).getStringClaim("submissionHost"))
                .isEqualTo(sandbox.baseUrl().getAuthority());
    }

    @Test
    void refusesBadParametersWith400() {
        for (String query : List.of("leikaKey=12&ars=05", "leikaKey=" + LEIKA, "leikaKey=" + LEIKA + "&ars=05&ags=05",
                "leikaKey=" + LEIKA + "&ars=0512", "ars=05", "leikaKey=" + LEIKA + "&ars=05&limit=0")) {
            Api.Reply reply = api.get("/routing/v1/routes?" + query, null);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertValid(ROUTING_API, "error", reply.body());
        }
    }

    @Test
    void findsAreasByNameWithWildcards() {
        Api.Reply reply = api.get("/routing/v1/areas?areaSearchexpression=Hall*", null);

        assertThat(reply.status()).isEqualTo(200);
        assertValid(ROUTING_API, "area-result", reply.body());
        assertThat(reply.json().get("totalCount").intValue()).isEqualTo(2);
        assertThat(api.get("/routing/v1/areas?areaSearchexpression=Saale", null).json().get("areas").get(0)
                .get("id").stringValue()).isEqualTo("1024");
        assertThat(api.get("/routing/v1/areas", null).status()).isEqualTo(400);
    }
}
