package de.ozgsdk.sandbox.idp;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.sandbox.SandboxError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A test citizen the Servicekonto IdP mock can log in: how they log in ({@code AssertionProvedBy}, e.g. eID,
 * Elster, Benutzername, eIDAS), the STORK QAA level, their postbox handle and attributes with BundID's
 * {@code akdb:TrustLevel}. A temporary login has neither bPK2 nor Postkorb-Handle; for every other persona the
 * mock derives bPK2 from the persona id and the host name of the service provider's entityID, as BundID derives
 * it from the SP. All shipped personas are invented (Erika Mustermann is the ID card's sample person).
 *
 * @param id             the id a test picks the persona by
 * @param label          the text on the login page
 * @param method         the login method as BundID names it
 * @param level          the STORK QAA level 1 to 4
 * @param temporary      whether this is a temporary login (no bPK2, no Postkorb-Handle)
 * @param postkorbHandle the postbox handle (a UUID), empty for a temporary login
 * @param attributes     the attributes in the order they are sent
 * @param organisation   the attributes of the organisation the persona acts for (a company-account login such as
 *                       Mein Unternehmenskonto), sent after the person's; empty for a citizen
 */
public record Persona(String id, String label, String method, int level, boolean temporary,
        Optional<String> postkorbHandle, List<Attribute> attributes, List<Attribute> organisation) {

    public Persona {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(method, "method");
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("level must be 1 to 4, was " + level);
        }
        Objects.requireNonNull(postkorbHandle, "postkorbHandle");
        attributes = List.copyOf(attributes);
        organisation = List.copyOf(organisation);
    }

    /** A persona acting for themselves, without organisation attributes. */
    public Persona(String id, String label, String method, int level, boolean temporary,
            Optional<String> postkorbHandle, List<Attribute> attributes) {
        this(id, label, method, level, temporary, postkorbHandle, attributes, List.of());
    }

    /** Whether the persona acts for an organisation. */
    public boolean actsForOrganisation() {
        return !organisation.isEmpty();
    }

    /**
     * One attribute of a persona.
     *
     * @param name         the URN Name
     * @param friendlyName the FriendlyName
     * @param value        the value
     * @param trust        the {@code akdb:TrustLevel} (UNTERGEORDNET, NORMAL, SUBSTANTIELL, HOCH)
     */
    public record Attribute(String name, String friendlyName, String value, String trust) {
    }

    /**
     * The personas shipped with the sandbox: eID (4), ELSTER (3), user name (1), temporary eID, eIDAS minimum, and an
     * employee logging in for a company (ELSTER organisation certificate, 3).
     */
    public static List<Persona> shipped() {
        try (InputStream in = Persona.class.getResourceAsStream("personas.json")) {
            return read(in, "personas.json (shipped)");
        } catch (IOException e) {
            throw new ConfigurationException(SandboxError.IDP_PERSONAS_INVALID, e, "personas.json", e.getMessage());
        }
    }

    /** Reads personas from a JSON array, see the shipped {@code personas.json} for the format. */
    public static List<Persona> read(InputStream in, String source) {
        try {
            JsonNode root = new ObjectMapper().readTree(in);
            if (!root.isArray() || root.isEmpty()) {
                throw invalid(source, "not a non-empty JSON array");
            }
            List<Persona> personas = new ArrayList<>();
            for (JsonNode node : root) {
                personas.add(persona(node, source));
            }
            return personas;
        } catch (JacksonException e) {
            throw new ConfigurationException(SandboxError.IDP_PERSONAS_INVALID, e, source, "not valid JSON");
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private static Persona persona(JsonNode node, String source) {
        List<Attribute> attributes = attributes(node.path("attributes"), source);
        List<Attribute> organisation = attributes(node.path("organisation"), source);
        boolean temporary = node.path("temporary").asBoolean(false);
        String handle = node.path("postkorbHandle").asString("");
        if (!temporary && handle.isEmpty()) {
            throw invalid(source, "persona " + node.path("id").asString("?") + " needs a postkorbHandle");
        }
        return new Persona(text(node, "id", source), text(node, "label", source), text(node, "method", source),
                node.path("level").asInt(0), temporary, handle.isEmpty() ? Optional.empty() : Optional.of(handle),
                attributes, organisation);
    }

    private static List<Attribute> attributes(JsonNode list, String source) {
        List<Attribute> attributes = new ArrayList<>();
        for (JsonNode attribute : list) {
            attributes.add(new Attribute(text(attribute, "name", source), attribute.path("friendlyName").asString(""),
                    text(attribute, "value", source), attribute.path("trust").asString("NORMAL")));
        }
        return attributes;
    }

    private static String text(JsonNode node, String field, String source) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw invalid(source, "a persona or attribute lacks \"" + field + "\"");
        }
        return value;
    }

    private static ConfigurationException invalid(String source, String problem) {
        return new ConfigurationException(SandboxError.IDP_PERSONAS_INVALID, source, problem);
    }

    /** Id, method and level only: the attributes are (invented) personal data. */
    @Override
    public String toString() {
        return "Persona[" + id + ", " + method + ", level " + level + (temporary ? ", temporary" : "")
                + (actsForOrganisation() ? ", organisation" : "") + "]";
    }
}
