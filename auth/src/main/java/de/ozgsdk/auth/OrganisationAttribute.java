package de.ozgsdk.auth;

/**
 * The attributes of an organisation that the SDK knows by meaning, whatever their wire name: a company-account
 * profile ({@link de.ozgsdk.auth.saml.CompanyAccountProfile}) maps the names of the integrator's connection contract
 * onto them; {@link Organisation} has typed accessors for them.
 */
public enum OrganisationAttribute {
    /** The stable key of the organisation (the pseudonym the account delivers); required. */
    KEY,
    /** Name or Firma of the organisation; required. */
    NAME,
    /** Rechtsform (GmbH, e. K., e. V. ...). */
    LEGAL_FORM,
    /** Straße und Hausnummer of the seat. */
    POSTAL_ADDRESS,
    /** Postleitzahl of the seat. */
    POSTAL_CODE,
    /** Ort of the seat. */
    LOCALITY,
    /** Land of the seat. */
    COUNTRY,
    /** Registerart (HRA, HRB, VR, GnR, PR). */
    REGISTER_TYPE,
    /** Registernummer. */
    REGISTER_NUMBER,
    /** Registergericht. */
    REGISTER_COURT,
    /** Steuernummer. */
    TAX_NUMBER,
    /** The id of the ELSTER account (Benutzerkonto) the organisation certificate belongs to. */
    ELSTER_ACCOUNT_ID
}
