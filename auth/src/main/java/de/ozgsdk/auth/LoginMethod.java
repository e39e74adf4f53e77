package de.ozgsdk.auth;

import java.util.Locale;

/**
 * How the citizen logged in at the Servicekonto; for BundID the {@code akdb:AuthnMethods} names and the value of
 * the attribute AssertionProvedBy.
 */
public enum LoginMethod {
    /** Online ID function of the Personalausweis, eID card or eAT. */
    EID("eID"),
    /** ELSTER certificate. */
    ELSTER("Elster"),
    /** User name and password (Benutzername). */
    USERNAME("Benutzername"),
    /** A notified eID of another EU member state (eIDAS). */
    EIDAS("eIDAS"),
    /** Authega (Bavarian login with activation code). */
    AUTHEGA("Authega"),
    /** Diia, the Ukrainian eID. */
    DIIA("Diia"),
    /** FINK, login with an online banking identity. */
    FINK("FINK"),
    /** A method the SDK does not know by name, or none was reported. */
    OTHER("other");

    private final String akdbName;

    LoginMethod(String akdbName) {
        this.akdbName = akdbName;
    }

    /** The method named {@code text} (case-insensitive, BundID spelling or constant name), else {@link #OTHER}. */
    public static LoginMethod parse(String text) {
        String value = text.strip();
        for (LoginMethod method : values()) {
            if (method.akdbName.equalsIgnoreCase(value) || method.name().equalsIgnoreCase(value)) {
                return method;
            }
        }
        return value.toLowerCase(Locale.ROOT).startsWith("eid") ? EID : OTHER;
    }

    /** The name BundID uses in {@code akdb:AuthnMethods}, e.g. {@code Benutzername}. */
    public String akdbName() {
        return akdbName;
    }
}
