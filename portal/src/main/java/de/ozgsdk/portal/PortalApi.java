package de.ozgsdk.portal;

/**
 * The API level of this runtime, which service packages name as their minimum: a package that needs a higher level
 * than the runtime offers is refused when it is loaded, and a portal profile states the level its runtime has.
 */
public final class PortalApi {

    /**
     * The API level this runtime offers. It grows by one whenever the runtime offers something a package may rely on
     * (a descriptor field, a fee rule kind, a prefill source); it never shrinks within a major version.
     */
    public static final int LEVEL = 1;

    private PortalApi() {
    }
}
