package de.ozgsdk.sandbox.oidc;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.sandbox.SandboxError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test person the OIDC provider mock can log in: the {@code sub}, the trust level (sent as {@code acr}), the login
 * method and the claims (standard OIDC claims; {@code bpk2} and {@code postkorb_handle} as a broker in front of BundID
 * passes them). {@link #shipped()} are four invented people (online ID card, ELSTER, user name, temporary login);
 * {@link #fromJson(InputStream)} reads a file of the same shape ({@code {"personas": [...]}}).
 *
 * @param id          the id a test or the picker page chooses it by ({@code [a-z0-9-]+})
 * @param label       what the picker page shows
 * @param subject     the {@code sub} claim
 * @param level       the trust level of the login
 * @param loginMethod the login method (BundID name: eID, Elster, Benutzername, ...)
 * @param claims      the claims, nested objects and arrays allowed
 */
public record OidcPersona(String id, String label, String subject, TrustLevel level, String loginMethod,
        Map<String, Object> claims) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public OidcPersona {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, id, "id must match [a-z0-9-]{1,64}");
        }
        Objects.requireNonNull(label, "label");
        if (Objects.requireNonNull(subject, "subject").isBlank()) {
            throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, id, "subject is blank");
        }
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(loginMethod, "loginMethod");
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** The personas shipped with the sandbox. */
    public static List<OidcPersona> shipped() {
        try (InputStream in = OidcPersona.class.getResourceAsStream("personas.json")) {
            return fromJson(Objects.requireNonNull(in, "personas.json is part of the sandbox jar"));
        } catch (IOException e) {
            throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, e, "personas.json", e.toString());
        }
    }

    /**
     * Reads personas from JSON {@code {"personas": [{"id", "label", "subject", "level", "loginMethod", "claims"}]}};
     * {@code level} is a {@link TrustLevel} name or any form {@link TrustLevel#parse} understands.
     *
     * @throws ConfigurationException {@code OZG-SANDBOX-142} naming the persona and what is wrong
     */
    public static List<OidcPersona> fromJson(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, e, "(file)", e.getOriginalMessage());
        }
        List<OidcPersona> personas = new ArrayList<>();
        JsonNode list = root.path("personas");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, "(file)",
                    "member \"personas\" must be a non-empty array");
        }
        for (JsonNode node : list) {
            String id = node.path("id").asString("");
            try {
                personas.add(new OidcPersona(id, node.path("label").asString(id), node.path("subject").asString(""),
                        TrustLevel.parse(node.path("level").asString("")), node.path("loginMethod").asString("other"),
                        node.path("claims").isObject()
                                ? JSON.convertValue(node.path("claims"), Map.class) : Map.of()));
            } catch (de.ozgsdk.core.InvalidInputException e) {
                throw new ConfigurationException(SandboxError.OIDC_PERSONA_INVALID, e, id, e.getMessage());
            }
        }
        return List.copyOf(personas);
    }

    /** The id and level only: the claims are personal data, even invented. */
    @Override
    public String toString() {
        return "OidcPersona[" + id + ", " + level + "]";
    }
}
