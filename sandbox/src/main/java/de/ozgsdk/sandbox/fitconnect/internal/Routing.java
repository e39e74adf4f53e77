package de.ozgsdk.sandbox.fitconnect.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.ozgsdk.sandbox.fitconnect.DestinationStatus;
import de.ozgsdk.sandbox.fitconnect.SandboxArea;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The routing service mock (Routing API 2.0.0): {@code /routes} finds the active destinations offering a LeiKa service
 * in an area and signs their addressing information ({@code destinationSignature}) with the self-service portal's key;
 * {@code /areas} searches the configured areas by name.
 */
public final class Routing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEIKA = Pattern.compile("99\\d{12}");
    private static final Pattern ARS = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{9}|\\d{12}");
    private static final Pattern AGS = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{8}");
    private static final Pattern AREA_ID = Pattern.compile("\\d+");
    private static final String GEBIET_PREFIX = "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:";

    private final RSAKey portalKey;
    private final Supplier<String> portalIssuer;
    private final Supplier<String> submissionHost;
    private final Clock clock;
    private final List<SandboxArea> areas;

    public Routing(RSAKey portalKey, Supplier<String> portalIssuer, Supplier<String> submissionHost, Clock clock,
            List<SandboxArea> areas) {
        this.portalKey = portalKey;
        this.portalIssuer = portalIssuer;
        this.submissionHost = submissionHost;
        this.clock = clock;
        this.areas = List.copyOf(areas);
    }

    /** {@code GET /routes}: exactly one of ars, ags, areaId; answers {@code route-result}. */
    public ObjectNode routes(List<SandboxDestination> destinations, Optional<String> leikaKey, Optional<String> ars,
            Optional<String> ags, Optional<String> areaId, int offset, int limit) {
        String key = leikaKey.orElseThrow(() -> Problem.badRequest("invalid-parameter",
                "leikaKey is required (14 digits starting with 99)"));
        if (!LEIKA.matcher(key).matches()) {
            throw Problem.badRequest("invalid-parameter", "leikaKey " + key + " is not 14 digits starting with 99");
        }
        int given = (ars.isPresent() ? 1 : 0) + (ags.isPresent() ? 1 : 0) + (areaId.isPresent() ? 1 : 0);
        if (given != 1) {
            throw Problem.badRequest("invalid-parameter", "exactly one of ars, ags and areaId is required, "
                    + given + " given");
        }
        ars.ifPresent(value -> requireFormat(ARS, value, "ars", "2, 3, 5, 9 or 12 digits"));
        ags.ifPresent(value -> requireFormat(AGS, value, "ags", "2, 3, 5 or 8 digits"));
        areaId.ifPresent(value -> requireFormat(AREA_ID, value, "areaId", "digits"));
        String wanted = "urn:de:fim:leika:leistung:" + key;
        List<SandboxDestination> found = new ArrayList<>();
        for (SandboxDestination destination : destinations) {
            if (destination.status() != DestinationStatus.ACTIVE) {
                continue;
            }
            boolean serves = destination.services().stream()
                    .filter(service -> service.identifier().equals(wanted))
                    .flatMap(service -> service.regions().stream())
                    .map(region -> region.substring(2))
                    .anyMatch(region -> covers(region, ars, ags, areaId));
            if (serves) {
                found.add(destination);
            }
        }
        return Pages.write(JSON.createObjectNode(), found, offset, limit, "routes", (routes, destination) -> {
            ObjectNode route = routes.addObject();
            route.put("destinationId", destination.id().toString());
            route.put("destinationSignature", sign(destination));
            route.put("destinationName", destination.name());
            route.put("origin", "Sandbox");
        });
    }

    private static void requireFormat(Pattern format, String value, String name, String expected) {
        if (!format.matcher(value).matches()) {
            throw Problem.badRequest("invalid-parameter", name + " " + value + " is not " + expected);
        }
    }

    /** Whether a destination's region (leading ARS digits) covers the requested area: its ARS starts with it. */
    private boolean covers(String region, Optional<String> ars, Optional<String> ags, Optional<String> areaId) {
        if (ars.isPresent()) {
            return ars.get().startsWith(region);
        }
        if (ags.isPresent()) {
            return ags.get().startsWith(agsOf(region));
        }
        String id = areaId.orElseThrow();
        return areas.stream().filter(area -> area.id().equals(id)).anyMatch(area -> area.ars().startsWith(region));
    }

    /** The AGS prefix a region (leading ARS digits) stands for: Gemeindeverband digits dropped. */
    private static String agsOf(String region) {
        if (region.length() <= 5) {
            return region;
        }
        if (region.length() == 12) {
            return region.substring(0, 5) + region.substring(9);
        }
        return region.substring(0, 5);
    }

    private String sign(SandboxDestination destination) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (SandboxDestination.Service service : destination.services()) {
            services.add(Map.of(
                    "gebietIDs", service.regions().stream().map(region -> GEBIET_PREFIX + region.substring(2))
                            .toList(),
                    "leistungIDs", List.of(service.identifier())));
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(portalIssuer.get())
                .issueTime(Date.from(clock.instant()))
                .jwtID(UUID.randomUUID().toString())
                .claim("submissionHost", submissionHost.get())
                .claim("destinationId", destination.id().toString())
                .claim("services", services)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).keyID(portalKey.getKeyID())
                .type(new JOSEObjectType("jwt")).build(), claims);
        try {
            jwt.sign(new RSASSASigner(portalKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("the sandbox could not sign a destinationSignature", e);
        }
        return jwt.serialize();
    }

    /** {@code GET /areas}: areas whose name or id matches every search expression ({@code *} as wildcard). */
    public ObjectNode areas(List<String> expressions, int offset, int limit) {
        if (expressions.isEmpty()) {
            throw Problem.badRequest("invalid-parameter", "areaSearchexpression is required (e.g. Halle*)");
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String expression : expressions) {
            if (expression.replace("*", "").length() < 2) {
                throw Problem.badRequest("invalid-parameter", "areaSearchexpression " + expression
                        + " needs at least two characters besides *");
            }
            List<String> pieces = new ArrayList<>();
            for (String piece : expression.toLowerCase(Locale.ROOT).split("\\*", -1)) {
                pieces.add(Pattern.quote(piece));
            }
            patterns.add(Pattern.compile(String.join(".*", pieces)));
        }
        List<SandboxArea> found = areas.stream().filter(area -> patterns.stream().allMatch(pattern ->
                        pattern.matcher(area.name().toLowerCase(Locale.ROOT)).find()
                                || pattern.matcher(area.id()).matches()))
                .toList();
        return Pages.write(JSON.createObjectNode(), found, offset, limit, "areas", (list, area) -> {
            ObjectNode node = list.addObject();
            node.put("id", area.id());
            node.put("name", area.name());
            node.put("type", area.type());
        });
    }
}
