package de.ozgsdk.core;

import java.util.Arrays;
import java.util.Optional;

/** The sixteen Länder with their two-digit key, the first two digits of every Regionalschlüssel. */
public enum Bundesland {
    SCHLESWIG_HOLSTEIN("01", "Schleswig-Holstein"),
    HAMBURG("02", "Hamburg"),
    NIEDERSACHSEN("03", "Niedersachsen"),
    BREMEN("04", "Bremen"),
    NORDRHEIN_WESTFALEN("05", "Nordrhein-Westfalen"),
    HESSEN("06", "Hessen"),
    RHEINLAND_PFALZ("07", "Rheinland-Pfalz"),
    BADEN_WUERTTEMBERG("08", "Baden-Württemberg"),
    BAYERN("09", "Bayern"),
    SAARLAND("10", "Saarland"),
    BERLIN("11", "Berlin"),
    BRANDENBURG("12", "Brandenburg"),
    MECKLENBURG_VORPOMMERN("13", "Mecklenburg-Vorpommern"),
    SACHSEN("14", "Sachsen"),
    SACHSEN_ANHALT("15", "Sachsen-Anhalt"),
    THUERINGEN("16", "Thüringen");

    private final String key;
    private final String displayName;

    Bundesland(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    /** The two-digit Land key, e.g. {@code 05}. */
    public String key() {
        return key;
    }

    /** The official German name, e.g. {@code Nordrhein-Westfalen}. */
    public String displayName() {
        return displayName;
    }

    /** The Land with the given two-digit key, if there is one. */
    public static Optional<Bundesland> ofKey(String key) {
        return Arrays.stream(values()).filter(land -> land.key.equals(key)).findFirst();
    }
}
