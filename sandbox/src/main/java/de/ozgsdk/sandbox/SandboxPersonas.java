package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.sandbox.idp.Persona;
import de.ozgsdk.sandbox.oidc.OidcPersona;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personas of a combined {@link Sandbox}: the shipped ones of the Servicekonto IdP (SAML) and of the OIDC
 * provider, plus those of a persona file {@code {"saml": [...], "oidc": [...]}} whose entries have the shape of the
 * shipped {@code idp/personas.json} and {@code oidc/personas.json} entries. A bad file is refused with
 * {@code OZG-SANDBOX-120} naming line, column and JSON pointer of the entry.
 *
 * @param saml the personas of the Servicekonto IdP's login page
 * @param oidc the personas of the OIDC provider's picker
 */
public record SandboxPersonas(List<Persona> saml, List<OidcPersona> oidc) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OIDC_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Freezes the lists. */
    public SandboxPersonas {
        saml = List.copyOf(saml);
        oidc = List.copyOf(oidc);
    }

    /** The shipped personas only. */
    public static SandboxPersonas shipped() {
        return new SandboxPersonas(Persona.shipped(), OidcPersona.shipped());
    }

    /**
     * The shipped personas plus those of {@code file}.
     *
     * @throws ConfigurationException {@code OZG-SANDBOX-120} if the file is unreadable, no JSON, of another shape,
     *     or an entry lacks a field or repeats an id, with the position of the problem
     */
    public static SandboxPersonas shippedAnd(Path file) {
        SandboxPersonas shipped = shipped();
        SandboxPersonas added = read(file);
        List<Persona> saml = new ArrayList<>(shipped.saml());
        saml.addAll(added.saml());
        List<OidcPersona> oidc = new ArrayList<>(shipped.oidc());
        oidc.addAll(added.oidc());
        return new SandboxPersonas(saml, oidc);
    }

    /** The personas of {@code file} alone (see {@link #shippedAnd(Path)} for the errors). */
    public static SandboxPersonas read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(source, 0, 0, "", "the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode root;
        Map<String, TokenStreamLocation> positions;
        try {
            root = JSON.readTree(bytes);
            positions = positions(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            return throwInvalid(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "no valid JSON: " + e.getOriginalMessage());
        }
        Reader reader = new Reader(source, positions);
        if (root == null || !root.isObject()) {
            throw reader.invalid("", "the file must hold one JSON object {\"saml\": [...], \"oidc\": [...]}");
        }
        for (String member : root.propertyNames()) {
            if (!member.equals("saml") && !member.equals("oidc") && !member.equals("comment")) {
                throw reader.invalid("/" + member, "unknown member \"" + member
                        + "\"; allowed are \"saml\", \"oidc\" and \"comment\"");
            }
        }
        List<Persona> saml = reader.saml(root.path("saml"));
        List<OidcPersona> oidc = reader.oidc(root.path("oidc"));
        if (saml.isEmpty() && oidc.isEmpty()) {
            throw reader.invalid("", "neither \"saml\" nor \"oidc\" holds a persona");
        }
        Set<String> shippedSaml = new HashSet<>();
        Persona.shipped().forEach(persona -> shippedSaml.add(persona.id()));
        for (int i = 0; i < saml.size(); i++) {
            if (shippedSaml.contains(saml.get(i).id())) {
                throw reader.invalid("/saml/" + i, "id \"" + saml.get(i).id()
                        + "\" is a shipped persona's; choose another");
            }
        }
        Set<String> shippedOidc = new HashSet<>();
        OidcPersona.shipped().forEach(persona -> shippedOidc.add(persona.id()));
        for (int i = 0; i < oidc.size(); i++) {
            if (shippedOidc.contains(oidc.get(i).id())) {
                throw reader.invalid("/oidc/" + i, "id \"" + oidc.get(i).id()
                        + "\" is a shipped persona's; choose another");
            }
        }
        return new SandboxPersonas(saml, oidc);
    }

    /** Where each value starts, by JSON pointer. */
    private static Map<String, TokenStreamLocation> positions(byte[] bytes) {
        Map<String, TokenStreamLocation> positions = new HashMap<>();
        List<String> path = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    path.remove(path.size() - 1);
                    indexes.remove(indexes.size() - 1);
                    continue;
                }
                String segment = "";
                if (!indexes.isEmpty()) {
                    int index = indexes.get(indexes.size() - 1);
                    if (index >= 0) {
                        segment = "/" + index;
                        indexes.set(indexes.size() - 1, index + 1);
                    } else {
                        segment = "/" + parser.currentName();
                    }
                }
                String pointer = (path.isEmpty() ? "" : path.get(path.size() - 1)) + segment;
                positions.put(pointer, parser.currentTokenLocation());
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    path.add(pointer);
                    indexes.add(token == JsonToken.START_ARRAY ? 0 : -1);
                }
            }
        }
        return positions;
    }

    private static SandboxPersonas throwInvalid(String source, int line, int column, String pointer, String problem) {
        throw invalid(source, line, column, pointer, problem);
    }

    private static ConfigurationException invalid(String source, int line, int column, String pointer,
            String problem) {
        return new ConfigurationException(SandboxError.PERSONA_FILE_INVALID, source, line, column,
                pointer.isEmpty() ? "/" : pointer, problem);
    }

    /** Checks the entries field by field, so that an error names the field's position. */
    private record Reader(String source, Map<String, TokenStreamLocation> positions) {

        ConfigurationException invalid(String pointer, String problem) {
            String at = pointer;
            while (!positions.containsKey(at) && at.contains("/")) {
                at = at.substring(0, at.lastIndexOf('/'));
            }
            TokenStreamLocation location = positions.get(at);
            return SandboxPersonas.invalid(source, location == null ? 1 : location.getLineNr(),
                    location == null ? 1 : location.getColumnNr(), pointer, problem);
        }

        List<Persona> saml(JsonNode list) {
            if (list.isMissingNode()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw invalid("/saml", "\"saml\" must be an array of personas");
            }
            List<Persona> personas = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "/saml/" + i;
                JsonNode node = list.get(i);
                if (!node.isObject()) {
                    throw invalid(at, "a persona must be an object");
                }
                String id = text(node, at, "id");
                if (!ids.add(id)) {
                    throw invalid(at + "/id", "id \"" + id + "\" appears twice");
                }
                text(node, at, "label");
                text(node, at, "method");
                int level = node.path("level").asInt(0);
                if (!node.path("level").isInt() || level < 1 || level > 4) {
                    throw invalid(at + "/level", "\"level\" must be the STORK QAA level 1, 2, 3 or 4");
                }
                boolean temporary = node.path("temporary").asBoolean(false);
                if (!temporary) {
                    String handle = text(node, at, "postkorbHandle");
                    if (!UUID_SHAPE.matcher(handle).matches()) {
                        throw invalid(at + "/postkorbHandle", "\"postkorbHandle\" must be a UUID");
                    }
                }
                attributes(node, at, "attributes", true);
                attributes(node, at, "organisation", false);
                personas.addAll(Persona.read(new ByteArrayInputStream(("[" + node + "]")
                        .getBytes(StandardCharsets.UTF_8)), source));
            }
            return personas;
        }

        private void attributes(JsonNode persona, String at, String member, boolean required) {
            JsonNode list = persona.path(member);
            if (list.isMissingNode() && !required) {
                return;
            }
            if (!list.isArray() || (required && list.isEmpty())) {
                throw invalid(at + "/" + member, "\"" + member + "\" must be a" + (required ? " non-empty" : "n")
                        + " array of {\"name\", \"friendlyName\", \"value\", \"trust\"}");
            }
            for (int j = 0; j < list.size(); j++) {
                String attribute = at + "/" + member + "/" + j;
                text(list.get(j), attribute, "name");
                text(list.get(j), attribute, "value");
            }
        }

        List<OidcPersona> oidc(JsonNode list) {
            if (list.isMissingNode()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw invalid("/oidc", "\"oidc\" must be an array of personas");
            }
            Set<String> ids = new HashSet<>();
            List<OidcPersona> personas = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "/oidc/" + i;
                JsonNode node = list.get(i);
                if (!node.isObject()) {
                    throw invalid(at, "a persona must be an object");
                }
                String id = text(node, at, "id");
                if (!OIDC_ID.matcher(id).matches()) {
                    throw invalid(at + "/id", "\"id\" must match [a-z0-9-]{1,64}");
                }
                if (!ids.add(id)) {
                    throw invalid(at + "/id", "id \"" + id + "\" appears twice");
                }
                text(node, at, "subject");
                try {
                    TrustLevel.parse(text(node, at, "level"));
                } catch (InvalidInputException e) {
                    throw invalid(at + "/level", "\"level\" must be LOW, SUBSTANTIAL or HIGH");
                }
                if (!node.path("claims").isMissingNode() && !node.path("claims").isObject()) {
                    throw invalid(at + "/claims", "\"claims\" must be an object of OIDC claims");
                }
                ObjectNode wrapper = JSON.createObjectNode();
                ArrayNode one = wrapper.putArray("personas");
                one.add(node);
                personas.addAll(OidcPersona.fromJson(new ByteArrayInputStream(wrapper.toString()
                        .getBytes(StandardCharsets.UTF_8))));
            }
            return personas;
        }

        private String text(JsonNode node, String at, String field) {
            JsonNode value = node.path(field);
            if (!value.isString() || value.asString().isBlank()) {
                throw invalid(at + (value.isMissingNode() ? "" : "/" + field), "\"" + field
                        + "\" is missing or not a non-empty string");
            }
            return value.asString();
        }
    }
}
