package de.ozgsdk.portal.profile;

/** A kind of citizen postbox a portal can deliver receipts and messages to (postbox module of the SDK). */
public enum PostboxKind {
    /** The Zentrales Bürgerpostfach (ZBP) of BundID, over FIT-Connect. */
    ZBP,
    /** A postbox of the portal itself. */
    PORTAL
}
