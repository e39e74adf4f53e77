package de.ozgsdk.http.internal;

import java.util.Optional;

/** The version of the SDK, as written into the jar's manifest by the build. */
public final class SdkVersion {

    private SdkVersion() {
    }

    /** The version, e.g. {@code 0.1.0}, or {@code dev} when running from classes that are not packaged in a jar. */
    public static String current() {
        return Optional.ofNullable(SdkVersion.class.getPackage().getImplementationVersion()).orElse("dev");
    }
}
