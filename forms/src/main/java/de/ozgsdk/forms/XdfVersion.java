package de.ozgsdk.forms;

import java.util.Optional;

/** A version of the XDatenfelder standard, recognised by the namespace of the message. */
public enum XdfVersion {
    /** XDatenfelder 2.0, namespace {@code urn:xoev-de:fim:standard:xdatenfelder_2}. */
    XDF2("urn:xoev-de:fim:standard:xdatenfelder_2"),
    /** XDatenfelder 3.0.0, namespace {@code urn:xoev-de:fim:standard:xdatenfelder_3.0.0}. */
    XDF3("urn:xoev-de:fim:standard:xdatenfelder_3.0.0");

    private final String namespace;

    XdfVersion(String namespace) {
        this.namespace = namespace;
    }

    /** The XML namespace URI of the messages of this version. */
    public String namespace() {
        return namespace;
    }

    /** The version whose namespace this is, or empty for any other namespace. */
    public static Optional<XdfVersion> ofNamespace(String namespace) {
        for (XdfVersion version : values()) {
            if (version.namespace.equals(namespace)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
