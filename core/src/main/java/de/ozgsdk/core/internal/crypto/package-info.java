/** Internals of key and certificate loading (PEM and PKCS#12 decoding, chain ordering); not a public API. */
package de.ozgsdk.core.internal.crypto;
