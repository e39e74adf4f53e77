package de.ozgsdk.core.xml;

import com.ctc.wstx.stax.WstxInputFactory;

/** The StAX implementations the hardening tests run with: the JDK's (default) and Woodstox. */
enum Stax {
    JDK,
    WOODSTOX;

    private static final SecureXml WOODSTOX_DEFAULTS = SecureXml.builder().staxFactory(WstxInputFactory::new).build();

    SecureXml defaults() {
        return this == JDK ? SecureXml.defaults() : WOODSTOX_DEFAULTS;
    }

    SecureXml.Builder builder() {
        return this == JDK ? SecureXml.builder() : SecureXml.builder().staxFactory(WstxInputFactory::new);
    }
}
