package de.ozgsdk.portal.runtime;

import de.ozgsdk.sandbox.idp.Persona;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test citizen whose names are random strings of this test run, so that a search of everything the portal stored
 * finds them only where the portal kept them; the IdP mock of {@link PortalWorld} offers it besides the shipped ones.
 */
public final class UniquePersona {

    /** The persona id to pick on the IdP mock's login page. */
    public static final String ID = "unique-eid";
    /** The given name, as the eID sends it. */
    public static final String GIVEN_NAME = letters("VQ", 14);
    /** The surname, as the eID sends it. */
    public static final String SURNAME = letters("ZQ", 14);

    private UniquePersona() {
    }

    /** Random upper-case letters after {@code prefix}: no form pattern refuses them, no other text contains them. */
    public static String letters(String prefix, int length) {
        StringBuilder text = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            text.append((char) ('A' + Holder.RANDOM.nextInt(26)));
        }
        return text.toString();
    }

    /** The shipped personas and this one. */
    static List<Persona> withShipped() {
        List<Persona> all = new ArrayList<>(Persona.shipped());
        all.add(new Persona(ID, "Unique test citizen: Online-Ausweis", "eID", 4, false,
                Optional.of("6f1c1f5e-3a51-4a39-9d2e-0c5b1d1e2f70"), List.of(
                        new Persona.Attribute("urn:oid:2.5.4.42", "givenName", GIVEN_NAME, "HOCH"),
                        new Persona.Attribute("urn:oid:2.5.4.4", "surname", SURNAME, "HOCH"),
                        new Persona.Attribute("urn:oid:1.2.40.0.10.2.1.1.55", "birthdate", "1971-03-09", "HOCH"))));
        return all;
    }

    /** Initialised before the static fields of the outer class that use it. */
    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
