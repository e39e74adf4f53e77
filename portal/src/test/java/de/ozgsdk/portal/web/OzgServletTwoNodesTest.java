package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16 §7: two central hosts (two nodes with their own pools, providers and runtimes) on one database (H2, and
 * PostgreSQL when {@code OZG_TEST_POSTGRES_URL} is set); every request of the citizen goes to the other node than the
 * one before, like behind a round-robin load balancer, and the application still arrives exactly once.
 */
class OzgServletTwoNodesTest {

    static List<String> databases() {
        return WebPortalWorld.databaseKinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCitizenWhoseRequestsAlternateBetweenTwoHostsAppliesOnce(String database) throws Exception {
        int portA = WebPortals.freePort();
        int portB = WebPortals.freePort();
        URI koelnA = URI.create("http://localhost:" + portA + "/" + WebPortalWorld.KOELN.value());
        try (WebPortalWorld world = new WebPortalWorld(database)) {
            // both nodes are one service provider with one public ACS, as behind a load balancer
            URI acs = URI.create(koelnA + "/login/acs");
            WebPortalWorld.Node nodeA = world.node(acs, WebPortals.TEXT_RECEIPT);
            WebPortalWorld.Node nodeB = world.node(acs, WebPortals.TEXT_RECEIPT);
            CsrfProtection csrf = CsrfProtection.builder(WebPortals.CSRF_KEY)
                    .trustedOrigin("http://localhost:" + portA).trustedOrigin("http://localhost:" + portB).build();
            try (PortalHost hostA = host(world, nodeA, csrf, portA);
                    PortalHost hostB = host(world, nodeB, csrf, portB)) {
                AtomicInteger requests = new AtomicInteger();
                List<Integer> served = new ArrayList<>();
                UnaryOperator<URI> roundRobin = uri -> {
                    if (!Set.of(portA, portB).contains(uri.getPort())) {
                        return uri;
                    }
                    int port = requests.getAndIncrement() % 2 == 0 ? portA : portB;
                    served.add(port);
                    return URI.create(uri.toString().replace(":" + uri.getPort() + "/", ":" + port + "/"));
                };
                WebPortals.Running running = new WebPortals.Running(koelnA, null, nodeA, () -> { });
                OzgServletFlowTest.apply(world, running, () -> new Browser("de-DE", roundRobin), 10);

                nodeB.deliver();
                nodeA.deliver();
                assertThat(world.intakeCount()).isEqualTo(1);
                assertThat(world.postboxMessages()).hasSize(1);
                assertThat(served).contains(portA, portB);
                assertThat(served.stream().filter(p -> p == portB).count()).isGreaterThan(10);
            }
        }
    }

    private static PortalHost host(WebPortalWorld world, WebPortalWorld.Node node, CsrfProtection csrf, int port) {
        return PortalHost.builder(world.tenants(), tenant -> OzgServlet.builder(node.runtime, csrf,
                JdbcFlowSessions.builder(node.database).scope(tenant.tenant().id().value()).build()).build())
                .port(port).start();
    }
}
