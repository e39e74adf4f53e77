package de.ozgsdk.auth;

/**
 * The attributes of a person that the SDK knows by meaning, whatever their wire name (a profile maps BundID's URNs
 * or OIDC claims onto them); {@link Citizen} has typed accessors for them.
 */
public enum PersonAttribute {
    /** Vorname. */
    GIVEN_NAME,
    /** Familienname. */
    SURNAME,
    /** Geburtsname. */
    BIRTH_NAME,
    /** Doktorgrad / Anrede. */
    TITLE,
    /** E-Mail-Adresse. */
    EMAIL,
    /** Straße und Hausnummer. */
    POSTAL_ADDRESS,
    /** Postleitzahl. */
    POSTAL_CODE,
    /** Ort. */
    LOCALITY,
    /** Land of the address (ISO 3166 alpha-2 as BundID sends it). */
    COUNTRY,
    /** Geburtsdatum (ISO date; the ID card may leave day or month unknown). */
    BIRTH_DATE,
    /** Geburtsort. */
    PLACE_OF_BIRTH,
    /** Staatsangehörigkeit. */
    NATIONALITY,
    /** Geschlecht as the provider codes it. */
    GENDER,
    /** Telefonnummer. */
    PHONE
}
