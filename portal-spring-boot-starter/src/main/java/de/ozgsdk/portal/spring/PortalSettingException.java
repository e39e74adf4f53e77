package de.ozgsdk.portal.spring;

import de.ozgsdk.core.ConfigurationException;

/**
 * A setting under {@code ozg.portal} is missing or unusable; {@link #setting()} names it so that the start-up failure
 * report (see {@link OzgPortalFailureAnalyzer}) can say exactly what to set.
 */
public class PortalSettingException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /** A missing setting: {@code why} says what needs it. */
    public static PortalSettingException missing(String setting, String why) {
        return new PortalSettingException(StarterError.SETTING_MISSING, setting, null, setting, why);
    }

    /** An unusable setting: {@code problem} says what is wrong with it (no secret values). */
    public static PortalSettingException invalid(String setting, String problem, Throwable cause) {
        return new PortalSettingException(StarterError.SETTING_INVALID, setting, cause, setting, problem);
    }

    PortalSettingException(StarterError code, String setting, Throwable cause, Object... arguments) {
        super(code, cause, arguments);
        this.setting = setting;
    }

    /** The full name of the setting, e.g. {@code ozg.portal.timestamp.url}. */
    public String setting() {
        return setting;
    }
}
