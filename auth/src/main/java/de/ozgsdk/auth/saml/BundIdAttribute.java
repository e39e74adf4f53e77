package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.PersonAttribute;
import java.util.Optional;

/**
 * The attributes of BundID (interface description 10.2, section 6) by their URN {@code Name}, which is what a
 * service provider maps on (never the FriendlyName, which BundID does not promise to keep).
 */
public enum BundIdAttribute {
    /** Vorname(n). */
    GIVEN_NAME("urn:oid:2.5.4.42", "givenName", PersonAttribute.GIVEN_NAME),
    /** Nachname. */
    SURNAME("urn:oid:2.5.4.4", "surname", PersonAttribute.SURNAME),
    /** E-Mail-Adresse. */
    MAIL("urn:oid:0.9.2342.19200300.100.1.3", "mail", PersonAttribute.EMAIL),
    /** Straße. */
    POSTAL_ADDRESS("urn:oid:2.5.4.16", "postalAddress", PersonAttribute.POSTAL_ADDRESS),
    /** PLZ. */
    POSTAL_CODE("urn:oid:2.5.4.17", "postalCode", PersonAttribute.POSTAL_CODE),
    /** Wohnort. */
    LOCALITY_NAME("urn:oid:2.5.4.7", "localityName", PersonAttribute.LOCALITY),
    /** Land der Adresse. */
    COUNTRY("urn:oid:1.2.40.0.10.2.1.1.225599", "country", PersonAttribute.COUNTRY),
    /** Akademischer Titel. */
    PERSONAL_TITLE("urn:oid:0.9.2342.19200300.100.1.40", "personalTitle", PersonAttribute.TITLE),
    /** Anrede / Geschlecht (the interface description and the FAQ code it differently). */
    GENDER("urn:oid:1.3.6.1.4.1.33592.1.3.5", "gender", PersonAttribute.GENDER),
    /** Geburtsdatum. */
    BIRTHDATE("urn:oid:1.2.40.0.10.2.1.1.55", "birthdate", PersonAttribute.BIRTH_DATE),
    /** Geburtsort. */
    PLACE_OF_BIRTH("urn:oid:1.3.6.1.5.5.7.9.2", "placeOfBirth", PersonAttribute.PLACE_OF_BIRTH),
    /** Geburtsname. */
    BIRTH_NAME("urn:oid:1.2.40.0.10.2.1.1.225566", "birthName", PersonAttribute.BIRTH_NAME),
    /** Staatsangehörigkeit. */
    NATIONALITY("urn:oid:1.2.40.0.10.2.1.1.225577", "nationality", PersonAttribute.NATIONALITY),
    /** Telefonnummer. */
    TELEPHONE_NUMBER("urn:oid:2.5.4.20", "telephoneNumber", PersonAttribute.PHONE),
    /** Ausstellender Staat des Ausweises. */
    ISSUING_STATE("urn:oid:1.2.40.0.10.2.1.1.552244", "issuingState", null),
    /** Dokumententyp des Ausweises. */
    DOCUMENT_TYPE("urn:oid:1.2.40.0.10.2.1.1.552255", "documentType", null),
    /** Ausstellendes Land einer eIDAS-Identität. */
    EIDAS_ISSUING_COUNTRY("urn:oid:1.3.6.1.4.1.25484.494450.10.1", "eIDAS-Issuing-Country", null),
    /** Wohnort-ID. */
    COMMUNITY_ID("urn:oid:1.3.6.1.4.1.25484.494450.5", "communityId", null),
    /** bPK (older sector-specific key, base64 of {@code version::issuer@sector::ssPIN::timestamp}). */
    BPK("urn:oid:1.2.40.0.10.2.1.1.149", "bPK", null),
    /** bPK2: the stable per-SP user key (derived from the host name of the SP's entityID). */
    BPK2("urn:oid:1.3.6.1.4.1.25484.494450.3", "bPK2", null),
    /** Vertrauensniveau of the login, {@code STORK-QAA-Level-n}. */
    TRUST_LEVEL("urn:oid:1.2.40.0.10.2.1.1.261.94", "EID-CITIZEN-QAA-LEVEL", null),
    /** Version of the attribute set. */
    VERSION("urn:oid:1.3.6.1.4.1.25484.494450.1", "Version", null),
    /** How the login was proved (the login method). */
    ASSERTION_PROVED_BY("urn:oid:1.3.6.1.4.1.25484.494450.2", "AssertionProvedBy", null),
    /** Postkorb-Handle: the address of the citizen's postbox (a UUID; not a user key). */
    POSTKORB_HANDLE("urn:oid:2.5.4.18", "legacyPostkorbHandle", null),
    /** Antrags-ID. */
    APPLICATION_ID("urn:oid:1.3.6.1.4.1.25484.494450.4", "applicationId", null),
    /** Pseudonym. */
    PSEUDONYM("urn:oid:1.2.40.0.10.2.1.1.226699", "pseudonym", null),
    /** Whether a second factor was used. */
    MFA("urn:oid:1.3.6.1.4.1.25484.494450.7", "mfa", null);

    private final String urn;
    private final String friendlyName;
    private final PersonAttribute meaning;

    BundIdAttribute(String urn, String friendlyName, PersonAttribute meaning) {
        this.urn = urn;
        this.friendlyName = friendlyName;
        this.meaning = meaning;
    }

    /** The attribute's {@code Name}, e.g. {@code urn:oid:2.5.4.42}. */
    public String urn() {
        return urn;
    }

    /** The FriendlyName, for people reading metadata and logs only. */
    public String friendlyName() {
        return friendlyName;
    }

    /** What the attribute means for {@link de.ozgsdk.auth.Citizen}'s typed accessors, if it is a person attribute. */
    public Optional<PersonAttribute> meaning() {
        return Optional.ofNullable(meaning);
    }

    /** The attribute with Name {@code urn}. */
    public static Optional<BundIdAttribute> byUrn(String urn) {
        for (BundIdAttribute attribute : values()) {
            if (attribute.urn.equals(urn)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
