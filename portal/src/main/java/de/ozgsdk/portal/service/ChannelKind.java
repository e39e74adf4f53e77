package de.ozgsdk.portal.service;

/** A kind of channel over which the back office (Fachverfahren) can receive an application of a service. */
public enum ChannelKind {
    /** FIT-Connect submission to a destination (Zustellpunkt). */
    FIT_CONNECT,
    /** HTTPS POST with mutual TLS to the back office's intake. */
    HTTPS,
    /** A file in a drop directory that the back office reads. */
    FILE_DROP
}
